import DetainerDomain
import Foundation
import SQLite
@testable import DetainerStore
import Testing
import TestSupport

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
        try db.integrity.establish(mode: .production, publicKey: signer.publicKey)
        let admin = try db.accounts.bootstrapAdmin(name: "admin").user.actor
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        for name in ["sam", "clara"] { try db.accounts.setPassword(userName: name, password: Self.password, by: admin) }
        return db
    }

    func signIn(_ db: DetainerDatabase, _ name: String, code: String? = nil) throws -> SignInResult {
        let candidate = try db.accounts.signInCandidate(name: name)
        return try db.accounts.recordSignIn(candidate: candidate, passwordMatched: true, secondFactor: code)
    }

    @Test func aSupervisorEnrolsThenNeedsACodeUsedOnceOrARecoveryCodeUsedOnce() throws {
        let db = try production()
        // A clerk signs in with the password alone.
        guard case .signedIn(let clerk, _) = try signIn(db, "clara") else { Issue.record("clara refused"); return }
        #expect(!clerk.awaitingSecondFactor)
        // Not enrolled: a session that may only enrol.
        guard case .signedIn(let limited, _) = try signIn(db, "sam") else { Issue.record("sam refused"); return }
        #expect(limited.awaitingSecondFactor)
        let sam = try db.accounts.authorize("sam", for: .review)
        let enrolment = try db.accounts.beginTOTPEnrolment(by: sam)
        #expect(enrolment.uri.hasPrefix("otpauth://totp/detainer:sam?secret=\(enrolment.secret)&"))
        let totp = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        #expect(throws: ValidationIssue.self) { try db.accounts.confirmTOTPEnrolment(code: "000000" == totp.code(at: Self.start.secondsSinceEpoch) ? "111111" : "000000", session: limited.id, by: sam) }
        let codes = try db.accounts.confirmTOTPEnrolment(code: totp.code(at: Self.start.secondsSinceEpoch), session: limited.id, by: sam)
        #expect(codes.count == AccountPolicy.recoveryCodeCount && Set(codes).count == codes.count)
        #expect(try db.accounts.secondFactorState(userID: try #require(sam.id)) == .active)
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
        #expect(try db.accounts.openRecoveryCodes(userID: try #require(sam.id)) == codes.count - 1)
        // Everything above is fingerprinted: the check passes, and a hand edit of the factor is named.
        let clean = try TamperCheck.run(db.connection)
        #expect(clean.isEmpty, "\(clean)")
        try db.connection.run("UPDATE user_totp SET last_step = 0")
        #expect(try TamperCheck.run(db.connection).map(\.description).contains { $0.hasPrefix("user_totp row") })
    }

    /// The code is checked at the time the request arrived, not when its write got the lock.
    @Test func aCodeIsCheckedAtTheTimeItArrived() throws {
        let db = try production()
        let sam = try db.accounts.authorize("sam", for: .review)
        let enrolment = try db.accounts.beginTOTPEnrolment(by: sam)
        let totp = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        _ = try db.accounts.confirmTOTPEnrolment(code: totp.code(at: Self.start.secondsSinceEpoch), session: nil, by: sam)
        let arrived = Self.start.adding(seconds: 60)
        let code = totp.code(at: arrived.secondsSinceEpoch)
        db.clock = .fixed(arrived.adding(seconds: 120))   // the write ran four steps later
        let candidate = try db.accounts.signInCandidate(name: "sam")
        #expect(try db.accounts.recordSignIn(candidate: candidate, passwordMatched: true, secondFactor: code) == .refused)
        #expect(try db.accounts.recordSignIn(candidate: candidate, passwordMatched: true, secondFactor: code, presentedAt: arrived) != .refused)
    }

    @Test func aTrainingDatabaseAsksNoSecondFactor() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        try db.accounts.setPassword(userName: "sam", password: Self.password, by: admin)
        guard case .signedIn(let session, _) = try signIn(db, "sam") else { Issue.record("refused"); return }
        #expect(!session.awaitingSecondFactor)
        #expect(!AccountPolicy.requiresSecondFactor(.supervisor, mode: .training))
        #expect(AccountPolicy.requiresSecondFactor(.admin, mode: .production) && !AccountPolicy.requiresSecondFactor(.clerk, mode: .production))
    }
}
