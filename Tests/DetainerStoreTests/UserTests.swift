import Testing
@testable import DetainerStore
import TestSupport

@Suite struct UserTests {
    let dir = TemporaryDirectory()

    @Test func rolesGrantExactlyWhatTheOfficeExpects() {
        #expect(Role.clerk.may(.intake) && Role.clerk.may(.changeStatus) && !Role.clerk.may(.review))
        #expect(Role.supervisor.may(.review) && Role.supervisor.may(.intake) && Role.supervisor.may(.importData))
        #expect(Role.auditor.may(.report) && Role.auditor.may(.export) && !Role.auditor.may(.intake))
        #expect(Role.admin.may(.manageUsers) && !Role.admin.may(.review) && !Role.clerk.may(.manageUsers))
    }

    @Test func authorizeNamesTheRequiredRole() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "carl", role: .clerk, by: admin)
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize("carl", for: .review) }
        do { _ = try db.accounts.authorize("carl", for: .review) } catch let error as PermissionDenied {
            #expect(error.message.contains("supervisor"))
        }
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize("ghost", for: .intake) }
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize(nil, for: .intake) }
        _ = try db.accounts.deactivateUser(name: "carl", by: admin)
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize("carl", for: .intake) }
    }

    @Test func namesAreValidatedAndUnique() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        #expect(throws: InputError.self) { try db.accounts.addUser(name: "", role: .clerk, by: admin) }
        #expect(throws: InputError.self) { try db.accounts.addUser(name: "bad name", role: .clerk, by: admin) }
        #expect(throws: InputError.self) { try db.accounts.addUser(name: "admin", role: .clerk, by: admin) }
        try db.accounts.addUser(name: "Nuñez", role: .auditor, by: admin)
        #expect(try db.accounts.user(named: "Nuñez")?.role == .auditor)
    }

    @Test func theLastAdminCannotBeDeactivated() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        #expect(throws: InputError.self) { try db.accounts.deactivateUser(name: "admin", by: admin) }
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log") == 2)  // establish + the admin
    }
}

/// Issue 23 §4: at least 12 characters and not a password a guesser tries first.
@Suite struct PasswordPolicyTests {
    @Test func commonPasswordsAndTheirPaddedFormsAreRefused() {
        #expect(CommonPasswordList.count == 10_000 && CommonPasswords.set.count > 9_900)
        for weak in ["123qweasdzxc", "QWERTY123456", "Password2026!", "!!sunshine!!2026", "football1234", "aaaaaaaaaaaaaa", "abababababab"] {
            #expect(CommonPasswords.problem(weak) != nil, "\(weak)")
            #expect(throws: InputError.self) { try PasswordHashing.validate(weak) }
        }
        for fine in ["correct horse battery staple", "Tuesday ledger 7 moth", "a long pass phrase"] {
            #expect(CommonPasswords.problem(fine) == nil, "\(fine)")
            #expect(throws: Never.self) { try PasswordHashing.validate(fine) }
        }
        #expect(throws: InputError.self) { try PasswordHashing.validate("short one") }
    }
}
