import DetainerDomain
import SQLite

/// A user's second factor as stored.
public enum SecondFactorState: String, Sendable {
    /// Never enrolled.
    case none
    /// Enrolment begun (a secret made and shown) but not yet proven with a code.
    case pending
    /// In use.
    case active
}

/// What the user copies into an authenticator app, once, when enrolment begins.
public struct TOTPEnrolment: Sendable, Equatable {
    /// Base32, as apps take it typed in.
    public let secret: String
    /// `otpauth://totp/…`, the QR code's content.
    public let uri: String
}

/// How a sign-in stands on the second factor, read before the write (`recordSignIn`).
enum SecondFactorCheck: Equatable {
    /// Not asked of this user on this database.
    case notRequired
    /// Required but not enrolled: the session may only enrol one.
    case enrolmentNeeded
    /// A TOTP code for this step was given.
    case totp(step: Int64)
    /// An unused recovery code (this row) was given.
    case recovery(id: Int64)
    /// Required and not given, or wrong.
    case failed
}

/// A second factor that does not hold (wrong code, a code used twice, nothing pending).
public struct SecondFactorRefused: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

extension Accounts {
    public func secondFactorState(userID: Int64) throws -> SecondFactorState {
        let state = try connection.scalarText("SELECT state FROM user_totp WHERE user_id = ?", userID)
        return state.flatMap(SecondFactorState.init(rawValue:)) ?? .none
    }

