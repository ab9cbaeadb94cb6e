import CSQLite
import CSQLiteObservers
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
        var code = fallbackCode, message: String, systemErrno: Int32 = 0
        if let db {
            let reported = sqlite3_extended_errcode(db)
            code = reported == SQLITE_OK ? fallbackCode : reported
            message = String(cString: sqlite3_errmsg(db))
            systemErrno = sqlite3_system_errno(db)
        } else {
            message = String(cString: sqlite3_errstr(fallbackCode))
        }
        (self.extendedCode, self.message, self.systemErrno) = Self.observed(code, message, systemErrno)
        self.sql = sql
    }

    /// What the operating system said, where SQLite's code hides it (issue 27 §1.5, §1.6): a
    /// read(2) that failed just before SQLite reported corruption is a read error (the file
    /// may well be sound: `check` passes straight after a transient EIO), and a lock that
    /// failed (not held by another process) before SQLITE_BUSY or SQLITE_PROTOCOL is a
    /// locking I/O error, not another writer.
    static func observed(_ code: Int32, _ message: String, _ systemErrno: Int32) -> (Int32, String, Int32) {
        let primary = code & 0xFF
        if primary == SQLITE_BUSY || primary == SQLITE_PROTOCOL || code == ExtendedCode.ioerrLock {
            let lockErrno = csqlite_take_lock_errno(15_000)
            if lockErrno != 0 {
                return (ExtendedCode.ioerrLock, "the file system refused the lock (\(String(cString: strerror(lockErrno))))", lockErrno)
            }
            if primary == SQLITE_PROTOCOL {
                return (ExtendedCode.ioerrLock, "its locks could not be taken or released (SQLite: locking protocol error)", systemErrno)
            }
        } else if primary == SQLITE_CORRUPT || (primary == SQLITE_IOERR && systemErrno == 0) {
            let readErrno = csqlite_take_read_errno(5_000)
            if readErrno != 0 {
                return (ExtendedCode.ioerrRead, "a read from the disk failed: \(String(cString: strerror(readErrno)))", readErrno)
            }
        }
        return (code, message, systemErrno)
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
