import DetainerDomain
import DetainerStore

enum MonthlyReportPrinter {
    static let flowColumns = ["received", "honored", "declined"]
    static let stockColumns = ["transferred", "lifted", "released", "open_at_month_end"]

    static func values(_ row: MonthlyReport.Row) -> [String: JSONValue] {
        var out: [String: JSONValue] = [
            "month": .string(row.month), "received": .int(Int64(row.received)), "honored": .int(Int64(row.honored)),
            "declined": .int(Int64(row.declined)), "transferred": .int(Int64(row.transferred)), "lifted": .int(Int64(row.lifted)),
            "released": .int(Int64(row.released)), "open_at_month_end": row.openAtMonthEnd.map { .int(Int64($0)) } ?? .null,
        ]
        for code in MonthlyReport.declineReasonCodes {
            out["declined_\(code)"] = .int(Int64(row.declineReasons[code] ?? 0))
        }
        return out
    }

    /// A row for JSON: the CSV's numbers under camelCase keys (README, "JSON keys"); the decline
    /// reasons, whose codes are values rather than names, as one object keyed by code.
    static func jsonObject(_ row: MonthlyReport.Row) -> JSONValue {
        var out: [String: JSONValue] = [:]
        var reasons: [String: JSONValue] = [:]
        for (column, value) in values(row) {
            if column.hasPrefix("declined_") { reasons[String(column.dropFirst("declined_".count))] = value }
            else { out[JSONKeys.camelCase(column)] = value }
        }
        out["declinedByReason"] = .object(reasons)
        return .object(out)
    }

    /// Every column, in the documented order: month, received, honored, declined, declined_<REASON>…, transferred, lifted, released, open_at_month_end.
    static var allColumns: [String] {
        ["month"] + flowColumns + MonthlyReport.declineReasonCodes.map { "declined_\($0)" } + stockColumns
    }

    static func print(_ report: MonthlyReport, as format: OutputFormat) throws {
        let rows = report.months + [report.total]
        switch format {
        case .json:
            Terminal.out(JSONValue.object([
                "from": .string(report.from), "to": .string(report.to), "agency": .optional(report.agency?.rawValue),
                "includeExternal": .bool(report.includeExternal), "scope": .string(report.scope),
                "months": .array(report.months.map(jsonObject)), "total": jsonObject(report.total),
                "endedAfterDeadline": .int(Int64(report.endedAfterDeadline)),
            ]).prettySerialized)
        case .csv:
            var set = RecordSet(columns: allColumns)
            for row in rows { let v = values(row); set.append(allColumns.map { v[$0] ?? .null }) }
            try RecordPrinter.print(set, as: .csv)
        case .table:
            let columns = ["month", "received", "honored", "declined", "transferred", "lifted", "released", "open_at_month_end"]
            var set = RecordSet(columns: columns)
            for row in rows { let v = values(row); set.append(columns.map { v[$0] ?? .null }) }
            Terminal.out("Detainers by month, \(report.from) to \(report.to)\(report.agency.map { ", \($0.rawValue) only" } ?? ", all agencies") (New York dates)")
            Terminal.out(report.scope)
            try RecordPrinter.print(set, as: .table)
            if report.endedAfterDeadline > 0 {
                Terminal.out("LATE: \(report.endedAfterDeadline) hold(s) in this range ended (transfer or release) after the hold deadline.")
            }
            let used = MonthlyReport.declineReasonCodes.filter { (report.total.declineReasons[$0] ?? 0) > 0 }
            if !used.isEmpty {
                Terminal.out("\nDeclined, by reason")
                var reasons = RecordSet(columns: ["month"] + used)
                for row in rows { reasons.append([.string(row.month)] + used.map { .int(Int64(row.declineReasons[$0] ?? 0)) }) }
                try RecordPrinter.print(reasons, as: .table)
            }
        }
    }
}

enum AnnualReportPrinter {
    static func print(_ report: AnnualReport, as format: OutputFormat) throws {
        let period = "\(report.periodStart) to \(report.periodEnd)"
        switch format {
        case .json:
            Terminal.out(JSONValue.object([
                "periodStart": .string(report.periodStart.description), "periodEnd": .string(report.periodEnd.description),
                "fiscal": .bool(report.fiscal), "includeExternal": .bool(report.includeExternal),
                "items": .array(report.items.map { item in
                    .object(["key": .string(item.key), "label": .string(item.label), "citation": .string(item.citation),
                             "counts": item.counts.map { .object($0.mapValues { .int(Int64($0)) }) } ?? .null,
                             "note": .optional(item.note)])
                }),
            ]).prettySerialized)
        case .csv:
            var set = RecordSet(columns: ["key", "label", "citation"] + AnnualReport.agencies + ["note"])
            for item in report.items {
                set.append([.string(item.key), .string(item.label), .string(item.citation)]
                           + AnnualReport.agencies.map { agency in item.counts.map { .int(Int64($0[agency] ?? 0)) } ?? .null }
                           + [.optional(item.note)])
            }
            try RecordPrinter.print(set, as: .csv)
        case .table:
            Terminal.out("Annual detainer report, \(report.fiscal ? "fiscal year" : "calendar year") \(period)")
            Terminal.out(report.includeExternal
                         ? "Scope: all detainers, including imported ICE records lodged outside the city's agencies (in \"all\" only)."
                         : "Scope: detainers lodged with a city agency (DOC, NYPD, DOP); --include-external adds records lodged elsewhere to \"all\".")
            var set = RecordSet(columns: ["item"] + AnnualReport.agencies + ["citation"])
            let totals: Set<String> = ["info_requests", "info_answered", "info_facilitated_transfer"]
            for item in report.items where !(item.key.hasPrefix("info_") && !totals.contains(item.key) && (item.counts?["all"] ?? 0) == 0) {
                set.append([.string(item.label)]
                           + AnnualReport.agencies.map { agency in item.counts.map { .int(Int64($0[agency] ?? 0)) } ?? .string("n/a") }
                           + [.string(item.citation)])
            }
            try RecordPrinter.print(set, as: .table)
            for item in report.items where item.note != nil { Terminal.out("\(item.label): \(item.note!).") }
            Terminal.out("Information-request breakdowns by type are listed when non-zero; --format csv or json lists them all.")
        }
    }
}
