/// Failures of the store that are about the database as a whole rather than a record.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No database file at the path.
    case missingDatabase(path: String)
    /// The database has migrations this binary would apply; a writer must run `init` first.
    case needsMigration(path: String, version: Int, latest: Int)
    /// The path names a directory (or another non-file).
    case notAFile(path: String)
    /// A writer was asked for, but the file or its directory cannot be written.
    case readOnly(path: String)
    /// A stored value the types do not accept (a damaged or hand-edited row): reads refuse it
    /// rather than show a default. `value` is nil when the column is NULL.
    case badStoredValue(table: String, column: String, row: Int64, value: String?)

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "no database at \(path); create it with `detainer init --db \(path)`"
        case .needsMigration(let path, let version, let latest):
            return "\(path) is at schema version \(version) and this detainer needs \(latest); back it up, then run `detainer init` to migrate"
        case .notAFile(let path):
            return "\(path) is a directory, not a database file"
        case .readOnly(let path):
            return "\(path) is read-only (file or directory permissions, or a read-only file system); nothing was written"
        case .badStoredValue(let table, let column, let row, let value):
            let shown = value.map { "\"\(String($0.prefix(40)))\"" } ?? "NULL"
            return "\(table).\(column) of row \(row) holds \(shown), which is not a valid value (changed outside detainer?); nothing was read past it"
        }
    }
}
