import DetainerDomain
import SQLite
@testable import DetainerStore
import Testing
import TestSupport

/// Updates go through the record (`TableRecord.update`, `fill`), which touches the row itself
/// (issue 26 §5): a row changed in an audited write is fingerprinted into that write's entry,
/// so `detainer check` finds nothing; the same change made without the touch is named.
@Suite struct RecordUpdateTests {
    let dir = TemporaryDirectory()

    func findings(_ db: DetainerDatabase) throws -> [String] { try TamperCheck.run(db.connection).map(\.description) }

    func clerkAndPerson(_ db: DetainerDatabase) throws -> (clerk: Actor, personID: Int64, detainerID: Int64) {
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        let clara = try db.accounts.authorize("clara", for: .intake)
        let request = IntakeRequest(person: .init(name: "Ana Ruiz", nysid: "12345678K"),
                                    custody: .init(agency: "DOC", bookingNumber: "B-100", arrestDate: "2026-02-20",
                                                   scheduledReleaseAt: "2026-03-05T15:00:00Z"))
        let detainerID = try IntakeService(db).intake(request, by: clara).detainerID
        let personID = try #require(try db.connection.scalarInt("SELECT person_id FROM custody_cases WHERE id = (SELECT custody_case_id FROM detainers WHERE id = ?)", detainerID))
        return (clara, personID, detainerID)
    }

    @Test func anUpdateThroughTheRecordTouchesTheRowAndCheckFindsNothing() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        let id = try db.accounts.addUser(name: "sam", role: .clerk, by: admin).id
        try db.audited(actor: admin, action: "user.map", entity: "user") { context in
            let changed = try UserRecord.update(id: id, set: ["os_login": "sam.r"], in: context)
            #expect(changed)
        }
        #expect(try db.connection.scalarText("SELECT os_login FROM users WHERE id = ?", id) == "sam.r")
        #expect(try findings(db) == [])
    }

    /// The control: the same change written by hand in an audited write, with no touch.
    @Test func theSameUpdateWithoutTheTouchIsNamedByCheck() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        let id = try db.accounts.addUser(name: "sam", role: .clerk, by: admin).id
        try db.audited(actor: admin, action: "user.map", entity: "user") { context in
            try context.db.run("UPDATE users SET os_login = 'sam.r' WHERE id = ?", id)
        }
        #expect(try findings(db).count == 1)
    }

    @Test func aConditionThatNoLongerHoldsChangesNothing() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        let id = try db.accounts.addUser(name: "sam", role: .clerk, by: admin).id
        try db.audited(actor: admin, action: "user.map", entity: "user") { context in
            let changed = try UserRecord.update(id: id, set: ["os_login": "sam.r"], in: context, where: "active = ?", false)
            #expect(!changed)
        }
        #expect(try db.connection.scalarText("SELECT os_login FROM users WHERE id = ?", id) == nil)
        #expect(try findings(db) == [])
    }

    /// A record that says who changed it last (persons) is stamped by the update itself.
    @Test func anUpdateStampsWhoChangedTheRowAndWhen() throws {
        let db = try dir.database(now: "2026-03-03T10:00:00Z")
        let (clara, personID, _) = try clerkAndPerson(db)
        try db.audited(actor: clara, action: "detainer.correct", entity: "detainer") { context in
            try PersonRecord.update(id: personID, set: ["fbi_number": "123456AB1"], in: context)
        }
        let person = try #require(try PersonRecord.fetch(db.connection, id: personID))
        #expect(person.fbiNumber == "123456AB1")
        #expect(person.updatedBy == clara.id && person.updatedAt == UTCInstant(parsing: "2026-03-03T10:00:00Z"))
        #expect(try findings(db) == [])
    }

    /// A fill never overwrites, and a fill that fills nothing leaves the row (and its stamp) alone.
    @Test func aFillWritesOnlyEmptyColumnsAndOnlyWhenItFillsOne() throws {
        let db = try dir.database()
        let (clara, personID, _) = try clerkAndPerson(db)
        let filled = try db.audited(actor: clara, action: "detainer.correct", entity: "detainer") { context in
            try PersonRecord.fill(id: personID, with: ["nysid": "99999999Z", "a_number": "A123456789"], in: context)
        }
        #expect(filled)
        var person = try #require(try PersonRecord.fetch(db.connection, id: personID))
        #expect(person.nysid == "12345678K" && person.aNumber == "A123456789" && person.updatedBy == clara.id)
        let stamp = person.updatedAt
        let again = try db.audited(actor: clara, action: "detainer.correct", entity: "detainer") { context in
            try PersonRecord.fill(id: personID, with: ["nysid": "99999999Z", "a_number": "A000000000"], in: context)
        }
        #expect(!again)
        person = try #require(try PersonRecord.fetch(db.connection, id: personID))
        #expect(person.aNumber == "A123456789" && person.updatedAt == stamp)
        #expect(try findings(db) == [])
    }
}
