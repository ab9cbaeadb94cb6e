import DetainerDomain
import Foundation
import SQLite
@testable import DetainerStore
import Testing
import TestSupport

/// Issue 23 §2: sessions, passwords, second factors and settings are fingerprinted into the
/// signed chain, so `check` names a row made, changed or deleted outside the tool, and a write
/// made through a session no audited sign-in opened is named even after that session is gone.
@Suite struct IdentityAuditTests {
    let dir = TemporaryDirectory()
    static let password = "a long enough pass phrase"

    /// A training database with clara (clerk) holding a password; `signIn` opens a session.
    func office() throws -> DetainerDatabase {
        let db = try dir.database()
        let admin = try db.authorize("admin", for: .manageUsers)
        try db.addUser(name: "clara", role: .clerk, by: admin)
        try db.setPassword(userName: "clara", password: Self.password, by: admin)
        return db
    }

    func signIn(_ db: DetainerDatabase, _ name: String = "clara", code: String? = nil) throws -> SignInResult {
        let candidate = try db.signInCandidate(name: name)
        let matched = candidate?.passwordHash.map { PasswordHashing.verify(Self.password, hash: $0) } ?? false
        return try db.recordSignIn(candidate: candidate, passwordMatched: matched, secondFactor: code)
    }

    func findings(_ db: DetainerDatabase) throws -> [String] { try TamperCheck.run(db.connection).map(\.description) }

    func dropGuards(_ db: DetainerDatabase) throws {
        try db.connection.execute("DROP TRIGGER IF EXISTS web_sessions_no_delete; DROP TRIGGER IF EXISTS user_credentials_no_delete;")
    }

    @Test func signInsSessionsAndPasswordsAreFingerprintedAndPassTheCheck() throws {
        let db = try office()
        guard case .signedIn(let session, _) = try signIn(db) else { Issue.record("clara could not sign in"); return }
        try db.endWebSession(session, reason: .signout)
        try db.setPersonNotice(true, by: try db.authorize("admin", for: .manageUsers))
        let clean = try findings(db)
        #expect(clean.isEmpty, "\(clean)")
        let report = try db.healthCheck()
        #expect(report.ok, "\(report.items.filter { !$0.ok }.map { "\($0.name): \($0.problems)" })")
        let signin = try db.connection.scalarText("SELECT payload FROM audit_log WHERE action = 'auth.signin'") ?? ""
        #expect(signin.contains("\"table\":\"web_sessions\""))
    }

    @Test func failedSignInsWriteNothing() throws {
        let db = try office()
        let before = try db.connection.scalarInt("SELECT count(*) FROM audit_log")
        let candidate = try db.signInCandidate(name: "clara")
        #expect(try db.recordSignIn(candidate: candidate, passwordMatched: false) == .refused)
        #expect(try db.recordSignIn(candidate: nil, passwordMatched: false) == .refused)
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log") == before)
        #expect(try db.connection.scalarInt("SELECT failed_signins FROM user_credentials") == 0)
    }

    @Test func aSessionInsertedByHandIsNamedAndDeletingItDoesNotHideItsUse() throws {
        let db = try office()
        let forged = SessionToken.generate()
        try db.connection.run("""
            INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at)
            VALUES (?, 1, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '2026-03-02T15:00:00Z', '2026-03-02T15:00:00Z')
            """, SessionToken.hash(forged))
        let id = db.connection.lastInsertRowID
        #expect(try findings(db) == ["web_sessions row \(id) was inserted outside detainer (no audit row records it)"])
        // The forged session is used: the write records it, as the server does for every request.
        guard case .active(let session, _) = try db.webSession(token: forged) else { Issue.record("the forged session does not look up"); return }
        try Authentication.$current.withValue(Authentication.web(session: session, address: "10.0.0.66")) {
            try db.setPersonNotice(true, by: session.user.actor)
        }
        // Deleted afterwards: the table is clean again, but the write names a session no sign-in opened.
        try dropGuards(db)
        try db.connection.run("DELETE FROM web_sessions WHERE id = ?", id)
        #expect(try findings(db).isEmpty)
        let problems = try SessionAttribution.problems(db.connection)
        #expect(problems.count == 1 && problems[0].contains("which no audited sign-in opened"), "\(problems)")
        let report = try db.healthCheck()
        #expect(!report.ok && report.items.contains { $0.name == "web sessions" && !$0.ok })
    }

