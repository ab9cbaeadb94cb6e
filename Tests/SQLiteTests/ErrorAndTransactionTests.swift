import Foundation
import Testing
@testable import SQLite
import TestSupport

@Suite struct ErrorAndTransactionTests {
    let dir = TemporaryDirectory()

    func open(_ name: String = "e.db") throws -> Connection {
        let db = try Connection(path: dir.path(name), options: .init(mode: .create))
        try db.execute("""
            CREATE TABLE IF NOT EXISTS parent (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE) STRICT;
            CREATE TABLE IF NOT EXISTS child (
                id INTEGER PRIMARY KEY,
                parent_id INTEGER NOT NULL REFERENCES parent(id),
                size INTEGER NOT NULL CHECK (size > 0)
            ) STRICT;
            """)
        return db
    }

    @Test func uniqueViolationIsAConstraintErrorAndWritesNothing() throws {
        let db = try open()
        try db.run("INSERT INTO parent (id, code) VALUES (1, 'A')")
        #expect(throws: SQLiteError.self) {
            try db.write {
                try db.run("INSERT INTO parent (id, code) VALUES (2, 'B')")
                try db.run("INSERT INTO parent (id, code) VALUES (3, 'A')")
            }
        }
        do { try db.run("INSERT INTO parent (code) VALUES ('A')") } catch let error as SQLiteError {
            #expect(error.category == .constraint(.unique))
            #expect(error.isConstraintViolation)
            #expect(!error.isBusy && !error.isIOFailure)
        }
        #expect(try db.scalarInt("SELECT count(*) FROM parent") == 1)
    }

    @Test func checkViolationIsAConstraintError() throws {
        let db = try open()
        try db.run("INSERT INTO parent (id, code) VALUES (1, 'A')")
        do {
            try db.run("INSERT INTO child (parent_id, size) VALUES (1, 0)")
            Issue.record("expected CHECK failure")
        } catch let error as SQLiteError {
            #expect(error.category == .constraint(.check))
        }
        #expect(try db.scalarInt("SELECT count(*) FROM child") == 0)
    }

    @Test func foreignKeyViolationIsAConstraintError() throws {
        let db = try open()
        #expect(try db.foreignKeysEnabled())
        do {
            try db.run("INSERT INTO child (parent_id, size) VALUES (99, 1)")
            Issue.record("expected FK failure")
        } catch let error as SQLiteError {
            #expect(error.category == .constraint(.foreignKey))
        }
        #expect(try db.scalarInt("SELECT count(*) FROM child") == 0)
    }

    @Test func strictTypeMismatchIsRefused() throws {
        let db = try open()
        do {
            try db.run("INSERT INTO parent (id, code) VALUES (?, ?)", "not a number", "X")
            Issue.record("expected a type error")
        } catch let error as SQLiteError {
            #expect(error.category == .constraint(.datatype))
        }
        try db.run("INSERT INTO parent (id, code) VALUES (1, 'A')")
        do {
            try db.run("INSERT INTO child (parent_id, size) VALUES (1, ?)", "big")
            Issue.record("expected a type error")
        } catch let error as SQLiteError {
            #expect(error.category == .constraint(.datatype))
        }
        #expect(try db.scalarInt("SELECT count(*) FROM child") == 0)
    }

    struct Boom: Error {}

    @Test func throwInsideWriteRollsBack() throws {
        let db = try open()
        #expect(throws: Boom.self) {
            try db.write {
                try db.run("INSERT INTO parent (code) VALUES ('A')")
                throw Boom()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.scalarInt("SELECT count(*) FROM parent") == 0)
    }

    @Test func nestedSavepointsRollBackOnlyTheirPart() throws {
        let db = try open()
        try db.write {
            try db.run("INSERT INTO parent (code) VALUES ('outer')")
            try db.savepoint {
                try db.run("INSERT INTO parent (code) VALUES ('kept')")
                _ = try? db.savepoint {
                    try db.run("INSERT INTO parent (code) VALUES ('dropped')")
                    throw Boom()
                }
            }
            _ = try? db.savepoint {
                try db.run("INSERT INTO parent (code) VALUES ('also dropped')")
                try db.savepoint { try db.run("INSERT INTO parent (code) VALUES ('inner of dropped')") }
                throw Boom()
            }
        }
        let codes = try db.prepare("SELECT code FROM parent ORDER BY id").map { $0.string(0) ?? "" }
        #expect(codes == ["outer", "kept"])
    }

    @Test func nestedWriteIsRefused() throws {
        let db = try open()
        #expect(throws: Connection.TransactionError.nested) {
            try db.write { try db.write {} }
        }
        #expect(!db.isInTransaction)
    }

    @Test func readTransactionSeesOneSnapshot() throws {
        let reader = try open("snap.db")
        let writer = try open("snap.db")
        try writer.run("INSERT INTO parent (code) VALUES ('a')")
        try reader.read {
            #expect(try reader.scalarInt("SELECT count(*) FROM parent") == 1)
            try writer.run("INSERT INTO parent (code) VALUES ('b')")
            #expect(try reader.scalarInt("SELECT count(*) FROM parent") == 1)
        }
        #expect(try reader.scalarInt("SELECT count(*) FROM parent") == 2)
    }

    @Test func twoConnectionsWritingAtOnceBothSucceed() async throws {
        let path = dir.path("busy.db")
        _ = try open("busy.db")
        let perWriter = 200
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let db = try Connection(path: path, options: .init(mode: .readWrite, busyTimeoutMilliseconds: 10_000))
                    for n in 0..<perWriter {
                        try db.write {
                            try db.run("INSERT INTO parent (code) VALUES (?)", "w\(writer)-\(n)")
                            // Hold the lock a little so the other writer really has to wait.
                            if n % 50 == 0 { usleep(20_000) }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let db = try open("busy.db")
        #expect(try db.scalarInt("SELECT count(*) FROM parent") == Int64(2 * perWriter))
    }

    @Test func busyBeyondTheTimeoutIsReportedAsBusy() throws {
        let path = dir.path("locked.db")
        let holder = try open("locked.db")
        let other = try Connection(path: path, options: .init(mode: .readWrite, busyTimeoutMilliseconds: 50))
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        do {
            try other.write { try other.run("INSERT INTO parent (code) VALUES ('x')") }
            Issue.record("expected SQLITE_BUSY")
        } catch let error as SQLiteError {
            #expect(error.isBusy)
        }
    }
}
