import Sysexits

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
        case .ioError, .cannotOpen, .permission: "cannot read or write the database: \(message)"
        case .notADatabase: "the file is not an SQLite database"
        case .corrupt: "the database file is corrupt: \(message); restore from a backup"
        case .constraint: "refused by a database rule: \(message); nothing was written"
        case .other: description
        }
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
