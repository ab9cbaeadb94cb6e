import CSVStream
import DetainerStore

/// Prints records as they arrive, in the chosen format, so a list of any length needs the memory
/// of one row (plus a first screenful for the table's widths):
/// - table: aligned columns; times shown in New York local time with the zone; an empty result
///   says so instead of printing a bare header;
/// - csv: CSVStream's writer, formula cells neutralised, column names as stored (snake_case);
/// - json: one array, written element by element, keys in camelCase, times ISO 8601 UTC.
struct RecordPrinter: RecordSink {
    /// Rows a table holds back to size its columns; later rows use those widths (a wider cell
    /// just pushes its line out) so a table of a million rows still streams.
    static let tableSample = 200

    let format: OutputFormat
    let empty: String
    /// Table only: columns that wrap at this many terminal cells (by column name).
    var wrapAt: [String: Int] = [:]
    private var columns: [String] = []
    private var jsonKeys: [String] = []
    private var pending: [[String]] = []
    private var widths: [Int]?
    private var count = 0
    private var csv: CSVWriter?

    init(format: OutputFormat, empty: String = "(none)") {
        self.format = format
        self.empty = empty
    }

    /// Prints an already collected set (short tables: queue, reports, offenses).
    static func print(_ set: RecordSet, as format: OutputFormat, empty: String = "(none)", wrapAt: [String: Int] = [:]) throws {
        var printer = RecordPrinter(format: format, empty: empty)
        printer.wrapAt = wrapAt
        try printer.begin(columns: set.columns)
        for row in set.rows { try printer.row(row) }
        try printer.end()
    }

    mutating func begin(columns: [String]) throws {
        self.columns = columns
        switch format {
        case .json:
            // Each key as it is written: quoted, escaped, with its colon.
            jsonKeys = columns.map { var key = ""; JSONValue.string(JSONKeys.camelCase($0)).write(to: &key); return key + ": " }
            Terminal.outRaw("[")
        case .csv:
            Terminal.flush()
            let writer = try CSVWriter.standardOutput(options: .init(neutralizeFormulas: true))
            try writer.write(columns)
            csv = writer
        case .table:
            break
        }
    }

    mutating func row(_ values: [JSONValue]) throws {
        count += 1
        switch format {
        case .json:
            // Written directly, keys in column order: a Dictionary and a sorted pretty-printer per
            // row cost ten times the query at 200k rows.
            var text = count == 1 ? "\n  {" : ",\n  {"
            for index in values.indices {
                text += index == 0 ? "\n    " : ",\n    "
                text += jsonKeys[index]
                values[index].write(to: &text)
            }
            Terminal.outRaw(text + "\n  }")
        case .csv:
            // CSV to a file or a pipe is data and keeps every character; on a terminal a stored
            // control character is made visible like everything else printed (issue 24 §5).
            try csv?.write(Terminal.stdoutIsTTY ? values.map { TerminalEscaping.visible($0.cellText) } : values.map(\.cellText))
        case .table:
            let cells = values.map { TimeText.tableCell($0.cellText) }
            if let widths {
                Terminal.outRaw(TextTable.line(cells, widths: widths, limits: columns.map { wrapAt[$0] }))
            } else {
                pending.append(cells)
                if pending.count >= Self.tableSample { flushTable() }
            }
        }
    }

    mutating func end() throws {
        switch format {
        case .json:
            Terminal.outRaw(count == 0 ? "]\n" : "\n]\n")
        case .csv:
            try csv?.flush()
        case .table:
            if count == 0 { Terminal.out(empty); return }
            if widths == nil { flushTable() }
        }
    }

    private mutating func flushTable() {
        var table = TextTable(columns: columns)
        table.limits = columns.map { wrapAt[$0] }
        for row in pending { table.add(row) }
        let widths = table.widths
        Terminal.outRaw(table.rendered())
        self.widths = widths
        pending = []
    }
}
