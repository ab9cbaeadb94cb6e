import ArgumentParser
import DetainerDomain
import DetainerStore
import DetainerWeb

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Oversight reports: monthly honored/declined counts, and the annual report the Admin. Code requires.",
        subcommands: [Monthly.self, Annual.self, Quarterly.self, Publish.self, Published.self, Reconcile.self, Figure.self])

    struct Monthly: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "monthly",
            abstract: "One row per month (New York time) and a total: received, honored, declined by reason, transferred, lifted, released, open at month end.",
            discussion: "Run with --explain for what each column counts. CSV and JSON carry the same numbers under stable names.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "First month, YYYY-MM (a day, YYYY-MM-DD, stands for its month).") var from: String
        @Option(help: "Last month, YYYY-MM (a day, YYYY-MM-DD, stands for its month).") var to: String
        @Option(help: "Only NYPD, DOC or DOP.") var agency: Agency?
        @OptionGroup var output: OutputOptions
        @Flag(help: "Print what each number counts under the table.") var explain = false
        @Flag(help: "Also count detainers lodged outside the city's agencies (e.g. imported ICE records from other states).")
        var includeExternal = false

        func execute() throws {
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .report)
            let fromMonth = try DateRangeArgument.month(from, field: "from"), toMonth = try DateRangeArgument.month(to, field: "to")
            let report = try ReportService(db).runMonthly(from: fromMonth, to: toMonth, agency: agency, includeExternal: includeExternal, by: user)
            try MonthlyReportPrinter.print(report, as: output.format)
            if explain {
                Terminal.out("")
                for (column, meaning) in MonthlyReport.definitions { Terminal.out("\(column): \(meaning)") }
            }
        }
    }

    struct Annual: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "annual",
            abstract: "One agency's annual report: Admin. Code §9-131(f) (DOC, f1–f9), §14-154(f) (NYPD, f1–f5), §9-205(f) (DOP, f1–f5).",
            discussion: """
                The year is the twelve months ending June 30 of YEAR (the period the Code's September 1 reports cover); \
                --calendar gives January–December instead. Items in statute order with the statute's words; --explain \
                prints each item's unit, the event that dates it and the legal reading it rests on. Only detainers \
                logged at intake count; imported ICE records are shown apart ("ICE's records"). --format html writes a \
                self-contained page to publish (small cells suppressed).
                """)

        enum AnnualFormat: String, CaseInsensitiveArgument { case table, csv, json, html }

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "DOC, NYPD or DOP.") var agency: Agency
        @Option(help: "The report year: the twelve months ending June 30 of it (or, with --calendar, the calendar year).") var year: Int
        @Flag(help: "Report the calendar year instead of the twelve months ending June 30.") var calendar = false
        @Flag(help: .hidden) var fiscal = false
        /// Accepted for scripts written for the old report: imported ICE records are never part of
        /// the items (they are `iceRecords`), with or without it.
        @Flag(help: .hidden) var includeExternal = false
        @Option(name: .long, help: "Output: table, csv, json or html (a page to publish).") var format: AnnualFormat = .table
        @Flag(help: "Print each item's unit, dating event and legal reading.") var explain = false

        func validate() throws {
            if fiscal && calendar { throw ValidationError("--fiscal and --calendar contradict each other (the default year already ends June 30)") }
        }

        func execute() throws {
            if includeExternal {
                Terminal.err("note: imported ICE records are never counted in the annual report's items; they are shown apart (iceRecords).")
            }
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .report)
            let report = try ReportService(db).runAnnual(agency: agency, year: year, calendar: calendar,
                                                         origin: ["format": .string(format.rawValue)], by: user)
            switch format {
            case .json: Terminal.out(report.json.prettySerialized)
            case .csv: try RecordPrinter.print(report.table, as: .csv)
            case .html: Terminal.outRaw(AnnualReportPage.document(report))
            case .table: try AnnualReportPrinter.print(report)
            }
            if explain { AnnualReportPrinter.explain(report) }
        }
    }
}

