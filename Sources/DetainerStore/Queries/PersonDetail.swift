import DetainerDomain
import SQLite

/// `detainer person show`: one person with every detainer, conviction and pending charge.
public struct PersonDetail: Sendable {
    public let person: [String: JSONValue]
    public let detainers: [[String: JSONValue]]
    public let convictions: [[String: JSONValue]]
    public let pendingCharges: [[String: JSONValue]]

    public var json: JSONValue {
        .object([
            "person": .object(person),
            "detainers": .array(detainers.map(JSONValue.object)),
            "convictions": .array(convictions.map(JSONValue.object)),
            "pendingCharges": .array(pendingCharges.map(JSONValue.object)),
        ])
    }
}

extension DetainerDatabase {
    public func personDetail(personID: Int64) throws -> PersonDetail {
        try connection.read {
            func rows(_ sql: String) throws -> [[String: JSONValue]] {
                let statement = try connection.prepare(sql)
                try statement.bind(personID, at: 1)
                return try statement.map { $0.jsonObject() }
            }
            guard let person = try rows("SELECT * FROM persons WHERE id = ?").first else {
                throw NotFound(entity: "person", key: String(personID))
            }
            return PersonDetail(
                person: person,
                detainers: try rows("""
                    SELECT d.id, d.agency, d.status, d.received_at, d.outcome, d.decision, d.hold_deadline, d.status_at,
                           c.booking_number, c.facility, c.arrest_date
                    FROM detainers AS d LEFT JOIN custody_cases AS c ON c.id = d.custody_case_id
                    WHERE d.person_id = ? ORDER BY d.received_at DESC, d.id DESC
                    """),
                convictions: try rows("""
                    SELECT id, statute_raw, statute_normalized, felony_class, convicted_on, jurisdiction, youthful_offender,
                           juvenile_delinquent, hate_crime, sealed, vacated, incarcerated_days, court, docket_number
                    FROM convictions WHERE person_id = ? ORDER BY convicted_on, id
                    """),
                pendingCharges: try rows("""
                    SELECT id, statute_raw, statute_normalized, charged_on, custody_case_id, source
                    FROM pending_charges WHERE person_id = ? ORDER BY charged_on, id
                    """))
        }
    }
}
