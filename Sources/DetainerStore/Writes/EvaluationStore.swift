import DetainerDomain
import DetainerJSON
import Foundation
import SQLite

/// Runs the law engine on a stored detainer and records the result. Every run is a new
/// `evaluations` row; the detainer points at the latest.
extension DetainerDatabase {
    public enum EvaluationTrigger: String, Sendable {
        case intake, conviction, charge, detainer, manual
    }
}

/// The steps every service that changes a detainer's facts shares (issue 26 §5: they live with
/// the services, not on the database).
extension StoreService {
    typealias EvaluationTrigger = DetainerDatabase.EvaluationTrigger

    /// The engine input for a stored detainer, exactly as it will be stored in `input_json`.
    /// The evaluation date is the day of the evaluation (New York), capped below by the day
    /// the detainer arrived: the law applied is the law in force when the decision is made.
    func evaluationInput(detainerID: Int64, on evaluatedOn: CivilDate) throws -> JSONValue {
        let db = connection
        // Typed records: a stored value the engine could misread stops here, naming its row.
        guard let d = try DetainerRecord.fetch(db, id: detainerID), let caseID = d.custodyCaseID,
              let custody = try CustodyCaseRecord.fetch(db, id: caseID) else {
            throw NotFound(entity: "detainer", key: String(detainerID))
        }
        var input: [String: JSONValue] = [
            "agency": .optional(d.agency?.rawValue),
            "evaluatedOn": .string(max(evaluatedOn, d.receivedOn).description),
            "instantArrestDate": .optional(custody.arrestDate?.description),
            "detainer": [
                "receivedOn": .string(d.receivedOn.description),
                "warrant": .string(d.warrantType.rawValue),
                "terroristScreeningMatch": .optional(d.tsdbMatch),
                "illegalReentryAfterRemoval": .optional(d.illegalReentry),
            ],
        ]
        if let release = custody.scheduledReleaseAt { input["releaseAt"] = .string(release.iso8601) }
        // Issue 24 §4: without a judicial warrant with the detainer, the first judicial warrant
        // presented later (its contact's time) is what the law weighs, with that time.
        if case .known(let kind) = d.warrantType, kind != .judicial,
           let presented = try firstJudicialWarrantPresented(detainerID: detainerID),
           case .object(var detainer)? = input["detainer"] {
            detainer["warrant"] = .string(WarrantKind.judicial.rawValue)
            detainer["warrantPresentedAt"] = .string(presented.iso8601)
            input["detainer"] = .object(detainer)
        }
        let personID = d.personID ?? 0
        input["convictions"] = .array(try ConvictionRecord.fetchAll(db, where: "person_id = ?", personID).map { c in
            // Every fact is written out, NULL as null: "not known", never the contract's absent = false.
            var item: [String: JSONValue] = [
                "statute": .string(c.statuteRaw),
                "jurisdiction": .optional(c.jurisdiction?.rawValue),
                "youthfulOffender": .optional(c.youthfulOffender),
                "juvenileDelinquent": .optional(c.juvenileDelinquent),
                "hateCrime": .optional(c.hateCrime),
                "sealed": .optional(c.sealed),
                "vacated": .optional(c.vacated),
                "incarceratedDaysForThisCrime": .optional(c.incarceratedDays),
                "awaitingSentence": .optional(c.awaitingSentence),
            ]
            if let value = c.sentencedOn { item["sentencedOn"] = .string(value.description) }
            if let value = c.objectStatute { item["objectStatute"] = .string(value) }
            if let value = c.convictedOn { item["convictedOn"] = .string(value.description) }
            if let value = c.felonyClass { item["felonyClass"] = .string(value) }
            if let value = c.nyEquivalent { item["nyEquivalent"] = .string(value) }
            if let value = c.termOverOneYear { item["authorizedTermOverOneYear"] = .bool(value) }
            return .object(item)
        })
        input["pendingCharges"] = .array(try PendingChargeRecord.fetchAll(db, where: "person_id = ?", personID).map {
            ["statute": .string($0.statuteRaw)]
        })
        return .object(input)
    }

