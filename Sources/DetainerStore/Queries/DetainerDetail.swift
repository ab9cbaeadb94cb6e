import DetainerDomain
import SQLite

/// `detainer show`: the whole record of one detainer, for reading as a timeline or as JSON.
/// Every part is a typed record (Sources/DetainerStore/Records), so readers use fields, not
/// column-name strings, and a bad stored value stops the read with its table, column and row.
public struct DetainerDetail: Sendable {
    public let detainer: DetainerRecord
    public let person: PersonRecord?
    public let custodyCase: CustodyCaseRecord?
    public let convictions: [ConvictionRecord]
    public let pendingCharges: [PendingChargeRecord]
    public let evaluations: [WithActor<EvaluationRecord>]
    public let reviews: [WithActor<ReviewRecord>]
    public let statusEvents: [WithActor<StatusEventRecord>]
    public let contacts: [WithActor<ContactRecord>]
    /// Corrected fields (`detainer update`) of this detainer, its person and its custody case, oldest first.
    public let corrections: [WithActor<CorrectionRecord>]
    /// Four-eyes proposals about this detainer (issue 23 §3), oldest first.
    public var proposals: [Proposal] = []
    /// Paperwork kept with the detainer (issue 21), withdrawn documents included, no bytes.
    public var documents: [DocumentSummary] = []

    /// No criminal-history search on record (the rule of `HistorySearch`, read from what is loaded):
    /// no conviction or pending charge for the person, no criminal-history printout kept.
    public var historySearchPending: Bool {
        convictions.isEmpty && pendingCharges.isEmpty && !documents.contains { $0.kind == .criminalHistory && !$0.isWithdrawn }
    }

    /// The JSON of `show --format json` (before keys are camel-cased): each row's columns, as
    /// `show` has always printed them. Evaluations carry their reasons, input and result as
    /// JSON, not as strings of JSON; the columns `show` never printed stay out.
    public var json: JSONValue {
        .object([
            "detainer": .object(detainer.jsonObject),
            "person": person.map { .object($0.jsonObject) } ?? .null,
            "custodyCase": custodyCase.map { .object($0.jsonObject) } ?? .null,
            "convictions": .array(convictions.map { .object($0.jsonObject) }),
            "pendingCharges": .array(pendingCharges.map { .object($0.jsonObject) }),
            "evaluations": .array(evaluations.map { evaluation in
                var object = evaluation.jsonObject(omitting: ["detainer_id", "actor_id"])
                object["reasons"] = .array(evaluation.record.reasons.codes.map { .string($0.code) })
                object["input_json"] = evaluation.record.inputJSON.value
                object["result_json"] = evaluation.record.resultJSON.value
                return .object(object)
            }),
            "reviews": .array(reviews.map { .object($0.jsonObject()) }),
            "statusEvents": .array(statusEvents.map { .object($0.jsonObject()) }),
            "contacts": .array(contacts.map { .object($0.jsonObject()) }),
            "corrections": .array(corrections.map { .object($0.jsonObject(omitting: ["person_id", "custody_case_id", "actor_id"])) }),
            "proposals": .array(proposals.map(\.json)),
            "documents": .array(documents.map(\.json)),
        ])
    }
}

extension DetainerDetail {
    /// The detainer's columns that `show` prints generically, as (label, value), those with a
    /// value only: a column whose record definition says `.listed(label)`.
    public var listedFacts: [(label: String, value: String)] { Self.listedFacts(of: detainer) }

    public static func listedFacts(of detainer: DetainerRecord) -> [(label: String, value: String)] {
        DetainerRecord.columns.compactMap { column in
            guard case .listed(let label) = column.show else { return nil }
            let value = column.read(detainer).json
            return value == .null ? nil : (label, value.cellText)
        }
    }
}

/// A person with the convictions and pending charges the law engine reads: the part `show` and
/// `person show` share.
struct PersonHistory {
    let person: PersonRecord
    let convictions: [ConvictionRecord]
    let pendingCharges: [PendingChargeRecord]

    static func read(personID: Int64?, in db: Connection, convictionOrder: String = "id", chargeOrder: String = "id") throws -> PersonHistory? {
        guard let personID, let person = try PersonRecord.fetch(db, id: personID) else { return nil }
        return PersonHistory(person: person,
                             convictions: try ConvictionRecord.fetchAll(db, where: "person_id = ?", personID, orderBy: convictionOrder),
                             pendingCharges: try PendingChargeRecord.fetchAll(db, where: "person_id = ?", personID, orderBy: chargeOrder))
    }
}

extension Queries {
    public func detail(detainerID: Int64) throws -> DetainerDetail {
        try connection.read {
            let db = connection
            guard let detainer = try DetainerRecord.fetch(db, id: detainerID) else {
                throw NotFound(entity: "detainer", key: String(detainerID))
            }
            let history = try PersonHistory.read(personID: detainer.personID, in: db)
            var detail = DetainerDetail(
                detainer: detainer,
                person: history?.person,
                custodyCase: try detainer.custodyCaseID.flatMap { try CustodyCaseRecord.fetch(db, id: $0) },
                convictions: history?.convictions ?? [],
                pendingCharges: history?.pendingCharges ?? [],
                evaluations: try WithActor.fetchAll(db, where: "r.detainer_id = ?", detainerID, orderBy: "r.sequence"),
                reviews: try WithActor.fetchAll(db, where: "r.detainer_id = ?", detainerID),
                statusEvents: try WithActor.fetchAll(db, where: "r.detainer_id = ?", detainerID),
                contacts: try WithActor.fetchAll(db, where: "r.detainer_id = ?", detainerID, orderBy: "r.occurred_at, r.id"),
                corrections: try WithActor.fetchAll(db, where: """
                    r.detainer_id = ?1 OR r.person_id = (SELECT person_id FROM detainers WHERE id = ?1)
                       OR r.custody_case_id = (SELECT custody_case_id FROM detainers WHERE id = ?1)
                    """, detainerID))
            detail.proposals = try ProposalService(store).proposals(detainerID: detainerID)
            detail.documents = try documents(detainerID: detainerID)
            return detail
        }
    }
}
