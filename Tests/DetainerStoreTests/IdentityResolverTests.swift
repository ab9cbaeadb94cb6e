import Testing
import SQLite
@testable import DetainerStore
import TestSupport

/// Issue 13 §1: the production resolver, with the OS login injected (the tests run as one
/// account; the CLI passes getpwuid(geteuid())).
@Suite struct IdentityResolverTests {
    let dir = TemporaryDirectory()

    @Test func theOSLoginPicksTheActorAndDeclaredNamesOnlyChooseAmongItsUsers() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, osLogin: "clara", by: admin)
        try db.accounts.addUser(name: "sam", role: .supervisor, osLogin: "sam", by: admin)
        try db.accounts.addUser(name: "sam.clerk", role: .clerk, osLogin: "sam", by: admin)
        try db.accounts.addUser(name: "web.only", role: .auditor, by: admin)
        #expect(try db.accounts.authorize(osLogin: "clara", requested: nil, for: .intake).name == "clara")
        // clara's account cannot act as sam, however the name is given.
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize(osLogin: "clara", requested: "sam", for: .review) }
        // Two users on one account: one must be picked, and only among them.
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize(osLogin: "sam", requested: nil, for: .review) }
        #expect(try db.accounts.authorize(osLogin: "sam", requested: "sam", for: .review).name == "sam")
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize(osLogin: "sam", requested: "sam.clerk", for: .review) }
        // An account nobody is mapped to, and a web-only user, get nothing from the command line.
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize(osLogin: "mallory", requested: nil, for: .intake) }
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize(osLogin: "mallory", requested: "web.only", for: .report) }
    }

    @Test func namesAreUniqueAfterNormalisation() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "sup.chen", role: .supervisor, by: admin)
        for twin in ["Sup.Chen", "SUP.CHEN", "ｓｕｐ.ｃｈｅｎ", "sup.\u{0441}hen"] {
            #expect(throws: InputError.self, "\(twin)") { try db.accounts.addUser(name: twin, role: .admin, by: admin) }
        }
        for hidden in ["sup\u{200D}.lee", "\u{202E}lee", "lee\u{FE0F}", "le\u{00AD}e"] {
            #expect(throws: InputError.self, "\(hidden.unicodeScalars.map { String($0.value, radix: 16) })") { try db.accounts.addUser(name: hidden, role: .clerk, by: admin) }
        }
        // A single-script name in another alphabet is fine.
        try db.accounts.addUser(name: "Светлана", role: .clerk, by: admin)
        #expect(UserName.key("sup.chen") == UserName.key("ＳＵＰ.ＣＨＥＮ"))
    }

    @Test func theModeIsWrittenOnce() throws {
        let db = try dir.database()
        #expect(try db.integrity.mode() == .training)
        #expect(throws: IntegrityRefusal.self) { try db.integrity.establish(mode: .production, publicKey: nil) }
        #expect(throws: SQLiteError.self) { try db.connection.execute("UPDATE settings SET value = 'production' WHERE key = 'mode'") }
        #expect(throws: SQLiteError.self) { try db.connection.execute("DELETE FROM settings WHERE key = 'mode'") }
    }
}

extension IdentityResolverTests {
    @Test func anAdminMapsAUserToAnOSAccount() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "legacy", role: .clerk, by: admin)
        #expect(throws: PermissionDenied.self) { try db.accounts.authorize(osLogin: "leg", requested: nil, for: .intake) }
        _ = try db.accounts.mapUser(name: "legacy", osLogin: "leg", by: admin)
        #expect(try db.accounts.authorize(osLogin: "leg", requested: nil, for: .intake).name == "legacy")
        #expect(try db.integrity.healthCheck().ok)
    }
}
