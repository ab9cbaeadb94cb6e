import CSQLite
import Sysexits
#if canImport(Glibc)
import Glibc
#endif

// How each of this module's errors ends the process (see `ExitStatusError`).

extension SQLiteError: ExitStatusError {
    public var exitStatus: ExitStatus {
        switch category {
        case .busy: .unavailable
        case .diskFull, .readOnly, .ioError, .cannotOpen, .permission, .corrupt: .ioError
        case .notADatabase, .constraint: .dataError
        case .other: .software
        }
    }

    public var exitMessage: String {
        switch category {
        case .busy: "the database is busy (another writer held it past the timeout); nothing was written, try again"
        case .diskFull: "the disk is full; nothing was written"
        case .readOnly: "the database is read-only (file or directory permissions); nothing was written"
        case .ioError where extendedCode == ExtendedCode.ioerrLock:
            "cannot lock the database: \(message): a disk or file-system fault, not another user; nothing was written"
        case .ioError, .cannotOpen, .permission: "cannot read or write the database: \(message)\(errnoSuffix)"
        case .notADatabase: "the file is not an SQLite database"
        case .corrupt: "the database file is corrupt: \(message); restore from a backup"
        case .constraint: "refused by a database rule: \(message); nothing was written"
        case .other: description
        }
    }
}

extension SQLiteError {
    /// The operating system's words, when SQLite's message does not already carry them.
    var errnoSuffix: String {
        guard systemErrno != 0 else { return "" }
        let text = String(cString: strerror(systemErrno))
        return message.contains(text) ? "" : " (\(text))"
    }

    /// The cause in a few words, for a sentence that goes on to say what it means.
    public var causePhrase: String {
        switch category {
        case .diskFull: "the disk is full"
        case .readOnly: "the database became read-only"
        case .corrupt: "the database file is corrupt (\(message))"
        case .busy: "the database stayed locked by another writer"
        default: "the disk failed (\(failedCall.map { "\($0): " } ?? "")\(message)\(errnoSuffix))"
        }
    }

    /// The kind of file call behind an I/O error, from SQLite's extended code.
    var failedCall: String? {
        guard primaryCode == SQLITE_IOERR else { return nil }
        switch extendedCode >> 8 {
        case 1, 2: return "read"
        case 3: return "write"
        case 4, 5: return "fsync"
        case 6: return "truncate"
        case 8, 9, 11, 14, 15: return "lock"
        case 18, 19, 20, 21: return "shared-memory file"
        default: return nil
        }
    }
}

extension UncertainCommit: ExitStatusError {
    public var exitStatus: ExitStatus { .ioError }

    public var exitMessage: String {
        "\(cause.causePhrase) while saving: the change may or may not have been recorded; look it up before entering it again"
    }
}

extension ConnectionError: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
}

extension MigrationError: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
}

/// A transaction opened inside another is a bug in the caller.
extension Connection.TransactionError: ExitStatusError {
    public var exitStatus: ExitStatus { .software }
}
