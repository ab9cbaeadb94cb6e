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
                var reasons = RecordSet(columns: ["month"] + used.map(MonthlyReport.declineReasonLabel))
                for row in rows { reasons.append([.string(row.month)] + used.map { .int(Int64(row.declineReasons[$0] ?? 0)) }) }
                try RecordPrinter.print(reasons, as: .table)
            }
        }
    }
}

enum AnnualReportPrinter {
    static func print(_ report: AnnualReport) throws {
        let kind = report.period.calendar ? "calendar year" : "twelve months ending June 30"
        if report.training { Terminal.out("TRAINING DATABASE — these numbers are not an agency's report.") }
        Terminal.out("Annual report, \(report.agency.rawValue), \(kind) \(report.periodStart) to \(report.periodEnd) (as of \(report.asOf.newYorkText))")
        Terminal.out("Only detainers logged at intake; imported ICE records are shown apart. Reasons: \(StatutoryReasonMapping.version).")
        if let revision = report.revisionOf {
            Terminal.out("REVISION: these numbers differ from publication \(revision), approved earlier (`detainer report published`).")
        }
        var set = RecordSet(columns: ["item", "count", "citation"])
        for item in report.items {
            set.append([.string(item.definition.id + " " + String(item.definition.label.prefix(90)) + (item.definition.label.count > 90 ? "…" : "")),
                        item.total.map { .int(Int64($0)) } ?? .string("—"), .string(item.definition.citation)])
            for (key, value) in item.flatBreakdown { set.append([.string("    " + BreakdownWords.label(key)), value, .string("")]) }
            for line in item.remainder where line.count != 0 || line.key == "unreconciled" || line.key == "neitherVSCnorTSDB" {
                set.append([.string("    = " + line.label), .int(Int64(line.count)), .string("")])
            }
            if item.excludedEnteredInError > 0 {
                set.append([.string("    (left out: entered in error)"), .int(Int64(item.excludedEnteredInError)), .string("")])
            }
        }
        try RecordPrinter.print(set, as: .table)
        for item in report.items { for note in item.notes { Terminal.out("\(item.definition.id): \(note)") } }
        Terminal.out("Detainers received in the period, by where they stood at its end: "
                     + report.reconciliation.map { "\($0.key) \($0.count)" }.joined(separator: ", "))
        if report.endedAfterDeadline > 0 {
            Terminal.out("LATE: \(report.endedAfterDeadline) hold(s) ended (transfer or release) after the hold deadline in this period.")
        }
        Terminal.out("ICE's records (imported, not the city's counts): " + report.iceRecords.map { "\($0.key) \($0.count)" }.joined(separator: ", "))
    }

    /// `--explain`: each item's unit, dating event and reading, then the readings in common.
    static func explain(_ report: AnnualReport) {
        Terminal.out("")
        for item in report.items {
            let d = item.definition
            Terminal.out("\(d.id) (\(d.citation)): counts \(d.unit); dated by \(d.datedBy). Reading: \(d.reading)")
        }
        Terminal.out("")
        for line in [ReportDecisions.period, ReportDecisions.dating, ReportDecisions.scope, ReportDecisions.persons, ReportDecisions.suppression] {
            Terminal.out(line)
        }
        Terminal.out("The reason mapping \(StatutoryReasonMapping.version) is a reading that needs counsel's sign-off before publication.")
    }
}
