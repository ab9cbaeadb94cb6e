import Crypto
import DetainerDomain
import SQLite

/// A signed-in browser or API client. The raw session token lives only in the client's cookie.
public struct WebSession: Sendable, Equatable {
    public let id: Int64
    public let user: User
    /// Sent back by every state-changing request (hidden form field or `X-CSRF-Token`).
    public let csrfToken: String
    public let createdAt: UTCInstant
    public let lastSeenAt: UTCInstant
    /// The first 16 hex digits of the stored token hash: names the session in the audit log
    /// without anything that signs in.
    public var tokenHashPrefix: Substring = ""
    /// A supervisor or admin signed in on production without a second factor enrolled: the
    /// session may only enrol one and sign out (issue 23 §4).
    public var awaitingSecondFactor = false
}

/// What a presented session token turns out to be.
public enum SessionLookup: Sendable, Equatable {
    /// In use; `touchDue` when `last_seen_at` should be moved forward (see `AccountPolicy`).
    case active(WebSession, touchDue: Bool)
    /// Idle past the timeout; the caller ends it (`endWebSession(…, reason: .idle)`).
    case idle(WebSession)
    /// Older than the absolute lifetime; the caller ends it (`reason: .expired`).
    case expired(WebSession)
    /// Unknown, ended, or its user is deactivated: not signed in.
    case none
}

public enum SessionEndReason: String, Sendable {
    case signout, idle, expired, deactivated, password
}

/// Session tokens: 256 random bits, base64url in the cookie, SHA-256 in the database.
public enum SessionToken {
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    public static func hash(_ token: String) -> String {
        Array(SHA256.hash(data: Array(token.utf8))).hexString
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            for position in 0..<(chunk.count + 1) {
                out.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 63)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Accounts {
    /// Looks a cookie's token up. The user's `active` flag is read on every call, so a
    /// deactivated user is signed out at their next request. `idleTimeoutSeconds` is the policy's
    /// unless the server was started with a shorter one (`serve --session-idle-seconds`, for tests).
    public func webSession(token: String, idleTimeoutSeconds: Int64 = AccountPolicy.idleTimeoutSeconds) throws -> SessionLookup {
        let statement = try connection.cached("""
            SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, s.ended_at,
                   u.id, u.name, u.role, u.active, u.created_at, u.deactivated_at, s.token_hash, s.awaiting_second_factor
            FROM web_sessions AS s JOIN users AS u ON u.id = s.user_id
            WHERE s.token_hash = ?
            """)
        try statement.bind(SessionToken.hash(token), at: 1)
        let row: (WebSession, ended: Bool)? = try statement.first { row in
            let user = User(id: row.int64(5), name: row.string(6) ?? "", role: Role(rawValue: row.string(7) ?? "") ?? .auditor,
                            active: row.bool(8), createdAt: row.string(9) ?? "", deactivatedAt: row.string(10))
            var session = WebSession(id: row.int64(0), user: user, csrfToken: row.string(1) ?? "",
                                     createdAt: UTCInstant(parsing: row.string(2) ?? "") ?? UTCInstant(secondsSinceEpoch: 0),
                                     lastSeenAt: UTCInstant(parsing: row.string(3) ?? "") ?? UTCInstant(secondsSinceEpoch: 0))
            session.tokenHashPrefix = (row.string(11) ?? "").prefix(16)
            session.awaitingSecondFactor = row.bool(12)
            return (session, !row.isNull(4))
        }
        guard let (session, ended) = row, !ended, session.user.active else { return .none }
        let now = clock.now().secondsSinceEpoch
        if now - session.createdAt.secondsSinceEpoch >= AccountPolicy.absoluteLifetimeSeconds { return .expired(session) }
        let idle = now - session.lastSeenAt.secondsSinceEpoch
        if idle >= idleTimeoutSeconds { return .idle(session) }
        // A short timeout needs a finer touch, or activity could not keep the session alive.
        let resolution = min(AccountPolicy.lastSeenResolutionSeconds, max(1, idleTimeoutSeconds / 3))
        return .active(session, touchDue: idle >= resolution)
    }

    /// Moves `last_seen_at` to now. Not audited: it is bookkeeping, not a record.
    public func touchWebSession(id: Int64) throws {
        let now = clock.now().iso8601
        try connection.write {
            try connection.run("UPDATE web_sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL", now, id)
        }
    }

    /// Ends one session (sign-out or idle timeout), audited under the session's user.
    public func endWebSession(_ session: WebSession, reason: SessionEndReason) throws {
        let action = reason == .signout ? "auth.signout" : "auth.session_end"
        try audited(actor: session.user.actor, action: action, entity: "user") { context in
            try context.db.run("UPDATE web_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                               context.now.iso8601, reason.rawValue, session.id)
            context.touchIdentity("web_sessions", .integer(session.id))
            context.entityID = session.user.id
            context.details = ["session": .int(session.id), "reason": .string(reason.rawValue)]
        }
    }

    /// Ends every open session of a user inside the caller's transaction (deactivation, new password).
    func endWebSessions(userID: Int64, except keep: Int64?, reason: SessionEndReason, in context: WriteContext) throws -> Int {
        let open = try context.db.prepare("""
            SELECT id FROM web_sessions WHERE user_id = ?1 AND ended_at IS NULL AND (?2 IS NULL OR id <> ?2) ORDER BY id
            """)
        try open.bind([userID, keep])
        let ids = try open.map { $0.int64(0) }
        for id in ids {
            try context.db.run("UPDATE web_sessions SET ended_at = ?, end_reason = ? WHERE id = ?", context.now.iso8601, reason.rawValue, id)
            context.touchIdentity("web_sessions", .integer(id))
        }
        return ids.count
    }
}
