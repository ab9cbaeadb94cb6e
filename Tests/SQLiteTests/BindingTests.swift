import Foundation
import Testing
@testable import SQLite
import TestSupport

@Suite struct BindingTests {
    let dir = TemporaryDirectory()

    func open() throws -> Connection {
        let db = try Connection(path: dir.path("t.db"), options: .init(mode: .create))
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n ANY) STRICT")
        return db
    }

    @Test(arguments: [Int64.min, -1, 0, 1, Int64(Int32.max) + 1, Int64.max])
    func integersRoundTrip(value: Int64) throws {
        let db = try open()
        try db.run("INSERT INTO t (i) VALUES (?)", value)
        #expect(try db.scalarInt("SELECT i FROM t") == value)
    }

    @Test(arguments: [0.0, -0.5, 3.141592653589793, Double.greatestFiniteMagnitude, -Double.leastNonzeroMagnitude])
    func doublesRoundTrip(value: Double) throws {
        let db = try open()
        try db.run("INSERT INTO t (r) VALUES (?)", value)
        let read = try db.prepare("SELECT r FROM t").first { $0.double(0) }
        #expect(read == value)
    }

    @Test(arguments: ["", "Nuñez", "Đặng Thị Hương", "O'Brien; DROP TABLE t; --", "👩🏽‍⚖️ emoji", "line\nbreak", "nul\u{0}inside", "中文名字", "مُحَمَّد"])
    func textRoundTripsExactly(value: String) throws {
        let db = try open()
        try db.run("INSERT INTO t (s) VALUES (?)", value)
        let read = try db.prepare("SELECT s FROM t").first { $0.string(0) }
        #expect(read == value)
        #expect(Array(read!!.utf8) == Array(value.utf8))
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 1)
    }

    @Test func emptyTextIsNotNull() throws {
        let db = try open()
        try db.run("INSERT INTO t (s) VALUES (?)", "")
        #expect(try db.scalarInt("SELECT count(*) FROM t WHERE s IS NULL") == 0)
    }

    @Test func blobsWithNulBytesRoundTrip() throws {
        let db = try open()
        let bytes: [UInt8] = [0, 1, 0, 255, 0, 0]
        try db.run("INSERT INTO t (b) VALUES (?)", bytes)
        let read = try db.prepare("SELECT b, length(b) FROM t").first { ($0.blob(0), $0.int(1)) }
        #expect(read?.0 == bytes)
        #expect(read?.1 == 6)
    }

    @Test func emptyBlobIsNotNull() throws {
        let db = try open()
        try db.run("INSERT INTO t (b) VALUES (?)", [UInt8]())
        let read = try db.prepare("SELECT b, typeof(b) FROM t").first { ($0.blob(0), $0.string(1)) }
        #expect(read?.0 == [])
        #expect(read?.1 == "blob")
    }

    @Test func tenMegabyteBlobRoundTrips() throws {
        let db = try open()
        let bytes = try #require(FileHandle(forReadingAtPath: "/dev/urandom")?.readData(ofLength: 10 * 1024 * 1024))
        try db.run("INSERT INTO t (b) VALUES (?)", bytes)
        let read = try db.prepare("SELECT b, length(b) FROM t").first { ($0.data(0), $0.int(1)) }
        #expect(read?.1 == 10 * 1024 * 1024)
        #expect(read?.0 == bytes)
    }

    @Test func dataBindsAsBlob() throws {
        let db = try open()
        let data = Data([0, 42, 0])
        let statement = try db.prepare("INSERT INTO t (b) VALUES (?)")
        try statement.bind(data, at: 1)
        try statement.execute()
        #expect(try db.prepare("SELECT b FROM t").first { $0.data(0) } == data)
    }

    @Test func booleansAndNullsRoundTrip() throws {
        let db = try open()
        let nothing: String? = nil
        try db.run("INSERT INTO t (i, s, n) VALUES (?, ?, ?)", true, nothing, false)
        let row = try db.prepare("SELECT i, s, n FROM t").first { ($0.bool(0), $0.isNull(1), $0.string(1), $0.bool(2)) }
        #expect(row?.0 == true)
        #expect(row?.1 == true)
        #expect(row?.2 == nil)
        #expect(row?.3 == false)
    }

    @Test func bindByNameAndReadByName() throws {
        let db = try open()
        let insert = try db.prepare("INSERT INTO t (i, s, r) VALUES (:count, :name, @ratio)")
        try insert.bind(named: [":count": 7, ":name": "Đặng", "@ratio": 0.25])
        try insert.execute()
        let row = try db.prepare("SELECT i AS count, s AS name, r AS ratio FROM t").first {
            (try $0.int64("count"), try $0.string("name"), try $0.double("ratio"))
        }
        #expect(row?.0 == 7)
        #expect(row?.1 == "Đặng")
        #expect(row?.2 == 0.25)
    }

    @Test func unknownNamesAreErrorsNotCrashes() throws {
        let db = try open()
        let insert = try db.prepare("INSERT INTO t (i) VALUES (:count)")
        #expect(throws: SQLiteError.self) { try insert.bind(1, named: ":missing") }
        let select = try db.prepare("SELECT i FROM t")
        #expect(throws: SQLiteError.self) { try select.int64("nope") }
    }

    @Test func wrongParameterCountIsRefused() throws {
        let db = try open()
        #expect(throws: SQLiteError.self) { try db.run("INSERT INTO t (i, s) VALUES (?, ?)", 1) }
    }

    @Test func genericValuesRoundTrip() throws {
        let db = try open()
        let values: [SQLiteValue] = [.integer(-3), .real(1.5), .text("Nuñez"), .blob([0, 9]), .null]
        try db.run("INSERT INTO t (i, r, s, b, n) VALUES (?, ?, ?, ?, ?)", values[0], values[1], values[2], values[3], values[4])
        let read = try db.prepare("SELECT i, r, s, b, n FROM t").first { row in (0..<5).map { row.value(Int32($0)) } }
        #expect(read == values)
    }
}
