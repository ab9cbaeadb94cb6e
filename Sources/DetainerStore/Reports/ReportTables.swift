import CSVStream
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

    /// A row for JSON: the CSV's numbers under camelCase keys (README, "JSON keys"); the decline
    /// reasons, whose codes are values rather than names, as one object keyed by code.
    public static func jsonObject(_ row: Row) -> JSONValue {
        var out: [String: JSONValue] = [:]
        var reasons: [String: JSONValue] = [:]
        for (column, value) in values(row) {
            if column.hasPrefix("declined_") { reasons[String(column.dropFirst("declined_".count))] = value }
            else { out[JSONKeys.camelCase(column)] = value }
        }
        out["declinedByReason"] = .object(reasons)
        return .object(out)
    }

    public var json: JSONValue {
        .object([
            "from": .string(from), "to": .string(to), "agency": .optional(agency?.rawValue),
            "includeExternal": .bool(includeExternal), "scope": .string(scope),
            "months": .array(months.map(Self.jsonObject)), "total": Self.jsonObject(total),
            "endedAfterDeadline": .int(Int64(endedAfterDeadline)),
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
            "fiscal": .bool(fiscal), "includeExternal": .bool(includeExternal),
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

extension RecordSet {
    /// The set as CSV text, written by CSVStream's writer with formula cells neutralised: the same
    /// bytes `--format csv` prints (a download from the browser equals the terminal's file).
    public var csv: String {
        get throws {
            let writer = try CSVWriter.inMemory(options: .init(neutralizeFormulas: true))
            try writer.write(columns)
            for row in rows { try writer.write(row.map(\.cellText)) }
            return try writer.text()
        }
    }
}
