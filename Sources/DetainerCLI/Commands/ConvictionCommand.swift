import ArgumentParser
import DetainerDomain
import DetainerStore

/// Options shared by `conviction add` and `conviction update`: the law engine's conviction fields,
/// named, explained and defaulted by `ConvictionFields` (the browser's forms read the same list).
struct ConvictionOptions: ParsableArguments {
    typealias F = ConvictionFields
    @Option(help: ArgumentHelp(F.statute.cliHelp)) var statute: String?
    @Option(help: ArgumentHelp(F.objectStatute.cliHelp)) var objectStatute: String?
    @Option(help: ArgumentHelp(F.convictedOn.cliHelp)) var convictedOn: String?
    @Option(help: ArgumentHelp(F.sentencedOn.cliHelp)) var sentencedOn: String?
    @Option(help: ArgumentHelp(F.awaitingSentence.cliHelp)) var awaitingSentence: String?
    @Option(help: ArgumentHelp(F.felonyClass.cliHelp)) var felonyClass: String?
    @Option(help: ArgumentHelp(F.jurisdiction.cliHelp)) var jurisdiction: String?
    @Option(help: ArgumentHelp(F.nyEquivalent.cliHelp)) var nyEquivalent: String?
    @Option(help: ArgumentHelp(F.authorizedTermOverOneYear.cliHelp)) var termOverOneYear: String?
    @Option(help: ArgumentHelp(F.youthfulOffender.cliHelp)) var youthfulOffender: String?
    @Option(help: ArgumentHelp(F.juvenileDelinquent.cliHelp)) var juvenileDelinquent: String?
    @Option(help: ArgumentHelp(F.hateCrime.cliHelp)) var hateCrime: String?
    @Option(help: ArgumentHelp(F.sealed.cliHelp)) var sealed: String?
    @Option(help: ArgumentHelp(F.vacated.cliHelp)) var vacated: String?
    @Option(help: ArgumentHelp(F.incarceratedDays.cliHelp)) var incarceratedDays: String?
    @Option(help: ArgumentHelp(F.court.cliHelp)) var court: String?
    @Option(help: ArgumentHelp(F.docketNumber.cliHelp)) var docket: String?

    /// The values given, by the contract's field names (absent = not given).
    var values: [String: String] {
        let given: [(ConvictionField, String?)] = [
            (F.statute, statute), (F.objectStatute, objectStatute), (F.convictedOn, convictedOn), (F.sentencedOn, sentencedOn),
            (F.awaitingSentence, awaitingSentence), (F.felonyClass, felonyClass), (F.jurisdiction, jurisdiction),
            (F.nyEquivalent, nyEquivalent), (F.authorizedTermOverOneYear, termOverOneYear), (F.youthfulOffender, youthfulOffender),
            (F.juvenileDelinquent, juvenileDelinquent), (F.hateCrime, hateCrime), (F.sealed, sealed), (F.vacated, vacated),
            (F.incarceratedDays, incarceratedDays), (F.court, court), (F.docketNumber, docket),
        ]
        var values: [String: String] = [:]
        for (field, value) in given { if let value { values[field.key] = value } }
        return values
    }

    /// The entry as given, read by the one reader both front ends share; its errors, and the
    /// store's, name fields by key (`convictedOn`, `conviction.convictedOn`), shown as the option
    /// typed (`option(forField:)`).
    func entry() throws -> ConvictionEntry {
        try ConvictionFields.entry(values)
    }
}

struct ConvictionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conviction",
        abstract: "Record or correct a conviction; the person's open detainers are re-evaluated.",
        subcommands: [Add.self, Update.self])

    struct Add: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a conviction to a person's record.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The person: record id, NYSID or A-number.") var person: String
        @OptionGroup var conviction: ConvictionOptions
        @OptionGroup var output: WriteOutputOptions

        func validate() throws {
            if conviction.statute == nil { throw ValidationError("--statute is required") }
        }

        func execute() throws {
            let db = try database.open(.write)
            let clerk = try actor.resolve(in: db, for: .recordHistory)
            let history = HistoryService(db)
            let change = try history.addConviction(personID: try history.personID(for: person), try conviction.entry(), by: clerk)
            HistoryPrinter.print(change, record: "convictionID", as: output,
                                 "Conviction \(change.recordID) (\(change.statute.description), read as \(change.statute.kind.plainName)) added to person \(change.personID).")
        }
    }

    struct Update: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Correct a conviction; only the fields given change.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The conviction id.") var id: String
        @OptionGroup var conviction: ConvictionOptions
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let convictionID = try IDArgument.parse(id)
            let db = try database.open(.write)
            let clerk = try actor.resolve(in: db, for: .recordHistory)
            let change = try HistoryService(db).updateConviction(id: convictionID, changes: try conviction.entry(), by: clerk)
            HistoryPrinter.print(change, record: "convictionID", as: output, "Conviction \(change.recordID) updated.")
        }
    }
}

struct ChargeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge",
        abstract: "Record a pending charge (it never makes a detainer honorable under the 2014 law).",
        subcommands: [Add.self])

    struct Add: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a pending charge to a person's record.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The person: record id, NYSID or A-number.") var person: String
        @Option(help: "The statute exactly as written.") var statute: String
        @Option(help: "Date charged, YYYY-MM-DD.") var chargedOn: String?
        @Option(name: .customLong("case"), help: "The custody case id it belongs to.") var custodyCase: Int64?
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let date = try chargedOn.map { try DateArgument.parse($0, field: "charged-on") }
            let db = try database.open(.write)
            let clerk = try actor.resolve(in: db, for: .recordHistory)
            let history = HistoryService(db)
            let change = try history.addPendingCharge(personID: try history.personID(for: person), statute: statute, chargedOn: date,
                                                      custodyCaseID: custodyCase, by: clerk)
            HistoryPrinter.print(change, record: "chargeID", as: output,
                                 "Pending charge \(change.recordID) (\(change.statute.description)) added to person \(change.personID).")
        }
    }
}

enum HistoryPrinter {
    /// The sentence and the re-evaluations it caused, or one JSON object for scripts.
    static func print(_ change: HistoryChange, record key: String, as output: WriteOutputOptions, _ sentence: String) {
        switch output.format {
        case .json:
            Terminal.out(change.json(recordKey: key).prettySerialized)
        case .text:
            Terminal.out(sentence)
            if change.reevaluations.isEmpty {
                Terminal.out("No open detainers to re-evaluate.")
            }
            for evaluation in change.reevaluations {
                let reasons = evaluation.report.reasons.map(\.plainClause).joined(separator: "; ")
                Terminal.out("Detainer \(evaluation.detainerID) re-evaluated: \(evaluation.report.outcome.plainLabel) (\(reasons)).")
            }
        }
    }
}

extension ConvictionOptions {
    /// `convictedOn` or `conviction.convictedOn` → `--convicted-on`, the option that sets it.
    static func option(forField path: String) -> String? {
        let key = path.hasPrefix("conviction.") ? String(path.dropFirst("conviction.".count)) : path
        return ConvictionFields.all.first { $0.key == key }.map { "--" + $0.flag }
    }
}

extension ConvictionCommand.Add {
    func option(forField path: String) -> String? { ConvictionOptions.option(forField: path) }
}

extension ConvictionCommand.Update {
    func option(forField path: String) -> String? { ConvictionOptions.option(forField: path) }
}
