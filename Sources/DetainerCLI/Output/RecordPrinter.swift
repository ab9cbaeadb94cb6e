import DetainerStore

/// Prints a record set in the chosen format: an aligned table, CSV (formulas neutralised), or a
/// JSON array of objects. Empty tables say so instead of printing a bare header.
enum RecordPrinter {
    static func print(_ set: RecordSet, as format: OutputFormat, empty: String = "(none)") {
        switch format {
        case .json:
            Terminal.out(set.jsonObjects.prettySerialized)
        case .csv:
            var table = TextTable(columns: set.columns)
            for row in set.rows { table.add(row.map(\.cellText)) }
            Terminal.outRaw(table.csv())
        case .table:
            if set.isEmpty { Terminal.out(empty); return }
            var table = TextTable(columns: set.columns)
            for row in set.rows { table.add(row.map(\.cellText)) }
            Terminal.outRaw(table.rendered())
        }
    }
}
