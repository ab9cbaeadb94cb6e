/// How a connection is opened and the settings applied on every open.
public struct ConnectionOptions: Sendable {
    public enum Mode: Sendable {
        /// Opens an existing database for reading only.
        case readOnly
        /// Opens an existing database; fails when the file does not exist.
        case readWrite
        /// Opens the database, creating an empty file when there is none.
        case create
    }

    public enum Synchronous: String, Sendable {
        case normal = "NORMAL"
        /// Every commit is fsynced before it returns: a committed record survives power loss.
        case full = "FULL"
        case extra = "EXTRA"
    }

    public var mode: Mode
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    public var busyTimeoutMilliseconds: Int32
    /// The application's `PRAGMA application_id`. When set, a non-empty database carrying another
    /// id (or none) is refused, and an empty one is stamped with it.
    public var applicationID: Int32?
    public var synchronous: Synchronous
    public var foreignKeys: Bool
    public var walJournal: Bool
    /// Read-only, and promise SQLite that nobody writes the file while it is open: no locks, no
    /// -shm file. For reading a database in a directory we cannot write (a read-only mount, a
    /// copy on a CD); wrong if another process writes it meanwhile.
    public var immutable = false

    public init(mode: Mode = .readWrite,
                busyTimeoutMilliseconds: Int32 = 10_000,
                applicationID: Int32? = nil,
                synchronous: Synchronous = .full,
                foreignKeys: Bool = true,
                walJournal: Bool = true) {
        self.mode = mode
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.applicationID = applicationID
        self.synchronous = synchronous
        self.foreignKeys = foreignKeys
        self.walJournal = walJournal
    }
}

/// Reasons a file is refused at open time, before any statement of the caller's runs.
public enum ConnectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is an SQLite database stamped with another application's id.
    case foreignDatabase(path: String, applicationID: Int32)
    /// The file is a non-empty SQLite database that carries no application id at all.
    case unstampedDatabase(path: String)
    /// The file is not an SQLite database (or is encrypted or corrupt beyond its header).
    case notADatabase(path: String)
    /// SQLite refused to switch the file to write-ahead logging (e.g. an unsupported file system).
    case journalModeRefused(path: String, got: String)
    /// The linked libsqlite3 lacks a feature we rely on.
    case libraryTooOld(found: String, required: String)

    public var description: String {
        switch self {
        case .foreignDatabase(let path, let id):
            return "\(path) is an SQLite database that belongs to another application (application_id \(String(format32: id)))"
        case .unstampedDatabase(let path):
            return "\(path) is an SQLite database, but not one created by this tool (it has tables and no application_id)"
        case .notADatabase(let path):
            return "\(path) is not an SQLite database"
        case .journalModeRefused(let path, let got):
            return "could not switch \(path) to WAL journaling (journal_mode is \(got)); is it on a network or read-only file system?"
        case .libraryTooOld(let found, let required):
            return "libsqlite3 \(found) is too old; \(required) or newer is required"
        }
    }
}

extension String {
    init(format32 value: Int32) {
        self = "0x" + String(UInt32(bitPattern: value), radix: 16, uppercase: true)
    }
}