    /// When the first judicial warrant was presented after the detainer (migration 0009), if any.
    func firstJudicialWarrantPresented(detainerID: Int64) throws -> UTCInstant? {
        let statement = try connection.cached("""
            SELECT occurred_at FROM ice_communications
            WHERE detainer_id = ? AND warrant_type = 'judicial' ORDER BY occurred_at, id LIMIT 1
            """)
        try statement.bind(detainerID, at: 1)
        guard let text = try statement.first({ $0.string(0) }) ?? nil else { return nil }
        guard let instant = UTCInstant(parsing: text) else {
            throw StoreError.badStoredValue(table: "ice_communications", column: "occurred_at", rowID: detainerID, value: "\"\(text)\"")
        }
        return instant
    }

    /// Evaluates the detainer now and records the evaluation; returns the stored record.
    @discardableResult
    func recordEvaluation(detainerID: Int64, trigger: EvaluationTrigger, in context: WriteContext) throws -> StoredEvaluation {
        let input = try evaluationInput(detainerID: detainerID, on: context.now.newYorkDate)
        // The input is stored as text once; the engine gets the typed request decoded from that
        // same text (so the stored input reproduces the stored result), with no second check
        // of JSON this code just wrote.
        let inputText = input.prettySerialized
        let request: EvaluationRequest
        do {
            request = try JSONDecoder().decode(EvaluationRequest.self, from: Data(inputText.utf8))
        } catch let error as DecodingError {
            throw InputErrors([ValidationIssue(decodingError: error)])
        }
        let result = try DetainerLaw.evaluate(request)
        let resultJSON = try CanonicalJSON.encode(result.report)
        let db = context.db
        let sequence = (try db.scalarInt("SELECT max(sequence) FROM evaluations WHERE detainer_id = ?", detainerID) ?? 0) + 1
        var row = EvaluationRecord()
        row.detainerID = detainerID
        row.sequence = sequence
        row.evaluatedAt = context.now
        row.evaluatedOn = result.report.evaluatedOn
        row.ruleVersion = result.report.ruleVersion
        row.outcome = result.report.outcome
        row.reasons = ReasonList(Array(result.report.reasons))
        row.inputJSON = JSONText(text: inputText, value: input)
        row.resultJSON = try JSONText(text: resultJSON)
        row.trigger = trigger.rawValue
        row.actorID = try context.actorID
        let evaluationID = try context.insert(&row)
        let reasons = row.reasons.stored

        let deadline = HoldDeadline.forEvaluation(outcome: result.report.outcome, warrantlessDeadline: result.report.holdDeadline,
                                                  scheduledRelease: result.facts.releaseAt)
        try DetainerRecord.update(id: detainerID, set: ["evaluation_id": evaluationID, "outcome": result.report.outcome.rawValue,
                                                        "rule_version": result.report.ruleVersion, "reasons": reasons,
                                                        "hold_deadline": deadline?.iso8601], in: context)
        return StoredEvaluation(id: evaluationID, detainerID: detainerID, sequence: Int(sequence), report: result.report,
                                resultJSON: resultJSON, inputJSON: inputText, holdDeadline: deadline)
    }

    /// Re-evaluates every open detainer of a person (after a conviction or charge changed).
    func reevaluateOpenDetainers(personID: Int64, trigger: EvaluationTrigger, in context: WriteContext) throws -> [StoredEvaluation] {
        let ids = try context.db.prepare("""
            SELECT id FROM detainers WHERE person_id = ? AND status IN (\(DetainerStatus.open.map { _ in "?" }.joined(separator: ", "))) ORDER BY id
            """)
        try ids.bind([personID] + DetainerStatus.open.map { $0.rawValue as (any SQLiteBindable)? })
        return try ids.map { $0.int64(0) }.map { try recordEvaluation(detainerID: $0, trigger: trigger, in: context) }
    }

}

extension ReviewService {
    /// `detainer evaluate ID`: a new evaluation of a stored detainer, recorded and audited.
    public func reevaluate(detainerID: Int64, by actor: Actor) throws -> StoredEvaluation {
        try audited(actor: actor, action: "detainer.evaluate", entity: "detainer") { context in
            context.entityID = detainerID
            let stored = try recordEvaluation(detainerID: detainerID, trigger: .manual, in: context)
            context.details = ["evaluationID": .int(stored.id), "outcome": .string(stored.report.outcome.rawValue)]
            return stored
        }
    }
}

/// One recorded evaluation.
public struct StoredEvaluation: Sendable {
    public let id: Int64
    public let detainerID: Int64
    public let sequence: Int
    public let report: EvaluationReport
    public let resultJSON: String
    public let inputJSON: String
    public let holdDeadline: UTCInstant?
}
