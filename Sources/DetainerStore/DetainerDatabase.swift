import SQLite
#if canImport(Glibc)
import Glibc
#endif

/// A detainer database: one SQLite connection opened with our application id, WAL, full
/// synchronous commits and foreign keys, at the schema version this binary knows.
public final class DetainerDatabase {
    public let connection: Connection
    public let path: String
    /// Mutable so a simulation (the demo) can move time forward between actions.
    public var clock: Clock

    public enum Access {
        /// Read-only; the file must exist and be fully migrated.
        case read
        /// Read-write; the file must exist and be fully migrated.
        case write
        /// Create the file if needed and apply pending migrations (`detainer init`).
        case create
        /// Read-only, whatever the schema version: for `detainer check`, which reports a
        /// database it cannot otherwise use instead of refusing it.
        case inspect
    }

    private init(connection: Connection, path: String, clock: Clock) {
        self.connection = connection
        self.path = path
        self.clock = clock
    }

    /// Opens the database at `path`. `.read` and `.write` refuse a missing file or one with
    /// pending migrations instead of silently creating or changing it.
    public static func open(path: String, access: Access, clock: Clock = .system) throws -> DetainerDatabase {
        if access != .create, !fileExists(path) { throw StoreError.missingDatabase(path: path) }
        let mode: ConnectionOptions.Mode = switch access {
        case .read, .inspect: .readOnly
        case .write: .readWrite
        case .create: .create
        }
        let connection = try Connection(path: path, options: ConnectionOptions(mode: mode, applicationID: Schema.applicationID))
        let database = DetainerDatabase(connection: connection, path: path, clock: clock)
        if access == .read || access == .write {
            let migrator = Schema.migrator
            if let problem = try migrator.problems(in: connection).first { throw problem }
            let version = try connection.userVersion()
            if version < migrator.latestVersion {
                throw StoreError.needsMigration(path: path, version: version, latest: migrator.latestVersion)
            }
        }
        return database
    }

    /// Applies pending migrations; returns the versions applied (empty when up to date).
    @discardableResult
    public func migrate() throws -> [Migration] {
        try Schema.migrator.migrate(connection, now: { clock.now().iso8601 })
    }

    public func schemaVersion() throws -> Int { try connection.userVersion() }

    public func close() throws { try connection.close() }

    static func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
