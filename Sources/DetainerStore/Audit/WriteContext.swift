import DetainerDomain
import SQLite

/// One audited write: everything a command changes happens inside one `BEGIN IMMEDIATE`
/// transaction, and the same transaction appends the audit entry naming the actor and carrying
/// the fingerprints of every row the write left behind.
public final class WriteContext {
    public let db: Connection
    public let actor: Actor
    public let now: UTCInstant
    var entityID: Int64?
    var details: [String: JSONValue] = [:]
    /// Set by imports: one fingerprint per table instead of one per row.
    var importFingerprints: [ImportFingerprint] = []
    private var touched: [(table: String, id: Int64)] = []
    /// Rows of `IdentityTable`s this write made, changed or deleted (issue 23 §2).
    private var touchedIdentity: [(table: String, key: SQLiteValue)] = []
    private var seen: Set<String> = []

    init(db: Connection, actor: Actor, now: UTCInstant) {
        self.db = db
        self.actor = actor
        self.now = now
    }

    /// Records that `table` row `id` was inserted or updated by this write.
    func touch(_ table: String, _ id: Int64) {
        if seen.insert("\(table):\(id)").inserted { touched.append((table, id)) }
    }

    /// Records that identity-table row `key` (a session, a password, a setting…) was inserted,
    /// updated or deleted by this write: its fingerprint (or its absence) goes into the entry.
    func touchIdentity(_ table: String, _ key: SQLiteValue) {
        precondition(IdentityTable.all.contains { $0.name == table }, "not an identity table: \(table)")
        if seen.insert("\(table):\(key)").inserted { touchedIdentity.append((table, key)) }
    }

    /// Inserts `record` (its columns from its one definition), records the new row as touched by
    /// this write under the record's own table, and returns the row id.
    @discardableResult
    func insert<Record: TableRecord>(_ record: inout Record) throws -> Int64 {
        try record.insert(into: db)
        touch(Record.table, db.lastInsertRowID)
        return db.lastInsertRowID
    }

    /// Keeps the derived name-search keys in step with every person this write touched.
    func refreshPersonSearchKeys() throws {
        for (table, id) in touched where table == "persons" { try PersonSearchKey.refresh(personID: id, in: db) }
    }

    func rowFingerprints() throws -> JSONValue {
        var rows: [JSONValue] = []
        for (table, id) in touched {
            guard let digest = try RowDigest.digest(of: table, id: id, in: db) else { continue }
            rows.append(["table": .string(table), "id": .int(id), "digest": .string(digest)])
        }
        for (table, key) in touchedIdentity {
            let digest = try IdentityTable.named(table).digest(key: key, in: db)
            let id: JSONValue
            switch key {
            case .integer(let number): id = .int(number)
            case .text(let text): id = .string(text)
            default: preconditionFailure("identity keys are integers or text")
            }
            // A row this write deleted is recorded as gone (digest null), so check expects it absent.
            rows.append(["table": .string(table), "id": id, "digest": digest.map(JSONValue.string) ?? .null])
        }
        return .array(rows)
    }
}

extension DetainerDatabase {
    /// Runs `body` as one audited write transaction. Nothing is written when it throws.
    public func audited<T>(actor: Actor, action: String, entity: String,
                           _ body: (WriteContext) throws -> T) throws -> T {
        let connection = self.connection
        return try connection.write {
            // The time is read after BEGIN IMMEDIATE took the write lock (issue 27 §1b): read
            // before it, a write that waited for the lock while another process committed
            // later rows would land after them with an earlier time.
            let now = clock.now()
            // The one permission gate (issue 26 §3): what this action requires, checked against
            // the actor's row as it is now, inside the transaction that writes.
            try ActionPermission.check(actor, action: action, in: connection)
            let context = WriteContext(db: connection, actor: actor, now: now)
            let result = try body(context)
            try context.refreshPersonSearchKeys()
            var payload: [String: JSONValue] = ["details": .object(context.details), "rows": try context.rowFingerprints()]
            if !context.importFingerprints.isEmpty { payload["imported"] = .array(context.importFingerprints.map(\.json)) }
            let signer = try requiredSigner()
            let mode = try connection.cached("SELECT value FROM settings WHERE key = 'mode'").first { $0.string(0) }.flatMap { $0 }
            if let authentication = Authentication.recorded(mode: mode) { payload["auth"] = authentication }
            try AuditLog.append(connection, at: now, actor: actor, action: action, entity: entity,
                                entityID: context.entityID, payload: .object(payload), signer: signer)
            return result
        }
    }

    /// The key this write must be signed with, read inside the write transaction (after the
    /// body, which may be the one recording the key). A database with a recorded key refuses a
    /// write without that exact key; a production database without a recorded key refuses
    /// every write; a training database without one runs unsigned.
    private func requiredSigner() throws -> SigningKey? {
        let recorded = try connection.cached("SELECT value FROM settings WHERE key = 'signing_public_key'").first { $0.string(0) }.flatMap { $0 }
        let mode = try connection.cached("SELECT value FROM settings WHERE key = 'mode'").first { $0.string(0) }.flatMap { $0 }
        guard let recorded else {
            if mode == DatabaseMode.training.rawValue { return signer }
            throw IntegrityRefusal("\(path) is a production database with no signing key recorded; record one with `detainer init --signing-key FILE` (make it with `detainer keygen`); nothing was written")
        }
        guard let signer else {
            throw IntegrityRefusal("\(path) signs its history: give the private key with --signing-key FILE or $DETAINER_SIGNING_KEY; nothing was written")
        }
        guard signer.publicKey.hex == recorded else {
            throw IntegrityRefusal("the signing key given is not the one recorded in \(path); nothing was written")
        }
        return signer
    }
}
