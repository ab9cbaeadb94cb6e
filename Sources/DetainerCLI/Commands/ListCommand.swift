import ArgumentParser
import DetainerDomain
import DetainerStore

struct ListCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List detainers, newest first, with filters.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this status.") var status: DetainerStatus?
    @Option(help: "Only this agency: NYPD, DOC or DOP.") var agency: String?
    @Option(help: "Received on or after this date (YYYY-MM-DD, New York).") var from: String?
    @Option(help: "Received on or before this date (YYYY-MM-DD, New York).") var to: String?
    @Option(help: "Only this person (id, NYSID or A-number).") var person: String?
    @Option(help: "At most this many rows.") var limit: Int?

    func execute() throws {
        if let agency, !["NYPD", "DOC", "DOP"].contains(agency) {
            throw CLIError(.dataError, "agency: unknown value \"\(agency)\" (expected NYPD, DOC or DOP)")
        }
        if let limit, limit < 1 { throw CLIError(.dataError, "limit: must be at least 1") }
        let fromDate = try from.map { try DateArgument.parse($0, field: "from") }
        let toDate = try to.map { try DateArgument.parse($0, field: "to") }
        if let fromDate, let toDate, fromDate > toDate { throw CLIError(.dataError, "from: \(fromDate) is after to \(toDate)") }
        let db = try database.open(.read)
        let personID = try person.map { try db.personID(for: $0) }
        let set = try db.list(ListFilter(status: status, agency: agency, receivedFrom: fromDate, receivedTo: toDate, personID: personID, limit: limit))
        RecordPrinter.print(set, as: output.format, empty: "No detainers match.")
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
        if id != nil, entity == nil { throw CLIError(.usage, "--id needs --entity") }
        let set = try database.open(.read).auditLog(entity: entity, entityID: id, limit: limit)
        RecordPrinter.print(set, as: output.format, empty: "No audit entries match.")
    }
}
