import CSQLite

/// Typed access to the current row. Indexes are 0-based, as in the C API.
extension Statement {
    public enum ColumnType: Sendable, Equatable {
        case integer, real, text, blob, null
    }

    /// The storage class of the column's value in the current row.
    public func columnType(_ index: Int32) -> ColumnType {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_TEXT: return .text
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    public func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    public func bool(_ index: Int32) -> Bool { sqlite3_column_int64(handle, index) != 0 }

    /// Text of the column, or nil when NULL. Embedded NUL characters are preserved.
    public func string(_ index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Bytes of the column, or nil when NULL.
    public func blob(_ index: Int32) -> [UInt8]? {
        if isNull(index) { return nil }
        let pointer = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    public func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }

    public func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }

    public func optionalBool(_ index: Int32) -> Bool? { isNull(index) ? nil : bool(index) }

    public func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(string(index) ?? "")
        case SQLITE_BLOB: return .blob(blob(index) ?? [])
        default: return .null
        }
    }

    /// Hands the column's raw bytes to `body` without copying (valid only inside the closure).
    public func withBytes<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    // By name — convenient for readers; the index lookup is cached per statement.
    public func isNull(_ name: String) throws -> Bool { isNull(try columnIndex(name)) }
    public func int64(_ name: String) throws -> Int64 { int64(try columnIndex(name)) }
    public func int(_ name: String) throws -> Int { int(try columnIndex(name)) }
    public func double(_ name: String) throws -> Double { double(try columnIndex(name)) }
    public func bool(_ name: String) throws -> Bool { bool(try columnIndex(name)) }
    public func string(_ name: String) throws -> String? { string(try columnIndex(name)) }
    public func blob(_ name: String) throws -> [UInt8]? { blob(try columnIndex(name)) }
    public func optionalInt64(_ name: String) throws -> Int64? { optionalInt64(try columnIndex(name)) }
    public func optionalInt(_ name: String) throws -> Int? { optionalInt(try columnIndex(name)) }
    public func optionalBool(_ name: String) throws -> Bool? { optionalBool(try columnIndex(name)) }
    public func value(_ name: String) throws -> SQLiteValue { value(try columnIndex(name)) }
}
