/// Rows with named columns, as list-like commands return them; the CLI prints any record set as
/// an aligned table, CSV or JSON (an array of objects with these keys, in this column order).
public struct RecordSet: Sendable {
    public let columns: [String]
    public private(set) var rows: [[JSONValue]] = []

    public init(columns: [String]) { self.columns = columns }

    public mutating func append(_ row: [JSONValue]) {
        precondition(row.count == columns.count, "row has \(row.count) values for \(columns.count) columns")
        rows.append(row)
    }

    public var isEmpty: Bool { rows.isEmpty }

    public var jsonObjects: JSONValue {
        .array(rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(columns, row))) })
    }
}

extension JSONValue {
    /// The value as a table or CSV cell: strings as is, numbers in decimal, null empty.
    public var cellText: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "yes" : "no"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .array, .object: return serialized
        }
    }
}
