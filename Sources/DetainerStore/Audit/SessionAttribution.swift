import SQLite

/// Every write made through a web session names the session in its audit row (`auth.session`,
/// `auth.sessionTokenHash`, issue 23 §2). This check walks the chain: a session must have been
/// opened by an audited sign-in of the same user before it was used, and its row must still be
/// there with the same token. So a session inserted by hand with the sqlite3 shell, used, and
/// deleted again is named by the rows its use left behind, even though the table no longer
/// shows it (the fingerprints catch it while it is there).
enum SessionAttribution {
    static func problems(_ db: Connection) throws -> [String] {
        var opened: [Int64: (auditID: Int64, actorID: Int64?)] = [:]
        var stored: [Int64: (userID: Int64, tokenHash: String)] = [:]
        try db.prepare("SELECT id, user_id, token_hash FROM web_sessions").forEachRow { row in
            stored[row.int64(0)] = (row.int64(1), row.string(2) ?? "")
        }
        var problems: [String] = []
        try db.prepare("""
            SELECT id, actor_id, action, payload ->> '$.details.session', payload ->> '$.auth.session', payload ->> '$.auth.sessionTokenHash'
            FROM audit_log
            WHERE (action = 'auth.signin' AND payload ->> '$.details.session' IS NOT NULL) OR payload ->> '$.auth.session' IS NOT NULL
            ORDER BY id
            """).forEachRow { row in
            let auditID = row.int64(0), actorID = row.optionalInt64(1), action = row.string(2) ?? ""
            if action == "auth.signin" {
                // A sign-in is authenticated by its password (and second factor), not by a
                // session the browser may still hold from someone else.
                if let session = row.optionalInt64(3) { opened[session] = (auditID, actorID) }
                return
            }
            guard let session = row.optionalInt64(4) else { return }
            guard let origin = opened[session] else {
                problems.append("audit row \(auditID) (\(action)) was written through web session \(session), which no audited sign-in opened (a session made outside detainer)")
                return
            }
            if origin.actorID != actorID {
                problems.append("audit row \(auditID) (\(action)) was written through web session \(session), which audit row \(origin.auditID) opened for another user")
            }
            let recorded = row.string(5)
            guard let current = stored[session] else {
                problems.append("web session \(session), opened by audit row \(origin.auditID) and used by audit row \(auditID), was deleted outside detainer")
                return
            }
            if let recorded, !recorded.isEmpty, !current.tokenHash.hasPrefix(recorded) {
                problems.append("web session \(session) used by audit row \(auditID) now has another token than the one that row recorded (changed outside detainer)")
            }
        }
        return problems
    }
}
