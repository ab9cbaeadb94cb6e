import ArgumentParser
import DetainerDomain
import DetainerStore

struct ContactCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Record a communication with ICE about a detainer.",
        discussion: """
            Kinds: detainer, warrant, releaseNotification, informationRequest, informationResponse, withdrawal, transfer, \
            other. Information requests and responses need --info-type (incarcerationStatus, releaseDate, courtDate, \
            appointment, other); a response names its request with --in-reply-to and says with --outcome whether the \
            information was provided or declined (only provided responses count as honoring a request). A warrant ICE presents after the \
            detainer (--kind warrant --warrant judicial --warrant-issuer …) updates the detainer and re-evaluates it.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The detainer id.") var id: String
    @Option(help: "in (from ICE) or out (to ICE).") var direction: ContactDirection
    @Option(help: "What kind of contact.") var kind: ContactKind
    @Option(help: "What was said or sent.") var summary: String
    @Option(help: "When (default now; ISO 8601 or New York time).") var at: String?
    @Option(help: "For information requests and responses: what was asked about.") var infoType: InformationType?
    @Option(help: "The information request (contact id) this responds to.") var inReplyTo: Int64?
    @Flag(help: "This response facilitated a transfer to ICE.") var facilitatedTransfer = false
    @Option(help: "For an information response: provided (the information was given) or declined.") var outcome: ResponseOutcome?
    @Option(help: "For --kind warrant: judicial or administrative.") var warrant: WarrantKind?
    @Option(help: "For --kind warrant: who signed it.") var warrantIssuer: String?
    @Option(help: "For --kind warrant: its date, YYYY-MM-DD.") var warrantDate: String?
    @OptionGroup var output: WriteOutputOptions

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        var request = ContactRequest(
            direction: direction, kind: kind, summary: summary, at: try at.map { try InstantArgument.parse($0, field: "at") },
            informationType: infoType, inReplyTo: inReplyTo, facilitatedTransfer: facilitatedTransfer, warrant: warrant,
            warrantIssuer: warrantIssuer, warrantDate: try warrantDate.map { try DateArgument.parse($0, field: "warrant-date") })
        request.responseOutcome = outcome
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .recordContact)
        let result = try StatusService(db).recordContact(detainerID: detainerID, request, by: user)
        if output.format == .json {
            Terminal.out(result.json(detainerID: detainerID).prettySerialized)
            return
        }
        Terminal.out("Contact \(result.contactID) recorded on detainer \(detainerID).")
        if let evaluation = result.evaluation {
            Terminal.out("Re-evaluated: \(evaluation.report.outcome.plainLabel) under \(evaluation.report.ruleVersion).")
            EvaluationPrinter.printReasons(evaluation.report)
        }
    }
}
