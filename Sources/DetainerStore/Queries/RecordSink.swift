import SQLite

/// Where a query's rows go, one at a time: the CLI prints each row as it arrives (so a list of a
/// million detainers needs no more memory than one), tests collect them into a `RecordSet`.
public protocol RecordSink {
    mutating func begin(columns: [String]) throws
    mutating func row(_ values: [JSONValue]) throws
    mutating func end() throws
}

extension RecordSet: RecordSink {
    public mutating func begin(columns: [String]) throws { self = RecordSet(columns: columns) }
    public mutating func row(_ values: [JSONValue]) throws { append(values) }
    public mutating func end() throws {}
}

/// Columns whose text is a JSON document and is handed on as a structured value, not a string.
public enum ColumnKind: Sendable { case plain, json }

extension Statement {
    /// Runs the statement, handing each row to `sink` as it is stepped; nothing is collected.
    /// Columns named in `jsonColumns` hold JSON text and are passed on parsed.
    func stream<Sink: RecordSink>(into sink: inout Sink, jsonColumns: Set<String> = []) throws {
        let names = columnNames
        let parsed = names.map { jsonColumns.contains($0) }
        try sink.begin(columns: names)
        try forEachRow { row in
            var values: [JSONValue] = []
            values.reserveCapacity(names.count)
            for index in 0..<Int32(names.count) {
                switch row.value(index) {
                case .null: values.append(.null)
                case .integer(let v): values.append(.int(v))
                case .real(let v): values.append(.double(v))
                case .text(let v): values.append(parsed[Int(index)] ? (JSONDocument.parse(v) ?? .string(v)) : .string(v))
                case .blob(let v): values.append(.string(v.hexString))
                }
            }
            try sink.row(values)
        }
        try sink.end()
    }
}
