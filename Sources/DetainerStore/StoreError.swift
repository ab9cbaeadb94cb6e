/// Failures of the store that are about the database as a whole rather than a record.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No database file at the path.
    case missingDatabase(path: String)
    /// The database has migrations this binary would apply; a writer must run `init` first.
    case needsMigration(path: String, version: Int, latest: Int)

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "no database at \(path); create it with `detainer init --db \(path)`"
        case .needsMigration(let path, let version, let latest):
            return "\(path) is at schema version \(version) and this detainer needs \(latest); back it up, then run `detainer init` to migrate"
        }
    }
}
