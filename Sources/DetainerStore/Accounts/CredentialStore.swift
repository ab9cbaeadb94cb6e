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

extension Accounts {
    public func signInCandidate(name: String) throws -> SignInCandidate? {
        guard let user = try user(named: name) else { return nil }
        let statement = try connection.cached("SELECT password_hash, locked_until FROM user_credentials WHERE user_id = ?")
        try statement.bind(user.id, at: 1)
        let stored: (String?, String?)? = try statement.first { ($0.string(0), $0.string(1)) }
        return SignInCandidate(user: user, passwordHash: stored?.0, lockedUntil: stored?.1.flatMap(UTCInstant.init(parsing:)))
    }

    /// Records a sign-in that succeeded in one audited write: it opens a session (fingerprinted
    /// into the entry, issue 23 §2), clears the failure count and spends the second factor.
    /// A failed attempt writes nothing (issue 23 §4: failed anonymous attempts stay out of the
    /// signed chain; the server logs them and `SignInThrottle` slows them), so a flood of wrong
    /// passwords can neither fill the chain nor change an account's row.
    ///
    /// Supervisors and admins on a production database also give a second factor (`secondFactor`:
    /// a TOTP code or a recovery code). One who has none enrolled gets a session that may only
    /// enrol one (`WebSession.awaitingSecondFactor`). The code is checked against `presentedAt`,
    /// the server's time when the request arrived (the write may wait behind bcrypt and other
    /// writers), or the write's time when not given.
    public func recordSignIn(candidate: SignInCandidate?, passwordMatched: Bool, secondFactor: String? = nil,
                             presentedAt: UTCInstant? = nil) throws -> SignInResult {
        guard let candidate, passwordMatched, candidate.user.active, candidate.passwordHash != nil else { return .refused }
        let user = candidate.user
        do {
            return try audited(actor: user.actor, action: "auth.signin", entity: "user") { context -> SignInResult in
                context.entityID = user.id
                let now = context.now
                // Read inside the write: two sign-ins racing with one code cannot both spend it.
                let factor = try secondFactorCheck(user: user, typed: secondFactor, in: context.db, now: min(presentedAt ?? now, now))
                if factor == .failed { throw SecondFactorRefused(message: "second factor missing or wrong") }
                try spendSecondFactor(factor, userID: user.id, in: context)
                try context.db.run("UPDATE user_credentials SET failed_signins = 0, locked_until = NULL WHERE user_id = ? AND (failed_signins <> 0 OR locked_until IS NOT NULL)", user.id)
                if context.db.changes > 0 { context.touchIdentity("user_credentials", .integer(user.id)) }
                let token = SessionToken.generate()
                let csrf = SessionToken.generate()
                let limited = factor == .enrolmentNeeded
                try context.db.run("""
                    INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, awaiting_second_factor) VALUES (?, ?, ?, ?, ?, ?)
                    """, SessionToken.hash(token), user.id, csrf, now.iso8601, now.iso8601, limited)
                let id = context.db.lastInsertRowID
                context.touchIdentity("web_sessions", .integer(id))
                var session = WebSession(id: id, user: user, csrfToken: csrf, createdAt: now, lastSeenAt: now)
                session.awaitingSecondFactor = limited
                session.tokenHashPrefix = SessionToken.hash(token).prefix(16)
                context.details["result"] = "signed in"
                context.details["session"] = .int(id)
                return .signedIn(session, token: token)
            }
        } catch is SecondFactorRefused {
            return .refused
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
            context.touchIdentity("user_credentials", .integer(target.id))
            let ended = try endWebSessions(userID: target.id, except: keepingSession, reason: .password, in: context)
            context.entityID = target.id
            // Never the hash: the audit log is read by auditors.
            context.details = ["name": .string(target.name), "sessionsEnded": .int(Int64(ended))]
            return target
        }
    }
}

extension Accounts {
    /// The acting user for something every active user may do to their own account.
    public func activeActor(named name: String) throws -> Actor {
        guard let user = try user(named: name), user.active else {
            throw PermissionDenied(message: "user \"\(name)\" is unknown or deactivated")
        }
        return user.actor
    }
}