    @Test func anAuditedSessionDeletedOrEditedByHandIsNamed() throws {
        let db = try office()
        guard case .signedIn(let session, _) = try signIn(db) else { Issue.record("no sign-in"); return }
        try dropGuards(db)
        try db.connection.run("UPDATE web_sessions SET ended_at = NULL, end_reason = NULL, created_at = '2030-01-01T00:00:00Z' WHERE id = ?", session.id)
        #expect(try findings(db).contains { $0.hasPrefix("web_sessions row \(session.id) was changed outside detainer") })
        try db.connection.run("DELETE FROM web_sessions WHERE id = ?", session.id)
        #expect(try findings(db).contains { $0.hasPrefix("web_sessions row \(session.id) was deleted outside detainer") })
    }

    @Test func passwordsSettingsAndSecondFactorsChangedByHandAreNamed() throws {
        let db = try office()
        try db.connection.run("UPDATE user_credentials SET password_hash = ? WHERE user_id = 2", try PasswordHashing.hash("another pass phrase here"))
        try db.connection.run("INSERT INTO settings (key, value) VALUES ('person_notice', 'on')")
        try db.connection.run("INSERT INTO user_totp (user_id, secret, state, created_at) VALUES (1, 'JBSWY3DPEHPK3PXP', 'pending', '2026-03-02T15:00:00Z')")
        let found = Set(try findings(db))
        #expect(found.contains { $0.hasPrefix("user_credentials row 2 was changed outside detainer") })
        #expect(found.contains("settings row person_notice was inserted outside detainer (no audit row records it)"))
        #expect(found.contains("user_totp row 1 was inserted outside detainer (no audit row records it)"))
        // A lockout written by hand and taken back leaves the chain as it was; one left in place does not.
        try db.connection.run("UPDATE user_credentials SET locked_until = '2030-01-01T00:00:00Z' WHERE user_id = 2")
        #expect(Set(try findings(db)).count == 3)
    }

    @Test func aDatabaseUpgradedPastTheMigrationIsFingerprintedOnce() throws {
        let db = try office()
        // As if the rows had been made before migration 0013 fingerprinted them.
        try db.connection.run("INSERT INTO settings (key, value) VALUES ('person_notice', 'off')")
        #expect(try !findings(db).isEmpty)
        #expect(try db.recordIdentityBaseline() >= 4)   // mode, database_id, person_notice, clara's password
        let clean = try findings(db)
        #expect(clean.isEmpty, "\(clean)")
    }

    /// Issue 23 §2: audit times must increase; a step back within the stated tolerance (a clock
    /// correction, whole seconds) passes, a larger one is reported.
    @Test func auditTimeMayStepBackOnlyWithinTheTolerance() throws {
        let db = try office()
        let tolerance = ProjectDecisions.auditClockToleranceSeconds
        #expect(tolerance == 2)
        let admin = try db.authorize("admin", for: .manageUsers)
        let base = try #require(UTCInstant(parsing: "2026-03-02T16:00:00Z"))
        db.clock = .fixed(base)
        try db.setPersonNotice(true, by: admin)
        db.clock = .fixed(base.adding(seconds: -tolerance))
        try db.setPersonNotice(false, by: admin)
        #expect(try SignatureCheck.timeProblems(db.connection).isEmpty)
        // Small steps cannot add up: each is compared with the latest time already in the chain.
        db.clock = .fixed(base.adding(seconds: -tolerance - 1))
        try db.setPersonNotice(true, by: admin)
        let problems = try SignatureCheck.timeProblems(db.connection)
        #expect(problems.count == 1 && problems[0].contains("by \(tolerance + 1) s"), "\(problems)")
    }
}

