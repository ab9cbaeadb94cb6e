import DetainerDomain

/// The reports as tables and JSON documents, shared by `detainer report --format csv|json` and the
/// web's downloads, so a CSV from the browser and one from the terminal are the same file.
extension MonthlyReport {
    public static let flowColumns = ["received", "honored", "declined"]
    public static let stockColumns = ["transferred", "lifted", "released", "open_at_month_end"]

    /// Every column, in the documented order: month, received, honored, declined, declined_<REASON>…, transferred, lifted, released, open_at_month_end.
    public static var allColumns: [String] {
        ["month"] + flowColumns + declineReasonCodes.map { "declined_\($0)" } + stockColumns
    }

    public static func values(_ row: Row) -> [String: JSONValue] {
        var out: [String: JSONValue] = [
            "month": .string(row.month), "received": .int(Int64(row.received)), "honored": .int(Int64(row.honored)),
            "declined": .int(Int64(row.declined)), "transferred": .int(Int64(row.transferred)), "lifted": .int(Int64(row.lifted)),
            "released": .int(Int64(row.released)), "open_at_month_end": row.openAtMonthEnd.map { .int(Int64($0)) } ?? .null,
        ]
        for code in declineReasonCodes {
            out["declined_\(code)"] = .int(Int64(row.declineReasons[code] ?? 0))
        }
        return out
    }

    public var json: JSONValue {
        .object([
            "from": .string(from), "to": .string(to), "agency": .optional(agency),
            "months": .array(months.map { .object(Self.values($0)) }), "total": .object(Self.values(total)),
        ])
    }

    /// The months and the total row, every column.
    public var table: RecordSet {
        var set = RecordSet(columns: Self.allColumns)
        for row in months + [total] { let v = Self.values(row); set.append(Self.allColumns.map { v[$0] ?? .null }) }
        return set
    }
}

extension AnnualReport {
    public var json: JSONValue {
        .object([
            "periodStart": .string(periodStart.description), "periodEnd": .string(periodEnd.description),
            "fiscal": .bool(fiscal),
            "items": .array(items.map { item in
                .object(["key": .string(item.key), "label": .string(item.label), "citation": .string(item.citation),
                         "counts": item.counts.map { .object($0.mapValues { .int(Int64($0)) }) } ?? .null,
                         "note": .optional(item.note)])
            }),
        ])
    }

    public var table: RecordSet {
        var set = RecordSet(columns: ["key", "label", "citation"] + Self.agencies + ["note"])
        for item in items {
            set.append([.string(item.key), .string(item.label), .string(item.citation)]
                       + Self.agencies.map { agency in item.counts.map { .int(Int64($0[agency] ?? 0)) } ?? .null }
                       + [.optional(item.note)])
        }
        return set
    }
}

/// CSV text as the tool writes it everywhere: RFC 4180 quoting, and cells that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with an apostrophe.
public enum CSVText {
    public static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\n"
    }

    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || text.hasPrefix(" ") || text.hasSuffix(" ") {
            return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        return text
    }
}

extension RecordSet {
    public var csv: String {
        var out = CSVText.line(columns)
        for row in rows { out += CSVText.line(row.map(\.cellText)) }
        return out
    }
}
