import ArgumentParser
import DetainerDomain
import DetainerStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Oversight reports: monthly honored/declined counts, and the annual report the Admin. Code requires.",
        subcommands: [Monthly.self, Annual.self])

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
            abstract: "The annual report of Admin. Code §9-131(f), §14-154(f) and §9-205(f), by agency.",
            discussion: "--fiscal reports the city fiscal year ending June 30 of YEAR (the period the Code's September 1 reports cover).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "The year (calendar, or with --fiscal the fiscal year ending June 30 of it).") var year: Int
        @Flag(help: "Use the city fiscal year (July–June).") var fiscal = false
        @Flag(help: "Also count detainers lodged outside the city's agencies in \"all\" (e.g. imported ICE records from other states).")
        var includeExternal = false
        @OptionGroup var output: OutputOptions

        func execute() throws {
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .report)
            let report = try ReportService(db).runAnnual(year: year, fiscal: fiscal, includeExternal: includeExternal, by: user)
            try AnnualReportPrinter.print(report, as: output.format)
        }
    }
}
