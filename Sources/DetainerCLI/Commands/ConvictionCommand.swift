import ArgumentParser
import DetainerDomain
import DetainerStore

/// Options shared by `conviction add` and `conviction update`: the law engine's conviction fields.
struct ConvictionOptions: ParsableArguments {
    @Option(help: "The statute exactly as written (PL 120.05, 110-125.25, VTL 600(2)(c), …).") var statute: String?
    @Option(help: "The object crime of an attempt/conspiracy/solicitation/facilitation, or the specified offense of a hate crime.") var objectStatute: String?
    @Option(help: "Date of the plea or verdict (CPL 1.20(13)), YYYY-MM-DD.") var convictedOn: String?
    @Option(help: "Date sentence was imposed, which completes the judgment (CPL 1.20(15)), YYYY-MM-DD, or unknown.") var sentencedOn: String?
    @Option(help: "Plea or verdict entered, sentence not yet imposed: yes, no (default) or unknown.") var awaitingSentence: TriState?
    @Option(help: "Class as convicted: A-I, A-II, A, B, C, D, E, misdemeanor, violation, infraction.") var felonyClass: String?
    @Option(help: "NY (default), otherState, federal or unknown.") var jurisdiction: String?
    @Option(help: "For otherState/federal: the equivalent New York offense.") var nyEquivalent: String?
    @Option(help: "For otherState/federal: was a term over one year authorized? yes, no or unknown.") var termOverOneYear: TriState?
    @Option(help: "Adjudicated a youthful offender: yes, no (default) or unknown.") var youthfulOffender: TriState?
    @Option(help: "Adjudicated a juvenile delinquent: yes, no (default) or unknown.") var juvenileDelinquent: TriState?
    @Option(help: "Convicted as a hate crime (PL 485.05): yes, no (default) or unknown.") var hateCrime: TriState?
    @Option(help: "Sealed: yes, no (default) or unknown.") var sealed: TriState?
    @Option(help: "Vacated: yes, no (default) or unknown.") var vacated: TriState?
    @Option(help: "Days incarcerated for this crime between its commission and the instant arrest (default 0), or unknown.") var incarceratedDays: String?
    @Option(help: "Court that entered the judgment.") var court: String?
    @Option(help: "Docket or indictment number.") var docket: String?

    /// The entry as given. A fact not given is "no" (0 days) for `add`; `givenFacts` lets
    /// `update` keep the stored value instead. "unknown" is nil: never read as no (§12.13).
    func entry() throws -> ConvictionEntry {
        var given: Set<String> = []
        func fact(_ option: TriState?, _ name: String, absent: Bool? = false) -> Bool? {
            guard let option else { return absent }
            given.insert(name)
            return option.bool
        }
        var days: Int? = 0
        if let incarceratedDays {
            given.insert("incarceratedDaysForThisCrime")
            if incarceratedDays == "unknown" {
                days = nil
            } else if let value = Int(incarceratedDays) {
                days = value
            } else {
                throw InputError(field: "incarcerated-days", "\"\(incarceratedDays)\" is not a whole number of days or unknown")
            }
        }
        var sentence: String?
        if let sentencedOn {
            given.insert("sentencedOn")
            sentence = sentencedOn == "unknown" ? nil : sentencedOn
        }
        var jurisdictionText = jurisdiction
        if jurisdiction != nil { given.insert("jurisdiction") }
        let jurisdictionUnknown = jurisdiction == "unknown"
        if jurisdictionUnknown { jurisdictionText = nil }
        let input = ConvictionInput(
            statute: statute, objectStatute: objectStatute, convictedOn: convictedOn, sentencedOn: sentence,
            awaitingSentence: fact(awaitingSentence, "awaitingSentence"), felonyClass: felonyClass,
            jurisdiction: jurisdictionText, jurisdictionUnknown: jurisdictionUnknown, nyEquivalent: nyEquivalent,
            authorizedTermOverOneYear: fact(termOverOneYear, "authorizedTermOverOneYear", absent: nil),
            youthfulOffender: fact(youthfulOffender, "youthfulOffender"),
            juvenileDelinquent: fact(juvenileDelinquent, "juvenileDelinquent"),
            hateCrime: fact(hateCrime, "hateCrime"), sealed: fact(sealed, "sealed"), vacated: fact(vacated, "vacated"),
            incarceratedDaysForThisCrime: days)
        return ConvictionEntry(input: input, court: court, docketNumber: docket, givenFacts: given)
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