extension ReportCommand {
    struct Quarterly: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "quarterly",
            abstract: "The quarterly report of Admin. Code §10-178(d): requests for immigration-enforcement assistance, by requesting and receiving agency.",
            discussion: """
                Anonymized counts from the request log (`detainer assistance add`), by requesting agency (ICE_ERO, ICE_HSI, \\
                CBP, USMS, other) and receiving city agency, by kind of assistance and response. Requests exempt from \\
                disclosure under §10-178(d)(i) or (ii) are left out of the rows and only counted. Detainers and ICE \\
                information requests are not repeated here: the annual reports cover them.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "The calendar year.") var year: Int
        @Option(help: "The quarter, 1–4 (1 = January–March).") var quarter: Int
        @OptionGroup var output: OutputOptions

        func execute() throws {
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .report)
            let service = ReportService(db)
            let report = try service.quarterlyReport(year: year, quarter: quarter)
            try service.recordReport("quarterly", parameters: ["year": .int(Int64(year)), "quarter": .int(Int64(quarter))], by: user)
            switch output.format {
            case .json: Terminal.out(report.json.prettySerialized)
            case .csv: try RecordPrinter.print(report.table, as: .csv)
            case .table:
                if report.training { Terminal.out("TRAINING DATABASE — these numbers are not an agency's report.") }
                Terminal.out("Requests for immigration-enforcement assistance, \(report.period.start) to \(report.period.end) (Admin. Code §10-178(d))")
                try RecordPrinter.print(report.table, as: .table)
                Terminal.out("Withheld under §10-178(d)(i) (would interfere with an investigation): \(report.withheld["interfereInvestigation"] ?? 0); under (d)(ii) (would compromise public safety): \(report.withheld["publicSafety"] ?? 0).")
            }
        }
    }
}

extension ReportCommand {
    struct Publish: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Freeze an annual report for publication; a second person approves it (--approve ID).",
            discussion: """
                `report publish --agency A --year Y [--calendar]` records the report as it stands (every number, the \
                database checkpoint — the audit chain's head — and who prepared it). `report publish --approve ID` by \
                another person approves it. A later `report annual` whose numbers differ says it is a REVISION of the \
                approved publication. Training databases are refused.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "DOC, NYPD or DOP.") var agency: Agency?
        @Option(help: "The report year (twelve months ending June 30).") var year: Int?
        @Flag(help: "The calendar year instead.") var calendar = false
        @Option(help: "Approve the prepared publication with this id (a second person).") var approve: Int64?
        @OptionGroup var output: WriteOutputOptions

        func validate() throws {
            if approve != nil, agency != nil || year != nil || calendar { throw ValidationError("--approve ID stands alone") }
            if approve == nil, agency == nil || year == nil { throw ValidationError("give --agency and --year to prepare, or --approve ID") }
        }

        func execute() throws {
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .report)
            let service = ReportService(db)
            let publication = try approve.map { try service.approvePublication($0, by: user) }
                ?? service.preparePublication(agency: agency!, year: year!, calendar: calendar, by: user)
            let text = publication.approvedBy == nil
                ? "Publication \(publication.id) prepared (\(publication.agency.rawValue) \(publication.year), sha256 \(publication.sha256.prefix(16))…, checkpoint audit #\(publication.auditHeadID)); a second person approves it with `detainer report publish --approve \(publication.id)`."
                : "Publication \(publication.id) approved by \(publication.approvedBy!) (prepared by \(publication.preparedBy))."
            output.print(text: text, json: publication.json)
        }
    }

    struct Published: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "published", abstract: "The history of published annual reports.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this agency.") var agency: Agency?
        @OptionGroup var output: OutputOptions

        func execute() throws {
            let db = try database.open(.read)
            let list = try ReportService(db).publications(agency: agency)
            if output.format == .json { Terminal.out(JSONValue.array(list.map(\.json)).prettySerialized); return }
            var set = RecordSet(columns: ["id", "agency", "year", "calendar", "prepared_by", "approved_by", "approved_at", "revises", "sha256"])
            for p in list {
                set.append([.int(p.id), .string(p.agency.rawValue), .int(Int64(p.year)), .bool(p.calendar), .string(p.preparedBy),
                            .optional(p.approvedBy), .optional(p.approvedAt), .optional(p.revises), .string(p.sha256)])
            }
            try RecordPrinter.print(set, as: output.format)
        }
    }
}

