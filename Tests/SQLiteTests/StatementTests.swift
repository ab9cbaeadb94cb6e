import Testing
@testable import SQLite
import TestSupport

@Suite struct StatementTests {
    let dir = TemporaryDirectory()

    @Test func preparedStatementIsReusedAfterReset() throws {
        let db = try Connection(path: dir.path("s.db"), options: .init(mode: .create))
        try db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT")
        let insert = try db.prepare("INSERT INTO t (k, v) VALUES (?, ?)")
        for k in 1...100 {
            try insert.bind(k, at: 1)
            try insert.bind("value \(k)", at: 2)
            try insert.execute()
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 100)
        #expect(try db.scalarText("SELECT v FROM t WHERE k = ?", 42) == "value 42")
    }

    @Test func cacheReturnsTheSameStatementResetAndCleared() throws {
        let db = try Connection(path: dir.path("c.db"), options: .init(mode: .create))
        let first = try db.cached("SELECT ?")
        try first.bind(5, at: 1)
        _ = try first.step()
        let second = try db.cached("SELECT ?")
        #expect(first === second)
        #expect(db.cachedStatementCount == 1)
        #expect(try second.first { $0.isNull(0) } == true)
    }

    @Test func statementsAreFinalizedWhenReleased() throws {
        let db = try Connection(path: dir.path("f.db"), options: .init(mode: .create))
        let baseline = db.liveStatementCount
        do {
            let a = try db.prepare("SELECT 1")
            let b = try db.prepare("SELECT 2")
            _ = try a.step(); _ = try b.step()
            #expect(db.liveStatementCount == baseline + 2)
        }
        #expect(db.liveStatementCount == baseline)
        _ = try db.cached("SELECT 3")
        #expect(db.liveStatementCount == baseline + 1)
        try db.close()
    }

    @Test func closingWithALiveStatementDoesNotCrash() throws {
        var db: Connection? = try Connection(path: dir.path("z.db"), options: .init(mode: .create))
        let statement = try db!.prepare("SELECT 1")
        try db!.close()
        db = nil
        _ = statement.sql  // the statement still owns a valid (zombie) handle
    }

    @Test func multipleStatementsInPrepareAreRefused() throws {
        let db = try Connection(path: dir.path("m.db"), options: .init(mode: .create))
        #expect(throws: SQLiteError.self) { try db.prepare("SELECT 1; SELECT 2") }
        _ = try db.prepare("SELECT 1; -- trailing comment\n")
    }

    @Test func syntaxErrorCarriesCodeMessageAndSQL() throws {
        let db = try Connection(path: dir.path("e.db"), options: .init(mode: .create))
        do {
            _ = try db.prepare("SELEC 1")
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.primaryCode == 1)
            #expect(error.message.contains("syntax error"))
            #expect(error.sql == "SELEC 1")
            #expect(error.description.contains("SELEC 1"))
        }
    }

    @Test func scriptErrorNamesTheFailingStatement() throws {
        let db = try Connection(path: dir.path("x.db"), options: .init(mode: .create))
        do {
            try db.execute("CREATE TABLE a (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);")
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.sql == "INSERT INTO nowhere VALUES (1);")
        }
    }

    @Test func doubleQuotedStringLiteralsAreRejected() throws {
        let db = try Connection(path: dir.path("q.db"), options: .init(mode: .create))
        try db.execute("CREATE TABLE t (a TEXT) STRICT")
        #expect(throws: SQLiteError.self) { try db.prepare("SELECT \"no_such_column\" FROM t") }
    }
}
