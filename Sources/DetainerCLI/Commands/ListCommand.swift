import ArgumentParser
import DetainerDomain
import DetainerStore

struct ListCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List detainers, newest first, with filters.",
        discussion: """
            Shows the \(ListFilter.defaultLimit) newest matching detainers unless given --limit N or --all; every \
            format is printed row by row as it is read, so --all works at any size. --person matches a name \
            (case and accents ignored, from the start of any word: "cruz", "juan cru" and "nunez" find \
            "José Juan Cruz Núñez"), a person id, NYSID, A-number or booking number.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this status.") var status: DetainerStatus?
    @Option(help: "Only this agency: NYPD, DOC or DOP.") var agency: Agency?
    @Option(help: "Only this engine outcome: permitted, decline, holdPendingWarrant, needsReview.") var outcome: Outcome?
    @Option(help: "Received on or after this day (YYYY-MM-DD) or month (YYYY-MM), New York dates.") var from: String?
    @Option(help: "Received on or before this day (YYYY-MM-DD) or month (YYYY-MM), New York dates.") var to: String?
    @Option(help: "A name, person id, NYSID, A-number or booking number.") var person: String?
    @Option(help: "At most this many rows (default \(ListFilter.defaultLimit)).") var limit: Int?
    @Flag(help: "Every matching row (no limit).") var all = false

    func validate() throws {
        if all && limit != nil { throw ValidationError("give --limit N or --all, not both") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func execute() throws {
        let range = try DateRangeArgument.parse(from: from, to: to)
        if let person, PersonSearchKey.query(person) == nil, person.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) {
            throw CLIError(.usage, "person: give a name, person id, NYSID, A-number or booking number")
        }
        let filter = ListFilter(status: status, agency: agency, receivedFrom: range.from, receivedTo: range.to, person: person,
                                limit: all ? nil : (limit ?? ListFilter.defaultLimit), outcome: outcome)
        var printer = RecordPrinter(format: output.format, empty: "No detainers match.")
        try database.open(.read).queries.list(filter, into: &printer)
    }
}

struct LogCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The audit trail, newest first: who did what, when.",
        discussion: "`detainer check` verifies the trail's hash chain and names the first broken row.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only entries about this kind of record (detainer, person, conviction, user, import…).") var entity: String?
    @Option(help: "Only entries about this record id (with --entity).") var id: Int64?
    @Option(help: "At most this many entries.") var limit: Int?

    func execute() throws {
        if id != nil, entity == nil { throw CLIError(.usage, "--id needs --entity (e.g. --entity detainer --id 12)") }
        var printer = RecordPrinter(format: output.format, empty: "No audit entries match.")
        try database.open(.read).queries.auditLog(entity: entity, entityID: id, limit: limit, into: &printer)
    }
}
