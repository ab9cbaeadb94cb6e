import DetainerDomain
import DetainerStore

enum MonthlyReportPrinter {

    static func print(_ report: MonthlyReport, as format: OutputFormat) throws {
        let rows = report.months + [report.total]
        switch format {
        case .json:
            Terminal.out(report.json.prettySerialized)
        case .csv:
            try RecordPrinter.print(report.table, as: .csv)
        case .table:
            let columns = ["month", "received", "honored", "declined", "transferred", "lifted", "released", "open_at_month_end"]
            var set = RecordSet(columns: columns)
            for row in rows { let v = MonthlyReport.values(row); set.append(columns.map { v[$0] ?? .null }) }
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
            Terminal.out(report.json.prettySerialized)
        case .csv:
            try RecordPrinter.print(report.table, as: .csv)
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
