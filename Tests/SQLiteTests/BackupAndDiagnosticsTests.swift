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
        let pages = try db.backup(into: dir.path("copy.db"))
        #expect(pages > 8)
        let copy = try Connection(path: dir.path("copy.db"), options: .init(mode: .readOnly, applicationID: 77))
        #expect(try copy.integrityProblems().isEmpty)
        // A self-contained rollback-journal file: reading it makes no -wal or -shm beside it.
        #expect(try copy.journalMode() == "delete")
        for suffix in ["-wal", "-shm", "-journal"] { #expect(!FileManager.default.fileExists(atPath: dir.path("copy.db" + suffix))) }
        #expect(try copy.scalarInt("SELECT count(*) FROM t") == 5_000)
        let sum = "SELECT group_concat(name, '|') FROM (SELECT name FROM t ORDER BY id)"
        #expect(try copy.scalarText(sum) == db.scalarText(sum))
    }

    @Test func backupIntoAMissingDirectoryFailsWithoutLeftovers() throws {
        let db = try Connection(path: dir.path("src2.db"), options: .init(mode: .create))
        #expect(throws: SQLiteError.self) { try db.backup(into: dir.path("no/such/dir/copy.db")) }
    }

    /// A copy refuses to overwrite: the temporary file is created exclusively.
    @Test func backupIntoAnExistingFileIsRefusedAndLeavesIt() throws {
        let db = try Connection(path: dir.path("src3.db"), options: .init(mode: .create))
        _ = FileManager.default.createFile(atPath: dir.path("taken.db"), contents: Data("mine".utf8))
        #expect(throws: SQLiteError.self) { try db.backup(into: dir.path("taken.db")) }
        #expect(FileManager.default.contents(atPath: dir.path("taken.db")) == Data("mine".utf8))
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
