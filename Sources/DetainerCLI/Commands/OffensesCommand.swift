import ArgumentParser
import DetainerDomain
import DetainerStore

struct OffensesCommand: ParsableCommand {
    // `list` is the default, so `offenses --on DATE` still lists; each subcommand owns its own
    // `--on` (a parent option would capture `lookup … --on` and answer for today).
    static let configuration = CommandConfiguration(
        commandName: "offenses",
        abstract: "The violent-or-serious offense list in force on a date (default today).",
        subcommands: [List.self, Lookup.self], defaultSubcommand: List.self)

    struct List: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The list in force on a date, and what counts beyond its rows.")
        @Option(help: "Date, YYYY-MM-DD (default: today in New York).") var on: String?
        @OptionGroup var output: OutputOptions

        func execute() throws {
            let date = try on.map { try DateArgument.parse($0, field: "on") } ?? (try Environment.clock()).now().newYorkDate
            let version = RuleBook.version(on: date)
            var set = RecordSet(columns: ["section", "title", "class", "category", "origin"])
            let offenses = OffenseCatalog.offenses(on: date)
            for offense in offenses {
                set.append([.string("PL " + offense.citation), .string(offense.title), .string(offense.classText),
                            .string(offense.category), .string(offense.listOriginText)])
            }
            let notes = OffenseListScope.notes(on: date, rowCount: offenses.count)
            if output.format == .table {
                Terminal.out("Rule version \(version.id) (in force on \(date)): \(version.title).")
                // Wrapped like the table below, so the listing fits a 120-column terminal.
                for note in notes { for line in TextTable.wrap(note, 118) { Terminal.out(line) } }
            } else {
                // Machine formats keep their rows; the scope still reaches the reader.
                for note in notes { Terminal.err("detainer: note: \(note)") }
            }
            // Wrapped so the table fits a 120-column terminal; CSV and JSON carry the full text on one line.
            try RecordPrinter.print(set, as: output.format, empty: "No list is encoded for \(date) (before the 2014 laws took effect on 2014-12-14).",
                                    wrapAt: ["title": 40, "class": 20, "origin": 18])
        }
    }

    struct Lookup: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "lookup", abstract: "How a statute text parses and whether it is on the list on a date.")
        @Argument(help: "A statute as written, e.g. \"PL 120.05(3)\" or 110-125.25.") var text: String
        @Option(help: "Date, YYYY-MM-DD (default: today in New York).") var on: String?
        @OptionGroup var output: OutputOptions

        func execute() throws {
            let date = try on.map { try DateArgument.parse($0, field: "on") } ?? (try Environment.clock()).now().newYorkDate
            let lookup = OffenseCatalog.lookup(text, on: date)
            var set = RecordSet(columns: ["text", "reads_as", "kind", "on", "rule_version", "status", "offense", "explanation"])
            set.append([.string(text), .string(lookup.statute.description), .string(lookup.statute.kind.plainName),
                        .string(lookup.date.description), .string(lookup.ruleVersionID), .string(lookup.status.plainName),
                        .optional(lookup.offense.map { "\("PL " + $0.citation) \($0.title)" }), .string(lookup.explanation)])
            if output.format == .table {
                Terminal.out("\"\(text)\" reads as \(lookup.statute.description) (\(lookup.statute.kind.plainName)).")
                Terminal.out("On \(lookup.date), under \(lookup.ruleVersionID): \(lookup.status.plainName).")
                if let offense = lookup.offense { Terminal.out("Offense: \("PL " + offense.citation) \(offense.title), \(offense.classText).") }
                Terminal.out(lookup.explanation)
            } else {
                try RecordPrinter.print(set, as: output.format)
            }
        }
    }
}
