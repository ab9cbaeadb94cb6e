import DetainerDomain
import SQLite

/// `detainer list`: detainers matching simple filters, newest first.
public struct ListFilter: Sendable {
    /// What `list` shows when neither a limit nor "all" is asked for: a page, not the whole table.
    public static let defaultLimit = 50

    public var status: DetainerStatus?
    public var agency: Agency?
    /// The engine's latest outcome.
    public var outcome: Outcome?
    public var receivedFrom: CivilDate?
    public var receivedTo: CivilDate?
    /// A name (case and accents ignored, matched from word starts), person id, NYSID, A-number or booking number.
    public var person: String?
    /// nil = every matching row.
    public var limit: Int?
    /// Rows skipped before the first one listed (a page of the web list).
    public var offset = 0

    public init(status: DetainerStatus? = nil, agency: Agency? = nil, receivedFrom: CivilDate? = nil,
                receivedTo: CivilDate? = nil, person: String? = nil, limit: Int? = ListFilter.defaultLimit, outcome: Outcome? = nil, offset: Int = 0) {
        self.status = status
        self.agency = agency
        self.outcome = outcome
        self.offset = offset
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
        self.person = person
        self.limit = limit
    }
}

extension Queries {
    /// Streams the matching detainers, newest first, into `sink` inside one read transaction.
    /// The WHERE clause holds only the filters given (fixed SQL fragments, values bound), so
    /// SQLite can plan each combination: the newest-first index for a page, the person and
    /// booking indexes for a person search.
    public func list<Sink: RecordSink>(_ filter: ListFilter, into sink: inout Sink) throws {
        var conditions: [String] = []
        var values: [(any SQLiteBindable)?] = []
        if let status = filter.status { conditions.append("d.status = ?"); values.append(status.rawValue) }
        if let agency = filter.agency { conditions.append("d.agency = ?"); values.append(agency.rawValue) }
        if let outcome = filter.outcome { conditions.append("d.outcome = ?"); values.append(outcome.rawValue) }
        if let from = filter.receivedFrom { conditions.append("d.received_on >= ?"); values.append(from.description) }
        if let to = filter.receivedTo { conditions.append("d.received_on <= ?"); values.append(to.description) }
        if let person = filter.person {
            let text = person.trimmingSpaces
            var alternatives: [String] = []
            if let key = PersonSearchKey.query(text) {
                alternatives.append("d.person_id IN (SELECT person_id FROM person_search_keys WHERE key >= ? AND key < ?)")
                values += [key, key + "\u{10FFFF}"]
            }
            var validator = FieldValidator()
            let aNumber = validator.aNumber(text, "person")
            alternatives.append("d.person_id IN (SELECT id FROM persons WHERE id = ? OR nysid = ? OR a_number = ?)")
            values += [Int64(text), text.uppercased(), aNumber]
            alternatives.append("d.custody_case_id IN (SELECT id FROM custody_cases WHERE booking_number = ?)")
            values.append(text)
            conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        values.append(filter.limit ?? -1)
        values.append(Int64(max(0, filter.offset)))
        try connection.read {
            let statement = try connection.prepare("""
                SELECT d.id, d.received_at, d.received_on, d.agency, d.person_id, p.name AS person, d.form, d.warrant_type AS warrant,
                       d.status, d.outcome, d.decision, d.hold_deadline, d.origin
                FROM detainers AS d LEFT JOIN persons AS p ON p.id = d.person_id
                \(whereClause)
                ORDER BY d.received_at DESC, d.id DESC
                LIMIT ? OFFSET ?
                """)
            try statement.bind(values)
            try statement.stream(into: &sink)
        }
    }

    public func auditLog<Sink: RecordSink>(entity: String?, entityID: Int64?, limit: Int?, into sink: inout Sink) throws {
        try connection.read {
            let statement = try connection.prepare("""
                SELECT id, at, actor_name AS actor, action, entity, entity_id, json_extract(payload, '$.details') AS details
                FROM audit_log
                WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2)
                ORDER BY id DESC LIMIT ?3
                """)
            try statement.bind([entity, entityID, limit ?? -1])
            try statement.stream(into: &sink, jsonColumns: ["details"])
        }
    }

    public func userList<Sink: RecordSink>(into sink: inout Sink) throws {
        // Whether each can sign in on the web: a password set, the second factor's state (issue 25 §1).
        try connection.prepare("""
            SELECT u.name, u.role, u.os_login, CASE u.active WHEN 1 THEN 'active' ELSE 'deactivated' END AS status,
                   CASE WHEN c.user_id IS NULL THEN 'not set' ELSE 'set' END AS web_password,
                   coalesce(t.state, 'none') AS second_factor, u.created_at, u.deactivated_at
            FROM users AS u
            LEFT JOIN user_credentials AS c ON c.user_id = u.id
            LEFT JOIN user_totp AS t ON t.user_id = u.id
            ORDER BY u.name
            """).stream(into: &sink)
    }
}
