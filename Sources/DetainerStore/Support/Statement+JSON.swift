import SQLite

extension Statement {
    /// The current row as a JSON object keyed by column name.
    func jsonObject() -> [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: zip(columnNames, jsonRow()))
    }

    /// The current row as JSON values in column order.
    func jsonRow() -> [JSONValue] {
        (0..<columnCount).map { index in
            switch value(index) {
            case .null: .null
            case .integer(let v): .int(v)
            case .real(let v): .double(v)
            case .text(let v): .string(v)
            case .blob(let v): .string(v.hexString)
            }
        }
    }

    /// Runs the statement and collects its rows as a record set with its own column names.
    func recordSet() throws -> RecordSet {
        var set = RecordSet(columns: columnNames)
        try forEachRow { set.append($0.jsonRow()) }
        return set
    }
}
