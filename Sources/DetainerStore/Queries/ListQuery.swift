import DetainerDomain
import SQLite

/// `detainer list`: detainers matching simple filters, newest first.
public struct ListFilter: Sendable {
    public var status: DetainerStatus?
    public var agency: String?
    public var receivedFrom: CivilDate?
    public var receivedTo: CivilDate?
    public var personID: Int64?
    public var limit: Int?

    public init(status: DetainerStatus? = nil, agency: String? = nil, receivedFrom: CivilDate? = nil,
                receivedTo: CivilDate? = nil, personID: Int64? = nil, limit: Int? = nil) {
        self.status = status
        self.agency = agency
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
        self.personID = personID
        self.limit = limit
    }
}

extension DetainerDatabase {
    public func list(_ filter: ListFilter) throws -> RecordSet {
        let statement = try connection.prepare("""
            SELECT d.id, d.received_on, d.agency, d.person_id, p.name AS person, d.form, d.warrant_type AS warrant,
                   d.status, d.outcome, d.decision, d.hold_deadline, d.origin
            FROM detainers AS d LEFT JOIN persons AS p ON p.id = d.person_id
            WHERE (?1 IS NULL OR d.status = ?1)
              AND (?2 IS NULL OR d.agency = ?2)
              AND (?3 IS NULL OR d.received_on >= ?3)
              AND (?4 IS NULL OR d.received_on <= ?4)
              AND (?5 IS NULL OR d.person_id = ?5)
            ORDER BY d.received_at DESC, d.id DESC
            LIMIT ?6
            """)
        try statement.bind([filter.status?.rawValue, filter.agency, filter.receivedFrom?.description,
                            filter.receivedTo?.description, filter.personID, filter.limit ?? -1])
        return try statement.recordSet()
    }

    public func auditLog(entity: String?, entityID: Int64?, limit: Int?) throws -> RecordSet {
        let statement = try connection.prepare("""
            SELECT id, at, actor_name AS actor, action, entity, entity_id, json_extract(payload, '$.details') AS details
            FROM audit_log
            WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2)
            ORDER BY id DESC LIMIT ?3
            """)
        try statement.bind([entity, entityID, limit ?? -1])
        return try statement.recordSet()
    }

    public func userList() throws -> RecordSet {
        try connection.prepare("SELECT name, role, os_login, CASE active WHEN 1 THEN 'active' ELSE 'deactivated' END AS status, created_at, deactivated_at FROM users ORDER BY name").recordSet()
    }
}
