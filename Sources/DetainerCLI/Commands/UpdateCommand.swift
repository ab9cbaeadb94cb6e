import ArgumentParser
import DetainerDomain
import DetainerStore

struct UpdateCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Record facts that arrive after intake (TSDB search, re-entry, arrest date, release time); re-evaluates.",
        discussion: "Only open detainers. Each change is audited with the values it replaced.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The detainer id.") var id: String
    @Option(name: .customLong("tsdb-match"), help: "Terrorist screening database search result: yes, no or unknown.") var tsdbMatch: TriState?
    @Option(help: "ICE asserts illegal re-entry after removal: yes, no or unknown.") var illegalReentry: TriState?
    @Option(help: "Correct the instant arrest date, YYYY-MM-DD.") var arrestDate: String?
    @Option(help: "When the person would otherwise be released (ISO 8601 or New York time).") var releaseAt: String?
    @Option(help: "Why (e.g. where the fact came from).") var note: String?

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let update = FactsUpdate(
            terroristScreeningMatch: tsdbMatch.map { $0.bool }, illegalReentryAfterRemoval: illegalReentry.map { $0.bool },
            arrestDate: try arrestDate.map { try DateArgument.parse($0, field: "arrest-date") },
            scheduledReleaseAt: try releaseAt.map { try InstantArgument.parse($0, field: "release-at") }, note: note)
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .intake)
        let evaluation = try db.updateFacts(detainerID: detainerID, update, by: user)
        Terminal.out("Detainer \(detainerID) updated and re-evaluated: \(evaluation.report.outcome.rawValue) under \(evaluation.report.ruleVersion).")
        EvaluationPrinter.printReasons(evaluation.report)
    }
}
