import ArgumentParser
import DetainerDomain
import DetainerStore

struct OffensesCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "offenses",
        abstract: "The violent-or-serious offense list in force on a date (default today).",
        subcommands: [Lookup.self])

    @Option(help: "Date, YYYY-MM-DD (default: today in New York).") var on: String?
    @OptionGroup var output: OutputOptions

    func execute() throws {
        let date = try on.map { try DateArgument.parse($0, field: "on") } ?? (try Environment.clock()).now().newYorkDate
        let version = RuleBook.version(on: date)
        var set = RecordSet(columns: ["section", "title", "class", "category", "origin"])
        for offense in OffenseCatalog.offenses(on: date) {
            set.append([.string("PL " + offense.citation), .string(offense.title), .string(offense.classText),
                        .string(offense.category), .string(offense.listOriginText)])
        }
        if output.format == .table {
            Terminal.out("Rule version \(version.id) (in force on \(date)): \(version.title).")
        }
        // Wrapped so the table fits a 120-column terminal; CSV and JSON carry the full text on one line.
        try RecordPrinter.print(set, as: output.format, empty: "No list is encoded for \(date) (before the 2014 laws took effect on 2014-12-14).",
                                wrapAt: ["title": 40, "class": 20, "origin": 18])
    }

    struct Lookup: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "lookup", abstract: "How a statute text parses and whether it is on the list.")
        @Argument(help: "A statute as written, e.g. \"PL 120.05(3)\" or 110-125.25.") var text: String
        @Option(help: "Date, YYYY-MM-DD (default: today in New York).") var on: String?
        @OptionGroup var output: OutputOptions

        func execute() throws {
            let date = try on.map { try DateArgument.parse($0, field: "on") } ?? (try Environment.clock()).now().newYorkDate
            let lookup = OffenseCatalog.lookup(text, on: date)
            var set = RecordSet(columns: ["text", "reads_as", "kind", "rule_version", "status", "offense", "explanation"])
            set.append([.string(text), .string(lookup.statute.description), .string(lookup.statute.kind.rawValue),
                        .string(lookup.ruleVersionID), .string(lookup.status.rawValue),
                        .optional(lookup.offense.map { "\("PL " + $0.citation) \($0.title)" }), .string(lookup.explanation)])
            if output.format == .table {
                Terminal.out("\"\(text)\" reads as \(lookup.statute.description) (\(lookup.statute.kind.rawValue)).")
                Terminal.out("Under \(lookup.ruleVersionID) on \(date): \(lookup.status.rawValue).")
                if let offense = lookup.offense { Terminal.out("Offense: \("PL " + offense.citation) \(offense.title), \(offense.classText).") }
                Terminal.out(lookup.explanation)
            } else {
                try RecordPrinter.print(set, as: output.format)
            }
        }
    }
}