/// Issue 23 §4: TOTP (RFC 6238) for supervisors and admins on production, with recovery codes.
@Suite struct SecondFactorTests {
    let dir = TemporaryDirectory()

    /// RFC 6238 appendix B, SHA-1 rows: the ASCII secret "12345678901234567890", eight digits.
    @Test func rfc6238TestVectors() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8), digits: 8)
        let vectors: [(Int64, String)] = [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
                                          (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130")]
        for (time, code) in vectors { #expect(totp.code(at: time) == code, "T = \(time)") }
        #expect(totp.matchingStep("94287082", at: 59 + 30) == 1)      // one step of drift
        #expect(totp.matchingStep("94287082", at: 59 + 60) == nil)    // two steps: too old
        #expect(totp.matchingStep("9428708x", at: 59) == nil)
    }

    @Test func base32RoundTripsAndTheURIIsWhatAppsRead() {
        // RFC 4648 §10, without padding.
        for (plain, encoded) in [("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")] {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
        let secret = TOTP.generateSecret()
        #expect(secret.count == 20 && Base32.decode(Base32.encode(secret)) == secret)
        #expect(Base32.decode("not base32!") == nil)
        let uri = TOTP(secret: Array("12345678901234567890".utf8)).uri(account: "sam goldberg", issuer: "NYC DOC")
        #expect(uri == "otpauth://totp/NYC%20DOC:sam%20goldberg?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=NYC%20DOC&algorithm=SHA1&digits=6&period=30")
    }

    static let password = "a long enough pass phrase"
    static let start = UTCInstant(parsing: "2026-03-02T15:00:00Z")!

    /// A production database (signed) with sam, a supervisor with a password, at a pinned clock.
    func production() throws -> DetainerDatabase {
        let signer = SigningKey.generate()
        let db = try DetainerDatabase.open(path: dir.path("prod.db"), access: .create, clock: .fixed(Self.start), signer: signer)
        try db.migrate()
        try db.establish(mode: .production, publicKey: signer.publicKey)
        let admin = try db.bootstrapAdmin(name: "admin").user.actor
        try db.addUser(name: "sam", role: .supervisor, by: admin)
        try db.addUser(name: "clara", role: .clerk, by: admin)
        for name in ["sam", "clara"] { try db.setPassword(userName: name, password: Self.password, by: admin) }
        return db
    }

    func signIn(_ db: DetainerDatabase, _ name: String, code: String? = nil) throws -> SignInResult {
        let candidate = try db.signInCandidate(name: name)
        return try db.recordSignIn(candidate: candidate, passwordMatched: true, secondFactor: code)
    }

    @Test func aSupervisorEnrolsThenNeedsACodeUsedOnceOrARecoveryCodeUsedOnce() throws {
        let db = try production()
        // A clerk signs in with the password alone.
        guard case .signedIn(let clerk, _) = try signIn(db, "clara") else { Issue.record("clara refused"); return }
        #expect(!clerk.awaitingSecondFactor)
        // Not enrolled: a session that may only enrol.
        guard case .signedIn(let limited, _) = try signIn(db, "sam") else { Issue.record("sam refused"); return }
        #expect(limited.awaitingSecondFactor)
        let sam = try db.authorize("sam", for: .review)
        let enrolment = try db.beginTOTPEnrolment(by: sam)
        #expect(enrolment.uri.hasPrefix("otpauth://totp/detainer:sam?secret=\(enrolment.secret)&"))
        let totp = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        #expect(throws: ValidationIssue.self) { try db.confirmTOTPEnrolment(code: "000000" == totp.code(at: Self.start.secondsSinceEpoch) ? "111111" : "000000", session: limited.id, by: sam) }
        let codes = try db.confirmTOTPEnrolment(code: totp.code(at: Self.start.secondsSinceEpoch), session: limited.id, by: sam)
        #expect(codes.count == AccountPolicy.recoveryCodeCount && Set(codes).count == codes.count)
        #expect(try db.secondFactorState(userID: try #require(sam.id)) == .active)
        #expect(try db.connection.scalarInt("SELECT awaiting_second_factor FROM web_sessions WHERE id = ?", limited.id) == 0)
        // Only hashes are kept.
        let stored = try db.connection.prepare("SELECT code_hash FROM recovery_codes").map { $0.string(0) ?? "" }
        #expect(stored.count == codes.count && !stored.contains(where: { hash in codes.contains { hash.contains($0) } }))

        // Now a code is required: none, or the one already used at enrolment, is refused.
        db.clock = .fixed(Self.start.adding(seconds: 30))
        #expect(try signIn(db, "sam") == .refused)
        #expect(try signIn(db, "sam", code: totp.code(at: Self.start.secondsSinceEpoch)) == .refused)
        let fresh = totp.code(at: Self.start.secondsSinceEpoch + 30)
        guard case .signedIn(let second, _) = try signIn(db, "sam", code: fresh) else { Issue.record("the current code was refused"); return }
        #expect(!second.awaitingSecondFactor)
        #expect(try signIn(db, "sam", code: fresh) == .refused)   // the same code twice
        // A recovery code works once, typed in any case and with or without dashes.
        let recovery = codes[3]
        #expect(try signIn(db, "sam", code: recovery.lowercased().replacingOccurrences(of: "-", with: " ")) != .refused)
        #expect(try signIn(db, "sam", code: recovery) == .refused)
        #expect(try db.openRecoveryCodes(userID: try #require(sam.id)) == codes.count - 1)
        // Everything above is fingerprinted: the check passes, and a hand edit of the factor is named.
        let clean = try TamperCheck.run(db.connection)
        #expect(clean.isEmpty, "\(clean)")
        try db.connection.run("UPDATE user_totp SET last_step = 0")
        #expect(try TamperCheck.run(db.connection).map(\.description).contains { $0.hasPrefix("user_totp row") })
    }

    /// The code is checked at the time the request arrived, not when its write got the lock.
    @Test func aCodeIsCheckedAtTheTimeItArrived() throws {
        let db = try production()
        let sam = try db.authorize("sam", for: .review)
        let enrolment = try db.beginTOTPEnrolment(by: sam)
        let totp = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        _ = try db.confirmTOTPEnrolment(code: totp.code(at: Self.start.secondsSinceEpoch), session: nil, by: sam)
        let arrived = Self.start.adding(seconds: 60)
        let code = totp.code(at: arrived.secondsSinceEpoch)
        db.clock = .fixed(arrived.adding(seconds: 120))   // the write ran four steps later
        let candidate = try db.signInCandidate(name: "sam")
        #expect(try db.recordSignIn(candidate: candidate, passwordMatched: true, secondFactor: code) == .refused)
        #expect(try db.recordSignIn(candidate: candidate, passwordMatched: true, secondFactor: code, presentedAt: arrived) != .refused)
    }

    @Test func aTrainingDatabaseAsksNoSecondFactor() throws {
        let db = try dir.database()
        let admin = try db.authorize("admin", for: .manageUsers)
        try db.addUser(name: "sam", role: .supervisor, by: admin)
        try db.setPassword(userName: "sam", password: Self.password, by: admin)
        guard case .signedIn(let session, _) = try signIn(db, "sam") else { Issue.record("refused"); return }
        #expect(!session.awaitingSecondFactor)
        #expect(!AccountPolicy.requiresSecondFactor(.supervisor, mode: .training))
        #expect(AccountPolicy.requiresSecondFactor(.admin, mode: .production) && !AccountPolicy.requiresSecondFactor(.clerk, mode: .production))
    }
}
