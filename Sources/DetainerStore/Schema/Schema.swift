import SQLite

/// The detainer schema as the binary knows it.
public enum Schema {
    /// `PRAGMA application_id` of every detainer database: ASCII "DTNR". A file without it (or
    /// with another application's) is refused at open.
    public static let applicationID: Int32 = 0x4454_4E52

    public static var migrations: [Migration] { EmbeddedMigrations.all }

    public static var migrator: Migrator { Migrator(EmbeddedMigrations.all) }

    public static var latestVersion: Int { migrator.latestVersion }

    /// Tables whose rows are never updated or deleted; triggers enforce it.
    public static let appendOnlyTables = ["evaluations", "status_events", "audit_log", "reviews", "ice_communications", "imports", "corrections"]
}
