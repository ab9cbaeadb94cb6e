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
            "endedAfterDeadline": .int(Int64(endedAfterDeadline)), "training": .bool(training),
        ])
    }

    /// The months and the total row, every column, then `training` (1 on a training database).
    public var table: RecordSet {
        var set = RecordSet(columns: Self.allColumns + [ReportMarker.column])
        for row in months + [total] { let v = Self.values(row); set.append(Self.allColumns.map { v[$0] ?? .null } + [ReportMarker.cell(training)]) }
        return set
    }
}

extension AnnualReport {
    /// The contract of `report annual --format json` (README "Reports"): agency, period, training,
    /// and the items in statute order, each with id, label, citation, total and breakdown, plus
    /// what it counts (unit, datedBy, reading), the reconciliation lines and the count left out as
    /// entered in error.
    public var json: JSONValue {
        .object([
            "agency": .string(agency.rawValue), "year": .int(Int64(year)),
            "periodStart": .string(period.start.description), "periodEnd": .string(period.end.description),
            "calendarYear": .bool(period.calendar), "training": .bool(training), "asOf": .string(asOf.iso8601),
            "reasonMapping": .string(StatutoryReasonMapping.version),
            "items": .array(items.map(\.json)),
            "reconciliation": .object(Dictionary(uniqueKeysWithValues: reconciliation.map { ($0.key, .int(Int64($0.count))) })),
            "iceRecords": .object(Dictionary(uniqueKeysWithValues: iceRecords.map { ($0.key, .int(Int64($0.count))) })),
            "endedAfterDeadline": .int(Int64(endedAfterDeadline)),
            "revisionOf": .optional(revisionOf),
        ])
    }

    /// One row per item and breakdown cell, for CSV: item, key, value (nested cells joined by ".").
    public var table: RecordSet {
        var set = RecordSet(columns: ["item", "citation", "key", "value", ReportMarker.column])
        let marker = ReportMarker.cell(training)
        for item in items {
            set.append([.string(item.definition.id), .string(item.definition.citation), .string("total"), item.total.map { .int(Int64($0)) } ?? .null, marker])
            for (key, value) in item.flatBreakdown { set.append([.string(item.definition.id), .string(item.definition.citation), .string(key), value, marker]) }
            for line in item.remainder { set.append([.string(item.definition.id), .string(item.definition.citation), .string("reconciliation.\(line.key)"), .int(Int64(line.count)), marker]) }
            set.append([.string(item.definition.id), .string(item.definition.citation), .string("excludedEnteredInError"), .int(Int64(item.excludedEnteredInError)), marker])
        }
        for line in reconciliation { set.append([.string("received"), .string(""), .string(line.key), .int(Int64(line.count)), marker]) }
        for line in iceRecords { set.append([.string("iceRecords"), .string(""), .string(line.key), .int(Int64(line.count)), marker]) }
        return set
    }
}

extension AnnualReport.Item {
    public var json: JSONValue {
        .object([
            "id": .string(definition.id), "label": .string(definition.label), "citation": .string(definition.citation),
            "unit": .string(definition.unit), "datedBy": .string(definition.datedBy),
            "total": total.map { .int(Int64($0)) } ?? .null,
            "breakdown": .object(Dictionary(uniqueKeysWithValues: breakdown.map { ($0.key, $0.value) })),
            "reconciliation": .object(Dictionary(uniqueKeysWithValues: remainder.map { ($0.key, .int(Int64($0.count))) })),
            "excludedEnteredInError": .int(Int64(excludedEnteredInError)),
            "notes": .array(notes.map(JSONValue.string)),
        ])
    }

    /// The breakdown's leaves in print order: `i`, `noVSC.requests`, `noVSC.byInformationType.releaseDate.responses`….
    public var flatBreakdown: [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        func walk(_ prefix: String, _ value: JSONValue) {
            if case .object(let members) = value {
                for key in Self.order(members.keys) { walk(prefix + "." + key, members[key]!) }
            } else {
                out.append((prefix, value))
            }
        }
        for (key, value) in breakdown { walk(key, value) }
        return out
    }

    /// Totals first, then the splits.
    static func order(_ keys: Dictionary<String, JSONValue>.Keys) -> [String] {
        let first = ["requests", "responses", "byInformationType", "byFacilitatedTransfer", "facilitated", "notFacilitated"]
        return keys.sorted { (first.firstIndex(of: $0) ?? 99, $0) < (first.firstIndex(of: $1) ?? 99, $1) }
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

/// The training marker every report and export carries in its data (issue 23 §4): a last CSV
/// column `training`, 1 on a training database and 0 on a production one, beside the JSON
/// field `training` (true/false), so a file cut from its heading still says what it is.
public enum ReportMarker {
    public static let column = "training"
    public static func cell(_ training: Bool) -> JSONValue { .int(training ? 1 : 0) }
}
