import SQLite

/// The tables that decide who someone is and how they signed in (issue 23 §2): passwords,
/// sessions, second factors and settings. Like records, every row is fingerprinted into the audit
/// entry of the write that made or changed it, and `detainer check` compares each row with its
/// last fingerprint, so a row inserted, changed or deleted with the sqlite3 shell is named, and
/// a session inserted by hand and deleted afterwards leaves its fingerprint-less gap in the
/// chain's expectations (an audit row whose session vanished is reported as deleted).
///
/// Unlike records, these tables are keyed by their own key column (a user id, a setting's name)
/// and some columns are bookkeeping left out of the fingerprint: a session's `last_seen_at`
/// moves on requests that write no audit row (GET requests write none, issue 23 §4); the
/// absolute session lifetime bounds what moving it by hand could buy.
struct IdentityTable: Sendable {
    let name: String
    /// The key column; listed first in `columns`.
    let key: String
    /// The fingerprinted columns, in the order they are encoded.
    let columns: String

    var select: String { "SELECT \(columns) FROM \(name)" }

    static let all: [IdentityTable] = [
        IdentityTable(name: "settings", key: "key", columns: "key, value"),
        IdentityTable(name: "user_credentials", key: "user_id",
                      columns: "user_id, password_hash, set_at, set_by, failed_signins, locked_until"),
        IdentityTable(name: "web_sessions", key: "id",
                      columns: "id, token_hash, user_id, csrf_token, created_at, ended_at, end_reason, awaiting_second_factor"),
        IdentityTable(name: "user_totp", key: "user_id", columns: "*"),
        IdentityTable(name: "recovery_codes", key: "id", columns: "*"),
    ]

    static func named(_ name: String) -> IdentityTable {
        guard let table = all.first(where: { $0.name == name }) else { preconditionFailure("not an identity table: \(name)") }
        return table
    }

    /// The fingerprint of one row, or nil when it does not exist (deleted by this write).
    func digest(key value: SQLiteValue, in db: Connection) throws -> String? {
        let statement = try db.cached("\(select) WHERE \(key) = ?")
        try statement.bind([value])
        var encoder = RowEncoder(table: name, statement: statement)
        return try statement.first { encoder.digest($0) }
    }
}

extension Integrity {
    /// Once, when migration 0013 upgrades a database that already has a history: one audited
    /// entry fingerprints every row of the identity tables as they stand, since the writes that
    /// made them did not. What was changed before this entry cannot be told from it; from here
    /// on every change is checked. Returns the number of rows fingerprinted.
    @discardableResult
    public func recordIdentityBaseline() throws -> Int {
        try audited(actor: .bootstrap, action: "audit.identity_baseline", entity: "database") { context in
            var count = 0
            for table in IdentityTable.all {
                let statement = try context.db.prepare("SELECT \(table.key), typeof(\(table.key)) FROM \(table.name) ORDER BY \(table.key)")
                for key in try statement.map({ $0.string(1) == "integer" ? SQLiteValue.integer($0.int64(0)) : .text($0.string(0) ?? "") }) {
                    context.touchIdentity(table.name, key)
                    count += 1
                }
            }
            context.details = ["reason": "migration 0013: sessions, passwords, second factors and settings are fingerprinted from now on",
                               "rows": .int(Int64(count))]
            return count
        }
    }
}
