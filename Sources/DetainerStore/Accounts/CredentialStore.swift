import DetainerDomain
import SQLite

/// Who is trying to sign in, as stored: read first, so the slow bcrypt check runs outside the
/// write transaction (a sign-in must not hold the single writer for a quarter of a second).
public struct SignInCandidate: Sendable {
    public let user: User
    /// nil when no web password was ever set for this user.
    public let passwordHash: String?
    public let lockedUntil: UTCInstant?
}

/// The result of a sign-in attempt.
public enum SignInResult: Sendable, Equatable {
    case signedIn(WebSession, token: String)
    /// Wrong name or password (the two are never told apart), or no password set, or deactivated.
    case refused
    /// Too many recent failures (`SignInThrottle`): refused without checking the password; try
    /// again after this many seconds.
    case throttled(retryAfterSeconds: Int64)
}

extension DetainerDatabase {
    public func signInCandidate(name: String) throws -> SignInCandidate? {
        guard let user = try user(named: name) else { return nil }
        let statement = try connection.cached("SELECT password_hash, locked_until FROM user_credentials WHERE user_id = ?")
        try statement.bind(user.id, at: 1)
        let stored: (String?, String?)? = try statement.first { ($0.string(0), $0.string(1)) }
        return SignInCandidate(user: user, passwordHash: stored?.0, lockedUntil: stored?.1.flatMap(UTCInstant.init(parsing:)))
    }

    /// Records the outcome of a password check in one audited transaction: a success opens a
    /// session and clears the failure count; a failure is counted. There is no lockout (issue 23
    /// §4): guessing is slowed by `SignInThrottle` in the server instead, which nobody can turn
    /// into a way to keep the office out.
    ///
    /// `candidate` nil means the name matched no user: nothing is written (the server logs it),
    /// so a flood of made-up names cannot fill the signed audit chain.
    public func recordSignIn(candidate: SignInCandidate?, passwordMatched: Bool) throws -> SignInResult {
        guard let candidate else { return .refused }
        let user = candidate.user
        let looksValid = passwordMatched && user.active && candidate.passwordHash != nil
        return try audited(actor: user.actor, action: looksValid ? "auth.signin" : "auth.signin_failed", entity: "user") { context -> SignInResult in
            context.entityID = user.id
            let now = context.now
            guard looksValid else {
                let failures = try context.db.scalarInt("SELECT failed_signins FROM user_credentials WHERE user_id = ?", user.id) ?? 0
                var details: [String: JSONValue] = ["result": "refused", "failedSignIns": .int(failures + 1)]
                if !user.active { details["reason"] = "deactivated" } else if candidate.passwordHash == nil { details["reason"] = "no password set" }
                try context.db.run("UPDATE user_credentials SET failed_signins = ?, locked_until = NULL WHERE user_id = ?", failures + 1, user.id)
                context.details = details
                return .refused
            }
            try context.db.run("UPDATE user_credentials SET failed_signins = 0, locked_until = NULL WHERE user_id = ?", user.id)
            let token = SessionToken.generate()
            let csrf = SessionToken.generate()
            try context.db.run("""
                INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
                """, SessionToken.hash(token), user.id, csrf, now.iso8601, now.iso8601)
            let session = WebSession(id: context.db.lastInsertRowID, user: user, csrfToken: csrf, createdAt: now, lastSeenAt: now)
            context.details = ["result": "signed in", "session": .int(session.id)]
            return .signedIn(session, token: token)
        }
    }

    /// Sets a user's web password (bcrypt, cost `AccountPolicy.bcryptCost`). Admins may set
    /// anyone's; anyone may set their own. Every other session of that user ends.
    @discardableResult
    public func setPassword(userName: String, password: String, keepingSession: Int64? = nil, by actor: Actor) throws -> User {
        guard actor.role == .admin || actor.name == userName else {
            throw PermissionDenied(message: "user \"\(actor.name)\" may set only their own password; setting another user's \(PermissionDenied.required(.manageUsers))")
        }
        let hash = try PasswordHashing.hash(password)
        return try audited(actor: actor, action: "user.passwd", entity: "user") { context in
            guard let target = try user(named: userName) else { throw NotFound(entity: "user", key: "\"\(userName)\"") }
            guard target.active else { throw InputError(field: "name", "user \"\(userName)\" is deactivated") }
            try context.db.run("""
                INSERT INTO user_credentials (user_id, password_hash, set_at, set_by, failed_signins, locked_until)
                VALUES (?1, ?2, ?3, ?4, 0, NULL)
                ON CONFLICT (user_id) DO UPDATE SET password_hash = ?2, set_at = ?3, set_by = ?4, failed_signins = 0, locked_until = NULL
                """, target.id, hash, context.now.iso8601, actor.id)
            let ended = try endWebSessions(userID: target.id, except: keepingSession, reason: .password, in: context)
            context.entityID = target.id
            // Never the hash: the audit log is read by auditors.
            context.details = ["name": .string(target.name), "sessionsEnded": .int(Int64(ended))]
            return target
        }
    }
}

extension DetainerDatabase {
    /// The acting user for something every active user may do to their own account.
    public func activeActor(named name: String) throws -> Actor {
        guard let user = try user(named: name), user.active else {
            throw PermissionDenied(message: "user \"\(name)\" is unknown or deactivated")
        }
        return user.actor
    }
}
