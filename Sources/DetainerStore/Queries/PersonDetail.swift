import DetainerDomain
import SQLite

/// `detainer person show`: one person with every detainer, conviction and pending charge.
public struct PersonDetail: Sendable {
    public let person: PersonRecord
    /// Newest first, each with its custody case.
    public let detainers: [(detainer: DetainerRecord, custodyCase: CustodyCaseRecord?)]
    public let convictions: [ConvictionRecord]
    public let pendingCharges: [PendingChargeRecord]

    /// The detainer columns a person's list shows, and those taken from its custody case.
    static let detainerSummary = ["id", "agency", "status", "received_at", "outcome", "decision", "hold_deadline", "status_at"]
    static let caseSummary = ["booking_number", "facility", "arrest_date"]

    public var json: JSONValue {
        .object([
            "person": .object(person.jsonObject),
            "detainers": .array(detainers.map { pair in
                var object = pair.detainer.jsonObject.filter { Self.detainerSummary.contains($0.key) }
                let custody = pair.custodyCase?.jsonObject ?? [:]
                for key in Self.caseSummary { object[key] = custody[key] ?? .null }
                return .object(object)
            }),
            "convictions": .array(convictions.map { .object($0.jsonObject) }),
            "pendingCharges": .array(pendingCharges.map { .object($0.jsonObject) }),
        ])
    }
}

extension Queries {
    public func personDetail(personID: Int64) throws -> PersonDetail {
        try connection.read {
            let db = connection
            guard let history = try PersonHistory.read(personID: personID, in: db, convictionOrder: "convicted_on, id",
                                                       chargeOrder: "charged_on, id") else {
                throw NotFound(entity: "person", key: String(personID))
            }
            let statement = try db.prepare("""
                SELECT \(DetainerRecord.selectList("d")), \(CustodyCaseRecord.selectList("c")), c.id IS NULL
                FROM detainers AS d LEFT JOIN custody_cases AS c ON c.id = d.custody_case_id
                WHERE d.person_id = ? ORDER BY d.received_at DESC, d.id DESC
                """)
            try statement.bind(personID, at: 1)
            let caseOffset = Int32(DetainerRecord.columns.count), noCase = caseOffset + Int32(CustodyCaseRecord.columns.count)
            let detainers = try statement.map { row in
                (detainer: try DetainerRecord(row: row), custodyCase: row.bool(noCase) ? nil : try CustodyCaseRecord(row: row, at: caseOffset))
            }
            return PersonDetail(person: history.person, detainers: detainers, convictions: history.convictions,
                                pendingCharges: history.pendingCharges)
        }
    }
}
