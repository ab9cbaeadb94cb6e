import CSQLite

/// A prepared statement. Finalized when the last reference goes away, so a statement can never
/// outlive its use by accident; the owning connection closes with `sqlite3_close_v2`, which
/// waits for statements still alive instead of leaking or crashing.
public final class Statement {
    let handle: OpaquePointer
    let db: OpaquePointer
    public let sql: String
    private var namesToIndexes: [String: Int32]?

    init(db: OpaquePointer, sql: String, persistent: Bool) throws {
        var statement: OpaquePointer?
        let flags: UInt32 = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        var tail: UnsafePointer<CChar>?
        let rc = sql.withCString { text in
            let rc = sqlite3_prepare_v3(db, text, -1, flags, &statement, &tail)
            if rc == SQLITE_OK, let tail, Self.hasMoreSQL(db, tail) {
                return SQLITE_MISUSE
            }
            return rc
        }
        guard rc == SQLITE_OK, let statement else {
            if rc == SQLITE_MISUSE {
                sqlite3_finalize(statement)
                throw SQLiteError(extendedCode: SQLITE_MISUSE,
                                  message: "a prepared statement holds exactly one SQL statement; use Connection.execute for scripts",
                                  sql: sql)
            }
            throw SQLiteError(connection: db, sql: sql, fallbackCode: rc == SQLITE_OK ? SQLITE_MISUSE : rc)
        }
        self.handle = statement
        self.db = db
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// True when `tail` still holds a statement (not just whitespace or comments): silently
    /// ignoring the rest of a string would hide a bug.
    static func hasMoreSQL(_ db: OpaquePointer, _ tail: UnsafePointer<CChar>) -> Bool {
        var extra: OpaquePointer?
        let rc = sqlite3_prepare_v3(db, tail, -1, 0, &extra, nil)
        sqlite3_finalize(extra)
        return rc != SQLITE_OK || extra != nil
    }

    // MARK: Parameters

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// 1-based index of a named parameter (`:name`, `@name` or `$name`).
    public func parameterIndex(_ name: String) throws -> Int32 {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        return index
    }

    @inline(__always)
    private func check(_ rc: Int32) throws {
        if rc != SQLITE_OK { throw SQLiteError(code: rc, sql: sql) }
    }

    public func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ value: Int, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    public func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    public func bind(_ value: Bool, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value ? 1 : 0))
    }

    public func bind(_ value: String, at index: Int32) throws {
        var text = value
        let rc = text.withUTF8 { utf8 -> Int32 in
            // A non-nil pointer is required even for "", or SQLite would bind NULL.
            guard let base = utf8.baseAddress else {
                return sqlite3_bind_text(handle, index, "", 0, nil)
            }
            return sqlite3_bind_text64(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                       UInt64(utf8.count), sqliteTransient, UInt8(SQLITE_UTF8))
        }
        try check(rc)
    }

    /// Binds UTF-8 text that SQLite reads in place instead of copying (`SQLITE_STATIC`). The
    /// caller keeps `utf8` alive and unchanged until the statement has run and been reset or
    /// rebound: for the bulk import, whose row bytes already sit in one buffer (a copy per value
    /// was a malloc, a memcpy and a free, ten times a row).
    public func bind(borrowingUTF8 utf8: UnsafeRawBufferPointer, at index: Int32) throws {
        let rc: Int32
        if let base = utf8.baseAddress, utf8.count > 0 {
            rc = sqlite3_bind_text64(handle, index, base.assumingMemoryBound(to: CChar.self), UInt64(utf8.count),
                                     nil, UInt8(SQLITE_UTF8))
        } else {
            rc = sqlite3_bind_text(handle, index, "", 0, nil)
        }
        try check(rc)
    }

    public func bind(_ bytes: [UInt8], at index: Int32) throws {
        let rc = bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress, raw.count > 0 else {
                // sqlite3_bind_blob with a NULL pointer binds NULL; an empty blob needs zeroblob.
                return sqlite3_bind_zeroblob(handle, index, 0)
            }
            return sqlite3_bind_blob64(handle, index, base, UInt64(raw.count), sqliteTransient)
        }
        try check(rc)
    }

    public func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    public func bind(_ value: SQLiteValue, at index: Int32) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let v): try bind(v, at: index)
        case .real(let v): try bind(v, at: index)
        case .text(let v): try bind(v, at: index)
        case .blob(let v): try bind(v, at: index)
        }
    }

    public func bind(_ value: (any SQLiteBindable)?, at index: Int32) throws {
        try bind(value?.sqliteValue ?? .null, at: index)
    }

    /// Optional text without boxing: nil binds NULL. (The generic path costs an allocation per
    /// call, which shows in million-row imports.)
    public func bind(_ value: String?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: Int64?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: (any SQLiteBindable)?, named name: String) throws {
        try bind(value, at: parameterIndex(name))
    }

    /// Binds positional values to ?1, ?2, … in order.
    public func bind(_ values: [(any SQLiteBindable)?]) throws {
        guard values.count == parameterCount else {
            throw SQLiteError(extendedCode: SQLITE_RANGE,
                              message: "statement takes \(parameterCount) parameters, \(values.count) given", sql: sql)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    /// Binds named values; every key must name a parameter of the statement.
    public func bind(named values: [String: (any SQLiteBindable)?]) throws {
        for (name, value) in values { try bind(value, named: name) }
    }

    public func clearBindings() { sqlite3_clear_bindings(handle) }

    // MARK: Execution

    /// Advances to the next row. Returns true when a row is available, false when done.
    @discardableResult
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let rc:
            let error = SQLiteError(connection: db, sql: sql, fallbackCode: rc)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs the statement to completion and resets it for reuse (bindings are kept).
    public func execute() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Rewinds the statement so it can run again; bindings are kept (see `clearBindings`).
    public func reset() { sqlite3_reset(handle) }

    /// Runs the statement and calls `body` for each row, then resets it.
    public func forEachRow(_ body: (Statement) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while try step() { try body(self) }
    }

    /// Runs the statement and maps each row, then resets it.
    public func map<T>(_ transform: (Statement) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow { result.append(try transform($0)) }
        return result
    }

    /// Runs the statement and maps the first row, if any, then resets it.
    public func first<T>(_ transform: (Statement) throws -> T) throws -> T? {
        defer { sqlite3_reset(handle) }
        return try step() ? transform(self) : nil
    }

    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    // MARK: Column names

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(_ index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    public var columnNames: [String] { (0..<columnCount).map(columnName) }

    /// Index of a result column by name (case-sensitive, first match wins).
    public func columnIndex(_ name: String) throws -> Int32 {
        if namesToIndexes == nil {
            var map: [String: Int32] = [:]
            for index in (0..<columnCount).reversed() { map[columnName(index)] = index }
            namesToIndexes = map
        }
        guard let index = namesToIndexes?[name] else {
            throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no result column named \(name)", sql: sql)
        }
        return index
    }
}

@available(*, unavailable)
extension Statement: Sendable {}

/// SQLite copies the bytes before the bind call returns. Swift cannot import the C macro.
@inline(__always)
var sqliteTransient: sqlite3_destructor_type {
    unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
