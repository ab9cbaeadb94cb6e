import Testing
@testable import SQLite
import TestSupport

@Suite struct MigratorTests {
    let dir = TemporaryDirectory()
    let v1 = Migration(version: 1, name: "create_items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;")
    let v2 = Migration(version: 2, name: "add_size", sql: "ALTER TABLE items ADD COLUMN size INTEGER;")
    let clock = { "2026-01-01T00:00:00Z" }

    func open() throws -> Connection { try Connection(path: dir.path("m.db"), options: .init(mode: .create)) }

    @Test func appliesInOrderAndRecordsHistory() throws {
        let db = try open()
        let applied = try Migrator([v1, v2]).migrate(db, now: clock)
        #expect(applied.map(\.version) == [1, 2])
        let history = try Migrator([v1, v2]).applied(in: db)
        #expect(history.map(\.name) == ["create_items", "add_size"])
        #expect(history.map(\.checksum) == [v1.checksum, v2.checksum])
        #expect(history.allSatisfy { $0.appliedAt == "2026-01-01T00:00:00Z" })
        #expect(try db.userVersion() == 2)
        #expect(v1.checksum.count == 64)
    }

    @Test func isIdempotent() throws {
        let db = try open()
        try Migrator([v1]).migrate(db, now: clock)
        #expect(try Migrator([v1]).migrate(db, now: clock).isEmpty)
        #expect(try Migrator([v1, v2]).migrate(db, now: clock).map(\.version) == [2])
        #expect(try Migrator([v1, v2]).migrate(db, now: clock).isEmpty)
        #expect(try db.scalarInt("SELECT count(*) FROM schema_migrations") == 2)
    }

    @Test func refusesATamperedChecksum() throws {
        let db = try open()
        try Migrator([v1]).migrate(db, now: clock)
        try db.run("UPDATE schema_migrations SET checksum = ? WHERE version = 1", String(repeating: "0", count: 64))
        #expect(throws: MigrationError.self) { try Migrator([v1, v2]).migrate(db, now: clock) }
        #expect(try db.userVersion() == 1)
        let edited = Migration(version: 1, name: "create_items", sql: v1.sql + " -- edited")
        let problems = try Migrator([edited]).problems(in: db)
        #expect(problems.count == 1)
    }

    @Test func refusesADatabaseNewerThanTheBinary() throws {
        let db = try open()
        try Migrator([v1, v2]).migrate(db, now: clock)
        do {
            try Migrator([v1]).migrate(db, now: clock)
            Issue.record("expected refusal")
        } catch let error as MigrationError {
            #expect(error == .databaseTooNew(databaseVersion: 2, knownVersion: 1))
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let db = try open()
        let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE half (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);")
        try Migrator([v1]).migrate(db, now: clock)
        #expect(throws: SQLiteError.self) { try Migrator([v1, broken]).migrate(db, now: clock) }
        #expect(try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'half'") == 0)
        #expect(try db.userVersion() == 1)
        #expect(try db.foreignKeysEnabled())
    }
}
