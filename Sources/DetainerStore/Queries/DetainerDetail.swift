import DetainerDomain
import SQLite

/// `detainer show`: the whole record of one detainer, for reading as a timeline or as JSON.
public struct DetainerDetail: Sendable {
    public let detainer: [String: JSONValue]
    public let person: [String: JSONValue]?
    public let custodyCase: [String: JSONValue]?
    public let convictions: [[String: JSONValue]]
    public let pendingCharges: [[String: JSONValue]]
    public let evaluations: [[String: JSONValue]]
    public let reviews: [[String: JSONValue]]
    public let statusEvents: [[String: JSONValue]]
    public let contacts: [[String: JSONValue]]
    /// Corrected fields (`detainer update`) of this detainer, its person and its custody case, oldest first.
    public let corrections: [[String: JSONValue]]

    public var json: JSONValue {
        .object([
            "detainer": .object(detainer),
            "person": person.map(JSONValue.object) ?? .null,
            "custodyCase": custodyCase.map(JSONValue.object) ?? .null,
            "convictions": .array(convictions.map(JSONValue.object)),
            "pendingCharges": .array(pendingCharges.map(JSONValue.object)),
            "evaluations": .array(evaluations.map(JSONValue.object)),
            "reviews": .array(reviews.map(JSONValue.object)),
            "statusEvents": .array(statusEvents.map(JSONValue.object)),
            "contacts": .array(contacts.map(JSONValue.object)),
            "corrections": .array(corrections.map(JSONValue.object)),
        ])
    }
}

extension DetainerDatabase {
    public func detail(detainerID: Int64) throws -> DetainerDetail {
        try connection.read {
            func rows(_ sql: String, _ id: Int64?) throws -> [[String: JSONValue]] {
                guard let id else { return [] }
                let statement = try connection.prepare(sql)
                try statement.bind(id, at: 1)
                return try statement.map { $0.jsonObject() }
            }
            guard let detainer = try rows("SELECT * FROM detainers WHERE id = ?", detainerID).first else {
                throw NotFound(entity: "detainer", key: String(detainerID))
            }
            let personID: Int64? = if case .int(let id) = detainer["person_id"] { id } else { nil }
            let caseID: Int64? = if case .int(let id) = detainer["custody_case_id"] { id } else { nil }
            var evaluations = try rows("""
                SELECT e.id, e.sequence, e.evaluated_at, e.evaluated_on, e.rule_version, e.outcome, e.reasons, e.trigger,
                       u.name AS actor, e.result_json, e.input_json
                FROM evaluations AS e JOIN users AS u ON u.id = e.actor_id WHERE e.detainer_id = ? ORDER BY e.sequence
                """, detainerID)
            for index in evaluations.indices {
                for key in ["result_json", "input_json", "reasons"] {
                    if case .string(let text) = evaluations[index][key], let parsed = JSONValue(parsing: text) {
                        evaluations[index][key] = parsed
                    }
                }
            }
            return DetainerDetail(
                detainer: detainer,
                person: try rows("SELECT * FROM persons WHERE id = ?", personID).first,
                custodyCase: try rows("SELECT * FROM custody_cases WHERE id = ?", caseID).first,
                convictions: try rows("SELECT * FROM convictions WHERE person_id = ? ORDER BY id", personID),
                pendingCharges: try rows("SELECT * FROM pending_charges WHERE person_id = ? ORDER BY id", personID),
                evaluations: evaluations,
                reviews: try rows("""
                    SELECT r.*, u.name AS actor FROM reviews AS r JOIN users AS u ON u.id = r.actor_id WHERE r.detainer_id = ? ORDER BY r.id
                    """, detainerID),
                statusEvents: try rows("""
                    SELECT s.*, u.name AS actor FROM status_events AS s JOIN users AS u ON u.id = s.actor_id WHERE s.detainer_id = ? ORDER BY s.id
                    """, detainerID),
                contacts: try rows("""
                    SELECT c.*, u.name AS actor FROM ice_communications AS c JOIN users AS u ON u.id = c.actor_id
                    WHERE c.detainer_id = ? ORDER BY c.occurred_at, c.id
                    """, detainerID),
                corrections: try rows("""
                    SELECT c.id, c.detainer_id, c.field, c.old_value, c.new_value, c.reason, c.corrected_at, u.name AS actor
                    FROM corrections AS c JOIN users AS u ON u.id = c.actor_id
                    WHERE c.detainer_id = ?1 OR c.person_id = (SELECT person_id FROM detainers WHERE id = ?1)
                       OR c.custody_case_id = (SELECT custody_case_id FROM detainers WHERE id = ?1)
                    ORDER BY c.id
                    """, detainerID))
        }
    }
}
