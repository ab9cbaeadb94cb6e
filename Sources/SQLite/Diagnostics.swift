/// Structural checks of a database file: page-level integrity and referential integrity.
public struct ForeignKeyViolation: Sendable, Equatable, CustomStringConvertible {
    public let table: String
    public let rowID: Int64?
    public let parent: String
    public let constraintIndex: Int

    public var description: String {
        "\(table) row \(rowID.map(String.init) ?? "?") refers to a missing \(parent) row (foreign key #\(constraintIndex))"
    }
}

extension Connection {
    /// Problems reported by `PRAGMA integrity_check`; empty when the file is sound.
    public func integrityProblems(limit: Int = 100) throws -> [String] {
        let rows = try prepare("PRAGMA integrity_check(\(max(1, limit)))").map { $0.string(0) ?? "" }
        return rows == ["ok"] ? [] : rows
    }

    /// Rows whose foreign keys point nowhere (`PRAGMA foreign_key_check`).
    public func foreignKeyViolations() throws -> [ForeignKeyViolation] {
        try prepare("PRAGMA foreign_key_check").map {
            ForeignKeyViolation(table: $0.string(0) ?? "", rowID: $0.optionalInt64(1),
                                parent: $0.string(2) ?? "", constraintIndex: $0.int(3))
        }
    }

    /// Names of tables (excluding SQLite's own) that are not declared STRICT.
    public func nonStrictTables() throws -> [String] {
        try prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0 ORDER BY name")
            .map { $0.string(0) ?? "" }
    }
}
