import SQLite

/// A detainer database: one SQLite connection opened with our application id, WAL, full
/// synchronous commits and foreign keys, at the schema version this binary knows.
public final class DetainerDatabase {
    public let connection: Connection
    public let path: String
    /// Mutable so a simulation (the demo) can move time forward between actions.
    public var clock: Clock
    /// Signs the head of every write transaction (issue 13 §2). Loaded once by the caller.
    public var signer: SigningKey?
    /// Queue cell counts kept between pages on a read-only connection (`QueueCountCache`).
    var queueCounts = QueueCountCache()

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

    private init(connection: Connection, path: String, clock: Clock, signer: SigningKey?) {
        self.connection = connection
        self.path = path
        self.clock = clock
        self.signer = signer
    }

    /// Opens the database at `path`. `.read` and `.write` refuse a missing file or one with
    /// pending migrations instead of silently creating or changing it.
    public static func open(path: String, access: Access, clock: Clock = .system, signer: SigningKey? = nil) throws -> DetainerDatabase {
        if access != .create, !FileStatus.exists(path) { throw StoreError.missingDatabase(path: path) }
        if FileStatus.isDirectory(path) { throw StoreError.notAFile(path: path) }
        // An empty file is not a database yet: refuse it untouched (opening it read-write would
        // stamp the application id and switch it to WAL before the migration check refuses it).
        if access == .read || access == .write, FileStatus.size(path) == 0 {
            throw StoreError.needsMigration(path: path, version: 0, latest: Schema.migrator.latestVersion)
        }
        // SQLite would fail later with a vaguer "unable to open database file" (it needs to
        // create the -wal and -shm files beside the database).
        if access == .write || access == .create, FileStatus.exists(path),
           !FileStatus.isWritable(path) || !FileStatus.directoryIsWritable(of: path) {
            throw StoreError.readOnly(path: path)
        }
        let mode: ConnectionOptions.Mode = switch access {
        case .read, .inspect: .readOnly
        case .write: .readWrite
        case .create: .create
        }
        var options = ConnectionOptions(mode: mode, applicationID: Schema.applicationID)
        // Reading from a directory we cannot write (SQLite could not create the -shm file):
        // open immutable, which is safe because nobody can be writing there either.
        if mode == .readOnly, !FileStatus.directoryIsWritable(of: path), (FileStatus.size(path + "-wal") ?? 0) == 0 {
            options.immutable = true
        }
        let connection = try Connection(path: path, options: options)
        let database = DetainerDatabase(connection: connection, path: path, clock: clock, signer: signer)
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
        let applied = try Schema.migrator.migrate(connection, now: { clock.now().iso8601 })
        // Derived data a migration cannot compute in SQL: fill it for the rows already there,
        // and rebuild it whenever `init` runs on a database whose keys are out of step.
        if try applied.contains(where: { $0.sql.contains("CREATE TABLE person_search_keys") })
            || !PersonSearchKey.mismatches(in: connection, limit: 1).isEmpty {
            try connection.write { try PersonSearchKey.rebuildAll(in: connection) }
        }
        return applied
    }

    public func schemaVersion() throws -> Int { try connection.userVersion() }

    public func close() throws { try connection.close() }
}
