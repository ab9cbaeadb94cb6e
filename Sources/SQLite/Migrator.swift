/// Applies numbered migrations in order, each in its own `BEGIN IMMEDIATE` transaction, and
/// records version, name, checksum and time in `schema_migrations`. Refuses a database whose
/// history differs from the migrations compiled into the binary, or that is newer than it.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(_ migrations: [Migration]) {
        let versions = migrations.map(\.version)
        precondition(versions == versions.sorted() && Set(versions).count == versions.count,
                     "migrations must have unique, increasing versions")
        self.migrations = migrations
    }

    public var latestVersion: Int { migrations.last?.version ?? 0 }

    static let historyTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY CHECK (version > 0),
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL CHECK (length(checksum) = 64),
            applied_at TEXT NOT NULL
        ) STRICT
        """

    /// Migrations recorded in the database, oldest first (empty for a fresh database).
    public func applied(in db: Connection) throws -> [AppliedMigration] {
        let exists = try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'") ?? 0
        guard exists == 1 else { return [] }
        return try db.prepare("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version").map {
            AppliedMigration(version: $0.int(0), name: $0.string(1) ?? "", checksum: $0.string(2) ?? "", appliedAt: $0.string(3) ?? "")
        }
    }

    /// Every disagreement between the recorded history and the binary's migrations.
    public func problems(in db: Connection) throws -> [MigrationError] {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        var problems: [MigrationError] = []
        let history = try applied(in: db)
        for record in history {
            guard let migration = known[record.version] else {
                if record.version > latestVersion {
                    problems.append(.databaseTooNew(databaseVersion: history.last?.version ?? record.version, knownVersion: latestVersion))
                    break
                }
                problems.append(.unknownVersion(version: record.version, name: record.name))
                continue
            }
            if record.name != migration.name {
                problems.append(.nameMismatch(version: record.version, recorded: record.name, expected: migration.name))
            }
            if record.checksum != migration.checksum {
                problems.append(.checksumMismatch(version: record.version, name: record.name,
                                                  recorded: record.checksum, expected: migration.checksum))
            }
        }
        return problems
    }

    /// Migrations not yet applied, in order.
    public func pending(in db: Connection) throws -> [Migration] {
        let done = Set(try applied(in: db).map(\.version))
        return migrations.filter { !done.contains($0.version) }
    }

    /// Brings the database up to date. Idempotent: a second run applies nothing.
    /// `now` supplies the timestamp recorded for each migration (UTC ISO 8601).
    @discardableResult
    public func migrate(_ db: Connection, now: () -> String) throws -> [Migration] {
        if let problem = try problems(in: db).first { throw problem }
        let todo = try pending(in: db)
        guard !todo.isEmpty else { return [] }
        // Table rebuilds need foreign keys off (it cannot change inside a transaction); the
        // check below restores the guarantee before each commit.
        let foreignKeys = try db.foreignKeysEnabled()
        if foreignKeys { try db.execute("PRAGMA foreign_keys = OFF") }
        defer { if foreignKeys { try? db.execute("PRAGMA foreign_keys = ON") } }
        for migration in todo {
            try db.write {
                try db.execute(Self.historyTable)
                try db.execute(migration.sql)
                let violations = try db.foreignKeyViolations()
                if !violations.isEmpty {
                    throw MigrationError.foreignKeyViolations(version: migration.version, count: violations.count)
                }
                try db.run("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                           migration.version, migration.name, migration.checksum, now())
                try db.execute("PRAGMA user_version = \(migration.version)")
            }
        }
        return todo
    }
}
