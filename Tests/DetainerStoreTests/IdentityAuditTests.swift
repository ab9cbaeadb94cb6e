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
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        try db.accounts.setPassword(userName: "clara", password: Self.password, by: admin)
        return db
    }

    func signIn(_ db: DetainerDatabase, _ name: String = "clara", code: String? = nil) throws -> SignInResult {
        let candidate = try db.accounts.signInCandidate(name: name)
        let matched = candidate?.passwordHash.map { PasswordHashing.verify(Self.password, hash: $0) } ?? false
        return try db.accounts.recordSignIn(candidate: candidate, passwordMatched: matched, secondFactor: code)
    }

    func findings(_ db: DetainerDatabase) throws -> [String] { try TamperCheck.run(db.connection).map(\.description) }

    func dropGuards(_ db: DetainerDatabase) throws {
        try db.connection.execute("DROP TRIGGER IF EXISTS web_sessions_no_delete; DROP TRIGGER IF EXISTS user_credentials_no_delete;")
    }

    @Test func signInsSessionsAndPasswordsAreFingerprintedAndPassTheCheck() throws {
        let db = try office()
        guard case .signedIn(let session, _) = try signIn(db) else { Issue.record("clara could not sign in"); return }
        try db.accounts.endWebSession(session, reason: .signout)
        try db.paperwork.setPersonNotice(true, by: try db.accounts.authorize("admin", for: .manageUsers))
        let clean = try findings(db)
        #expect(clean.isEmpty, "\(clean)")
        let report = try db.integrity.healthCheck()
        #expect(report.ok, "\(report.items.filter { !$0.ok }.map { "\($0.name): \($0.problems)" })")
        let signin = try db.connection.scalarText("SELECT payload FROM audit_log WHERE action = 'auth.signin'") ?? ""
        #expect(signin.contains("\"table\":\"web_sessions\""))
    }

    @Test func failedSignInsWriteNothing() throws {
        let db = try office()
        let before = try db.connection.scalarInt("SELECT count(*) FROM audit_log")
        let candidate = try db.accounts.signInCandidate(name: "clara")
        #expect(try db.accounts.recordSignIn(candidate: candidate, passwordMatched: false) == .refused)
        #expect(try db.accounts.recordSignIn(candidate: nil, passwordMatched: false) == .refused)
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
        guard case .active(let session, _) = try db.accounts.webSession(token: forged) else { Issue.record("the forged session does not look up"); return }
        try Authentication.$current.withValue(Authentication.web(session: session, address: "10.0.0.66")) {
            try db.paperwork.setPersonNotice(true, by: session.user.actor)
        }
        // Deleted afterwards: the table is clean again, but the write names a session no sign-in opened.
        try dropGuards(db)
        try db.connection.run("DELETE FROM web_sessions WHERE id = ?", id)
        #expect(try findings(db).isEmpty)
        let problems = try SessionAttribution.problems(db.connection)
        #expect(problems.count == 1 && problems[0].contains("which no audited sign-in opened"), "\(problems)")
        let report = try db.integrity.healthCheck()
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
        #expect(try db.integrity.recordIdentityBaseline() >= 4)   // mode, database_id, person_notice, clara's password
        let clean = try findings(db)
        #expect(clean.isEmpty, "\(clean)")
    }

    /// Issue 23 §2: audit times must increase; a step back within the stated tolerance (a clock
    /// correction, whole seconds) passes, a larger one is reported.
    @Test func auditTimeMayStepBackOnlyWithinTheTolerance() throws {
        let db = try office()
        let tolerance = ProjectDecisions.auditClockToleranceSeconds
        #expect(tolerance == 2)
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        let base = try #require(UTCInstant(parsing: "2026-03-02T16:00:00Z"))
        db.clock = .fixed(base)
        try db.paperwork.setPersonNotice(true, by: admin)
        db.clock = .fixed(base.adding(seconds: -tolerance))
        try db.paperwork.setPersonNotice(false, by: admin)
        #expect(try SignatureCheck.timeProblems(db.connection).isEmpty)
        // Small steps cannot add up: each is compared with the latest time already in the chain.
        db.clock = .fixed(base.adding(seconds: -tolerance - 1))
        try db.paperwork.setPersonNotice(true, by: admin)
        let problems = try SignatureCheck.timeProblems(db.connection)
        #expect(problems.count == 1 && problems[0].contains("by \(tolerance + 1) s"), "\(problems)")
    }
}
