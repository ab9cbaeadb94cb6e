// The baseline: the same loop written directly against the SQLite C API in Swift, as a careful
// programmer would without any wrapper (explicit lengths, SQLITE_TRANSIENT, checked codes).
import BenchCSQLite
import BenchSupport

private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

public enum RawVariant {
    /// Process-wide SQLite settings for every variant, before any connection opens.
    public static func configureLibrary() -> Bool {
        bench_disable_memory_statistics() == SQLITE_OK
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private static func check(_ rc: Int32, _ db: OpaquePointer?, _ what: String) throws {
        guard rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW else {
            throw Failure(description: "\(what): \(rc) \(db.map { String(cString: sqlite3_errmsg($0)) } ?? "")")
        }
    }

    /// Binds the string's own UTF-8 bytes with an explicit length. (Passing a Swift String
    /// straight to a `const char *` parameter makes a temporary null-terminated copy per call,
    /// `String.utf8CString`: a heap allocation per bind, which a careful C-API loop avoids.)
    @inline(__always)
    private static func bindText(_ statement: OpaquePointer?, _ index: Int32, _ value: String) -> Int32 {
        var value = value
        return value.withUTF8 { bytes in
            sqlite3_bind_text(statement, index, UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                .assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
    }

    private static func exec(_ db: OpaquePointer, _ sql: String) throws {
        try check(sqlite3_exec(db, sql, nil, nil, nil), db, sql)
    }

    public static func run(path: String, rows: Int) throws -> LayerTiming {
        var handle: OpaquePointer?
        // The product's open flags: NOMUTEX (one thread per connection) and extended result codes.
        try check(sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nil),
                  handle, "open")
        guard let db = handle else { throw Failure(description: "open returned no handle") }
        defer { sqlite3_close_v2(db) }
        for pragma in LayerWorkload.pragmas { try exec(db, pragma) }
        try exec(db, LayerWorkload.createTable)

        var timing = LayerTiming(insert: 0, read: 0, checksum: 0)
        timing.insert = try timed {
            var statement: OpaquePointer?
            try check(sqlite3_prepare_v3(db, LayerWorkload.insert, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil), db, "prepare")
            defer { sqlite3_finalize(statement) }
            try exec(db, "BEGIN IMMEDIATE")
            for i in 0..<rows {
                try check(sqlite3_bind_int64(statement, 1, LayerWorkload.n(i)), db, "bind")
                try check(bindText(statement, 2, LayerWorkload.name(i)), db, "bind")
                try check(sqlite3_bind_double(statement, 3, LayerWorkload.amount(i)), db, "bind")
                if let note = LayerWorkload.note(i) {
                    try check(bindText(statement, 4, note), db, "bind")
                } else {
                    try check(sqlite3_bind_null(statement, 4), db, "bind")
                }
                let rc = sqlite3_step(statement)
                guard rc == SQLITE_DONE else { try check(rc, db, "step"); throw Failure(description: "insert returned a row") }
                sqlite3_reset(statement)
            }
            try exec(db, "COMMIT")
        }
        timing.read = try timed {
            var statement: OpaquePointer?
            try check(sqlite3_prepare_v3(db, LayerWorkload.select, -1, 0, &statement, nil), db, "prepare")
            defer { sqlite3_finalize(statement) }
            var sum = 0
            while true {
                let rc = sqlite3_step(statement)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { try check(rc, db, "step"); break }
                let n = sqlite3_column_int64(statement, 0)
                let name = String(decoding: UnsafeBufferPointer(start: sqlite3_column_text(statement, 1),
                                                                count: Int(sqlite3_column_bytes(statement, 1))), as: UTF8.self)
                let amount = sqlite3_column_double(statement, 2)
                var note: String?
                if let text = sqlite3_column_text(statement, 3) {
                    note = String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, 3))), as: UTF8.self)
                }
                sum &+= LayerWorkload.checksum(n: n, nameBytes: name.utf8.count, amount: amount, noteBytes: note?.utf8.count)
            }
            timing.checksum = sum
        }
        return timing
    }
}
