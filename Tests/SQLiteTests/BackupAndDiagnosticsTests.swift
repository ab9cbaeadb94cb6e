import Foundation
import Testing
@testable import SQLite
import TestSupport

@Suite struct BackupAndDiagnosticsTests {
    let dir = TemporaryDirectory()

    @Test func backupIsACompleteSoundCopy() throws {
        let db = try Connection(path: dir.path("src.db"), options: .init(mode: .create, applicationID: 77))
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT")
        try db.write {
            let insert = try db.prepare("INSERT INTO t (name) VALUES (?)")
            for n in 0..<5_000 { try insert.bind("Nuñez \(n)", at: 1); try insert.execute() }
        }
        var calls = 0
        try db.backup(to: dir.path("copy.db"), pagesPerStep: 8) { _, _ in calls += 1 }
        #expect(calls > 1)
        #expect(!FileManager.default.fileExists(atPath: dir.path("copy.db-wal")))
        let copy = try Connection(path: dir.path("copy.db"), options: .init(mode: .readOnly, applicationID: 77))
        #expect(try copy.integrityProblems().isEmpty)
        #expect(try copy.scalarInt("SELECT count(*) FROM t") == 5_000)
        let sum = "SELECT group_concat(name, '|') FROM (SELECT name FROM t ORDER BY id)"
        #expect(try copy.scalarText(sum) == db.scalarText(sum))
    }

    @Test func backupIntoAMissingDirectoryFailsWithoutLeftovers() throws {
        let db = try Connection(path: dir.path("src2.db"), options: .init(mode: .create))
        #expect(throws: SQLiteError.self) { try db.backup(to: dir.path("no/such/dir/copy.db")) }
    }

    @Test func foreignKeyCheckFindsOrphans() throws {
        let db = try Connection(path: dir.path("fk.db"), options: .init(mode: .create, foreignKeys: false))
        try db.execute("""
            CREATE TABLE p (id INTEGER PRIMARY KEY) STRICT;
            CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id)) STRICT;
            INSERT INTO c VALUES (1, 42);
            """)
        let violations = try db.foreignKeyViolations()
        #expect(violations.count == 1)
        #expect(violations.first?.table == "c")
        #expect(try db.integrityProblems().isEmpty)
    }

    @Test func nonStrictTablesAreListed() throws {
        let db = try Connection(path: dir.path("s.db"), options: .init(mode: .create))
        try db.execute("CREATE TABLE a (x INTEGER) STRICT; CREATE TABLE b (x INTEGER);")
        #expect(try db.nonStrictTables() == ["b"])
    }
}
