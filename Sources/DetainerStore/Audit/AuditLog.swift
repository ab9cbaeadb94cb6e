import Crypto
import DetainerDomain
import SQLite

/// Who did something. `id` is nil only for the bootstrap actions of `detainer init`.
public struct Actor: Sendable, Equatable {
    public let id: Int64?
    public let name: String
    public let role: Role?

    public init(id: Int64?, name: String, role: Role?) {
        self.id = id
        self.name = name
        self.role = role
    }

    public static let bootstrap = Actor(id: nil, name: "system (init)", role: nil)
}

/// The append-only, hash-chained audit trail.
///
/// hash = SHA-256 over the length-prefixed fields (prev_hash, id, at, actor_id, actor_name,
/// action, entity, entity_id, payload). Changing, removing or inserting a row breaks the chain
/// at that row or the next one. Removing the *last* rows cannot be seen from the chain alone;
/// `detainer check` prints the head hash so it can be recorded elsewhere.
enum AuditLog {
    static let genesisHash = String(repeating: "0", count: 64)

    struct Row {
        let id: Int64
        let at: String
        let actorID: Int64?
        let actorName: String
        let action: String
        let entity: String
        let entityID: Int64?
        let payload: String
        let prevHash: String
    }

    static func hash(_ row: Row) -> String {
        var hasher = SHA256()
        for field in [row.prevHash, String(row.id), row.at, row.actorID.map(String.init) ?? "",
                      row.actorName, row.action, row.entity, row.entityID.map(String.init) ?? "", row.payload] {
            let bytes = Array(field.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        return Array(hasher.finalize()).hexString
    }

    /// Appends one entry; must run inside the write transaction it describes.
    @discardableResult
    static func append(_ db: Connection, at: UTCInstant, actor: Actor, action: String, entity: String,
                       entityID: Int64?, payload: JSONValue, signer: SigningKey? = nil) throws -> Int64 {
        precondition(db.isInTransaction, "audit entries are written in the transaction they describe")
        // The head by its rowid (max(id) is one b-tree descent; the plan says so, which an
        // ORDER BY … LIMIT 1 plan does not: `IntakeQueryPlanTests`).
        let head = try db.cached("SELECT id, hash FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)").first {
            ($0.int64(0), $0.string(1) ?? genesisHash)
        }
        let row = Row(id: (head?.0 ?? 0) + 1, at: at.iso8601, actorID: actor.id, actorName: actor.name,
                      action: action, entity: entity, entityID: entityID, payload: payload.serialized,
                      prevHash: head?.1 ?? genesisHash)
        let digest = hash(row)
        try db.run("""
            INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, payload, prev_hash, hash, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, row.id, row.at, row.actorID, row.actorName, row.action, row.entity, row.entityID,
                   row.payload, row.prevHash, digest, try signer?.sign(head: digest))
        return row.id
    }

    /// The first row whose chain link or hash does not hold, if any.
    struct ChainBreak: Equatable {
        let auditID: Int64
        let problem: String
    }

    struct ChainStatus {
        let entries: Int
        let head: String
        let firstBreak: ChainBreak?
    }

    static func verifyChain(_ db: Connection) throws -> ChainStatus {
        var previous = genesisHash
        var expectedID: Int64 = 1
        var count = 0
        var firstBreak: ChainBreak?
        let statement = try db.prepare("""
            SELECT id, at, actor_id, actor_name, action, entity, entity_id, payload, prev_hash, hash
            FROM audit_log ORDER BY id
            """)
        try statement.forEachRow { s in
            count += 1
            let row = Row(id: s.int64(0), at: s.string(1) ?? "", actorID: s.optionalInt64(2), actorName: s.string(3) ?? "",
                          action: s.string(4) ?? "", entity: s.string(5) ?? "", entityID: s.optionalInt64(6),
                          payload: s.string(7) ?? "", prevHash: s.string(8) ?? "")
            let stored = s.string(9) ?? ""
            if firstBreak == nil {
                if row.id != expectedID {
                    firstBreak = ChainBreak(auditID: row.id, problem: "expected audit row \(expectedID) next, found \(row.id): rows are missing or were inserted")
                } else if row.prevHash != previous {
                    firstBreak = ChainBreak(auditID: row.id, problem: "its prev_hash does not match the hash of the row before it")
                } else if hash(row) != stored {
                    firstBreak = ChainBreak(auditID: row.id, problem: "its content does not match its hash (the row was edited)")
                }
            }
            previous = stored
            expectedID = row.id + 1
        }
        return ChainStatus(entries: count, head: previous, firstBreak: firstBreak)
    }
}
