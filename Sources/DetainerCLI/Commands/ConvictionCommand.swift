import ArgumentParser
import DetainerDomain
import DetainerStore

/// Options shared by `conviction add` and `conviction update`: the law engine's conviction fields.
struct ConvictionOptions: ParsableArguments {
    @Option(help: "The statute exactly as written (PL 120.05, 110-125.25, VTL 600(2)(c), …).") var statute: String?
    @Option(help: "The object crime of an attempt/conspiracy/solicitation/facilitation, or the specified offense of a hate crime.") var objectStatute: String?
    @Option(help: "Date the judgment was entered (plea or verdict), YYYY-MM-DD.") var convictedOn: String?
    @Option(help: "Class as convicted: A-I, A-II, A, B, C, D, E, misdemeanor, violation, infraction.") var felonyClass: String?
    @Option(help: "NY (default), otherState or federal.") var jurisdiction: String?
    @Option(help: "For otherState/federal: the equivalent New York offense.") var nyEquivalent: String?
    @Option(help: "For otherState/federal: was a term over one year authorized? yes or no.") var termOverOneYear: TriState?
    @Option(help: "Adjudicated a youthful offender: yes or no.") var youthfulOffender: TriState?
    @Option(help: "Adjudicated a juvenile delinquent: yes or no.") var juvenileDelinquent: TriState?
    @Option(help: "Convicted as a hate crime (PL 485.05): yes or no.") var hateCrime: TriState?
    @Option(help: "Sealed: yes or no.") var sealed: TriState?
    @Option(help: "Vacated: yes or no.") var vacated: TriState?
    @Option(help: "Days incarcerated for this crime between its commission and the instant arrest.") var incarceratedDays: Int?
    @Option(help: "Court that entered the judgment.") var court: String?
    @Option(help: "Docket or indictment number.") var docket: String?

    var entry: ConvictionEntry {
        ConvictionEntry(
            input: ConvictionInput(statute: statute, objectStatute: objectStatute, convictedOn: convictedOn, felonyClass: felonyClass,
                                   jurisdiction: jurisdiction, nyEquivalent: nyEquivalent, authorizedTermOverOneYear: termOverOneYear?.bool,
                                   youthfulOffender: youthfulOffender?.bool, juvenileDelinquent: juvenileDelinquent?.bool,
                                   hateCrime: hateCrime?.bool, sealed: sealed?.bool, vacated: vacated?.bool,
                                   incarceratedDaysForThisCrime: incarceratedDays),
            court: court, docketNumber: docket)
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

        func validate() throws {
            if conviction.statute == nil { throw ValidationError("--statute is required") }
        }

        func execute() throws {
            let db = try database.open(.write)
            let clerk = try actor.resolve(in: db, for: .recordHistory)
            let change = try db.addConviction(personID: try db.personID(for: person), conviction.entry, by: clerk)
            Terminal.out("Conviction \(change.recordID) (\(change.statute.description), read as \(change.statute.kind.rawValue)) added to person \(change.personID).")
            HistoryPrinter.printReevaluations(change)
        }
    }

    struct Update: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Correct a conviction; only the fields given change.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The conviction id.") var id: String
        @OptionGroup var conviction: ConvictionOptions

        func execute() throws {
            let convictionID = try IDArgument.parse(id)
            let db = try database.open(.write)
            let clerk = try actor.resolve(in: db, for: .recordHistory)
            let change = try db.updateConviction(id: convictionID, changes: conviction.entry, by: clerk)
            Terminal.out("Conviction \(change.recordID) updated.")
            HistoryPrinter.printReevaluations(change)
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

        func execute() throws {
            let date = try chargedOn.map { try DateArgument.parse($0, field: "charged-on") }
            let db = try database.open(.write)
            let clerk = try actor.resolve(in: db, for: .recordHistory)
            let change = try db.addPendingCharge(personID: try db.personID(for: person), statute: statute, chargedOn: date,
                                                 custodyCaseID: custodyCase, by: clerk)
            Terminal.out("Pending charge \(change.recordID) (\(change.statute.description)) added to person \(change.personID).")
            HistoryPrinter.printReevaluations(change)
        }
    }
}

enum HistoryPrinter {
    static func printReevaluations(_ change: HistoryChange) {
        if change.reevaluations.isEmpty {
            Terminal.out("No open detainers to re-evaluate.")
        }
        for evaluation in change.reevaluations {
            Terminal.out("Detainer \(evaluation.detainerID) re-evaluated: \(evaluation.report.outcome.rawValue) (\(evaluation.report.reasons.map(\.code).joined(separator: ", "))).")
        }
    }
}
