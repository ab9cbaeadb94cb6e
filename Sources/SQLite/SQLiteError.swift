import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// An error reported by libsqlite3: the extended result code, `sqlite3_errmsg`, and the SQL that
/// failed. Bound values are deliberately not kept: they may hold personal data and error text
/// ends up on terminals and in logs.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    public let extendedCode: Int32
    public let message: String
    public let sql: String?
    /// The operating system's errno behind an I/O failure (0 when none), e.g. ENOSPC.
    public let systemErrno: Int32

    public init(extendedCode: Int32, message: String, sql: String? = nil, systemErrno: Int32 = 0) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        self.systemErrno = systemErrno
    }

    /// Builds the error from the connection's last failure.
    init(connection db: OpaquePointer?, sql: String? = nil, fallbackCode: Int32 = SQLITE_ERROR) {
        if let db {
            let code = sqlite3_extended_errcode(db)
            self.extendedCode = code == SQLITE_OK ? fallbackCode : code
            self.message = String(cString: sqlite3_errmsg(db))
            self.systemErrno = sqlite3_system_errno(db)
        } else {
            self.extendedCode = fallbackCode
            self.message = String(cString: sqlite3_errstr(fallbackCode))
            self.systemErrno = 0
        }
        self.sql = sql
    }

    /// Builds the error from a result code alone, when the connection's error state may belong to
    /// another call (e.g. a failed `sqlite3_bind_*`).
    init(code: Int32, sql: String?) {
        self.extendedCode = code
        self.message = String(cString: sqlite3_errstr(code))
        self.sql = sql
        self.systemErrno = 0
    }

    public var primaryCode: Int32 { extendedCode & 0xFF }

    public enum Category: Sendable, Equatable {
        case constraint(Constraint)
        case busy
        case ioError
        case diskFull
        case readOnly
        case notADatabase
        case corrupt
        case cannotOpen
        case permission
        case other
    }

    public enum Constraint: Sendable, Equatable {
        case unique, primaryKey, foreignKey, check, notNull, trigger, datatype, other
    }

    public var category: Category {
        switch primaryCode {
        case SQLITE_CONSTRAINT:
            switch extendedCode {
            case ExtendedCode.constraintUnique: return .constraint(.unique)
            case ExtendedCode.constraintPrimaryKey: return .constraint(.primaryKey)
            case ExtendedCode.constraintForeignKey: return .constraint(.foreignKey)
            case ExtendedCode.constraintCheck: return .constraint(.check)
            case ExtendedCode.constraintNotNull: return .constraint(.notNull)
            case ExtendedCode.constraintTrigger: return .constraint(.trigger)
            case ExtendedCode.constraintDatatype: return .constraint(.datatype)
            default: return .constraint(.other)
            }
        // STRICT tables report a wrong type for a rowid column as SQLITE_MISMATCH.
        case SQLITE_MISMATCH: return .constraint(.datatype)
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy
        // A full disk often surfaces first as an I/O error on the -shm or -wal file.
        case SQLITE_IOERR where [ENOSPC, EDQUOT, EFBIG].contains(systemErrno),
             SQLITE_CANTOPEN where [ENOSPC, EDQUOT, EFBIG].contains(systemErrno): return .diskFull
        case SQLITE_IOERR: return .ioError
        case SQLITE_FULL: return .diskFull
        case SQLITE_READONLY: return .readOnly
        case SQLITE_NOTADB: return .notADatabase
        case SQLITE_CORRUPT: return .corrupt
        case SQLITE_CANTOPEN: return .cannotOpen
        case SQLITE_PERM, SQLITE_AUTH: return .permission
        default: return .other
        }
    }

    public var isConstraintViolation: Bool {
        if case .constraint = category { return true }
        return false
    }

    public var isBusy: Bool { category == .busy }

    /// Failures of the storage medium rather than of the statement: retrying the same statement
    /// will not help, and the user needs to look at the disk.
    public var isIOFailure: Bool {
        switch category {
        case .ioError, .diskFull, .readOnly, .cannotOpen, .permission: return true
        default: return false
        }
    }

    public var description: String {
        var text = "SQLite error \(extendedCode) (\(String(cString: sqlite3_errstr(extendedCode)))): \(message)"
        if let sql { text += " — in: \(sql)" }
        return text
    }
}
