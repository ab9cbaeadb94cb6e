import SQLite

extension Statement {
    /// The current row as JSON values in column order.
    func jsonRow() -> [JSONValue] {
        (0..<columnCount).map { value($0).json }
    }

    /// Runs the statement and collects its rows as a record set with its own column names.
    func recordSet() throws -> RecordSet {
        var set = RecordSet(columns: columnNames)
        try forEachRow { set.append($0.jsonRow()) }
        return set
    }
}