extension ReportCommand {
    struct Reconcile: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "reconcile",
            abstract: "The city's own counts beside the imported ICE records for the same months: lodged, declined, transferred, and declines by the law's reason.",
            discussion: "Beyond the law: for answering public claims about the city's detainers with its own numbers. ICE's records cannot say why a detainer was declined.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "First month, YYYY-MM.") var from: String
        @Option(help: "Last month, YYYY-MM.") var to: String
        @Option(help: "Only NYPD, DOC or DOP.") var agency: Agency?
        @OptionGroup var output: OutputOptions

        func execute() throws {
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .report)
            let service = ReportService(db)
            let report = try service.reconcileReport(from: try DateRangeArgument.month(from, field: "from"),
                                                     to: try DateRangeArgument.month(to, field: "to"), agency: agency)
            try service.recordReport("reconcile", parameters: ["from": .string(report.from), "to": .string(report.to),
                                                              "agency": .optional(agency?.rawValue)], by: user)
            switch output.format {
            case .json: Terminal.out(report.json.prettySerialized)
            case .csv, .table: try RecordPrinter.print(report.table, as: output.format)
            }
        }
    }
}

extension ReportCommand {
    /// `report figure`: a figure someone published about the city's detainers, with who claimed it
    /// and where, for `report reconcile` to set the city's own count beside.
    struct Figure: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "figure",
            abstract: "Record a published figure (a news report, a letter) with who claimed it and its source, for report reconcile.",
            discussion: """
                Example: report figure --measure lodged --value 7526 --from 2020-01 --to 2020-12 \\
                --claimed-by "ICE acting director" --source "letter to the mayor, quoted in news reports, 2020". \
                Measures: \(ReconcileReport.measures.joined(separator: ", ")). Figures are appended, never changed.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "What the figure counts (a reconcile row: lodged, declined, honored, declinedWithAssault …).") var measure: String
        @Option(help: "The number published.") var value: Int64
        @Flag(name: .customLong("at-least"), help: "The claim said \"at least\".") var atLeast = false
        @Flag(help: "The claim said \"about\".") var about = false
        @Option(help: "First month or day the figure covers (YYYY-MM or YYYY-MM-DD).") var from: String
        @Option(help: "Last month or day it covers.") var to: String
        @Option(help: "Only if the claim was about one agency: NYPD, DOC or DOP.") var agency: Agency?
        @Option(name: .customLong("claimed-by"), help: "Who made the claim.") var claimedBy: String
        @Option(help: "Where it was published (title, date, address).") var source: String
        @OptionGroup var output: WriteOutputOptions

        func validate() throws {
            if atLeast && about { throw ValidationError("give at most one of --at-least or --about") }
        }

        func execute() throws {
            let range = (from: try DateRangeArgument.bound(from, field: "from", end: false), to: try DateRangeArgument.bound(to, field: "to", end: true))
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .report)
            let figure = try ReportService(db).recordPublicFigure(
                measure: measure, value: value, qualifier: atLeast ? .atLeast : about ? .about : .exactly,
                from: range.from, to: range.to, agency: agency, claimedBy: claimedBy, source: source, by: user)
            output.print(text: "Recorded: \(figure.measure) \(figure.text).", json: figure.json)
        }
    }
}