    /// Unused recovery codes left for a user.
    public func openRecoveryCodes(userID: Int64) throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM recovery_codes WHERE user_id = ? AND ended_at IS NULL", userID) ?? 0)
    }

    /// Where `user` stands on the second factor for a sign-in offering `typed` (nil: none typed).
    func secondFactorCheck(user: User, typed: String?, in db: Connection, now: UTCInstant) throws -> SecondFactorCheck {
        let mode = try db.scalarText("SELECT value FROM settings WHERE key = 'mode'")
        guard AccountPolicy.requiresSecondFactor(user.role, mode: mode == DatabaseMode.training.rawValue ? .training : .production) else {
            return .notRequired
        }
        let row = try db.cached("SELECT secret, state, last_step FROM user_totp WHERE user_id = ?")
        try row.bind(user.id, at: 1)
        let stored: (String, String, Int64?)? = try row.first { ($0.string(0) ?? "", $0.string(1) ?? "", $0.optionalInt64(2)) }
        guard let stored, stored.1 == SecondFactorState.active.rawValue else { return .enrolmentNeeded }
        guard let typed, !typed.isEmpty else { return .failed }
        if RecoveryCodes.looksLikeCode(typed) {
            let id = try db.scalarInt("SELECT id FROM recovery_codes WHERE user_id = ? AND code_hash = ? AND ended_at IS NULL",
                                      user.id, RecoveryCodes.hash(typed))
            return id.map { .recovery(id: $0) } ?? .failed
        }
        guard let secret = Base32.decode(stored.0),
              let step = TOTP(secret: secret).matchingStep(typed, at: now.secondsSinceEpoch, window: AccountPolicy.totpWindowSteps) else { return .failed }
        // A code is used once (RFC 6238 §5.2): not again, and not an earlier one.
        if let last = stored.2, step <= last { return .failed }
        return .totp(step: step)
    }

    /// Spends the factor a sign-in was checked with, inside its audited write: the TOTP step
    /// moves forward (so the code cannot be replayed) or the recovery code ends. Throws when a
    /// concurrent sign-in spent it first.
    func spendSecondFactor(_ check: SecondFactorCheck, userID: Int64, in context: WriteContext) throws {
        switch check {
        case .totp(let step):
            try context.db.run("UPDATE user_totp SET last_step = ?1 WHERE user_id = ?2 AND state = 'active' AND (last_step IS NULL OR last_step < ?1)",
                               step, userID)
            guard context.db.changes == 1 else { throw SecondFactorRefused(message: "that code was already used") }
            context.touchIdentity("user_totp", .integer(userID))
            context.details["secondFactor"] = "totp"
        case .recovery(let id):
            try context.db.run("UPDATE recovery_codes SET ended_at = ?, end_reason = 'used' WHERE id = ? AND ended_at IS NULL",
                               context.now.iso8601, id)
            guard context.db.changes == 1 else { throw SecondFactorRefused(message: "that recovery code was already used") }
            context.touchIdentity("recovery_codes", .integer(id))
            let left = try context.db.scalarInt("SELECT count(*) FROM recovery_codes WHERE user_id = ? AND ended_at IS NULL", userID) ?? 0
            context.details["secondFactor"] = "recovery code"
            context.details["recoveryCodesLeft"] = .int(left)
        case .enrolmentNeeded:
            context.details["secondFactor"] = "not enrolled: this session may only enrol one"
        case .notRequired, .failed:
            break
        }
    }

    /// Starts (or restarts) enrolment for the acting user: a new secret, pending until proven.
    /// A factor already in use is not replaced this way (an admin cannot enrol for someone else
    /// either: the secret is shown only to its owner). The secret is in the database (the
    /// server must compute codes) and fingerprinted into the audit entry, never written into it.
    public func beginTOTPEnrolment(issuer: String = "detainer", by actor: Actor) throws -> TOTPEnrolment {
        guard let userID = actor.id else { throw PermissionDenied(message: "only a signed-in user enrols a second factor") }
        return try audited(actor: actor, action: "user.totp.begin", entity: "user") { context in
            context.entityID = userID
            if try context.db.scalarText("SELECT state FROM user_totp WHERE user_id = ?", userID) == SecondFactorState.active.rawValue {
                throw InputError(field: "second factor", "\(actor.name) already has a second factor in use; it is not replaced from a signed-in page")
            }
            let secret = TOTP.generateSecret()
            let encoded = Base32.encode(secret)
            try context.db.run("""
                INSERT INTO user_totp (user_id, secret, state, created_at) VALUES (?1, ?2, 'pending', ?3)
                ON CONFLICT (user_id) DO UPDATE SET secret = ?2, state = 'pending', created_at = ?3, confirmed_at = NULL, last_step = NULL
                """, userID, encoded, context.now.iso8601)
            context.touchIdentity("user_totp", .integer(userID))
            context.details = ["name": .string(actor.name), "secondFactor": "totp", "state": "pending"]
            return TOTPEnrolment(secret: encoded, uri: TOTP(secret: secret).uri(account: actor.name, issuer: issuer))
        }
    }

    /// Completes enrolment when `code` is the pending secret's current code: the factor becomes
    /// active, fresh recovery codes replace any unused ones and are returned (shown once), and
    /// the session that was limited to enrolment (`session`) becomes a full one.
    public func confirmTOTPEnrolment(code: String, session: Int64?, by actor: Actor) throws -> [String] {
        guard let userID = actor.id else { throw PermissionDenied(message: "only a signed-in user enrols a second factor") }
        return try audited(actor: actor, action: "user.totp.confirm", entity: "user") { context in
            context.entityID = userID
            let row = try context.db.prepare("SELECT secret, state FROM user_totp WHERE user_id = ?")
            try row.bind(userID, at: 1)
            guard let (secret, state) = try row.first({ ($0.string(0) ?? "", $0.string(1) ?? "") }), state == SecondFactorState.pending.rawValue,
                  let bytes = Base32.decode(secret) else {
                throw InputError(field: "code", "no second-factor enrolment is pending for \(actor.name); begin one first")
            }
            guard let step = TOTP(secret: bytes).matchingStep(code, at: context.now.secondsSinceEpoch, window: AccountPolicy.totpWindowSteps) else {
                throw InputError(field: "code", "that is not the code the authenticator app shows now (six digits; check the phone's clock)")
            }
            try context.db.run("UPDATE user_totp SET state = 'active', confirmed_at = ?, last_step = ? WHERE user_id = ?",
                               context.now.iso8601, step, userID)
            context.touchIdentity("user_totp", .integer(userID))
            let open = try context.db.prepare("SELECT id FROM recovery_codes WHERE user_id = ? AND ended_at IS NULL ORDER BY id")
            try open.bind(userID, at: 1)
            for id in try open.map({ $0.int64(0) }) {
                try context.db.run("UPDATE recovery_codes SET ended_at = ?, end_reason = 'replaced' WHERE id = ?", context.now.iso8601, id)
                context.touchIdentity("recovery_codes", .integer(id))
            }
            let codes = RecoveryCodes.generate()
            for code in codes {
                try context.db.run("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)",
                                   userID, RecoveryCodes.hash(code), context.now.iso8601)
                context.touchIdentity("recovery_codes", .integer(context.db.lastInsertRowID))
            }
            if let session {
                try context.db.run("UPDATE web_sessions SET awaiting_second_factor = 0 WHERE id = ? AND user_id = ?", session, userID)
                if context.db.changes > 0 { context.touchIdentity("web_sessions", .integer(session)) }
            }
            context.details = ["name": .string(actor.name), "secondFactor": "totp", "state": "active", "recoveryCodes": .int(Int64(codes.count))]
            return codes
        }
    }
}
