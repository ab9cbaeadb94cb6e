import ArgumentParser
import DetainerDomain
import DetainerStore

struct ContactCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Record a communication with ICE about a detainer, or about a person with no detainer (--person, --agency).",
        discussion: """
            Kinds: detainer, warrant, releaseNotification, informationRequest, informationResponse, withdrawal, transfer, \
            other. Information requests and responses need --info-type (incarcerationStatus, releaseDate, courtDate, \
            appointment, other); a response names its request with --in-reply-to and says with --outcome whether the \
            information was provided or declined (only provided responses count as honoring a request); \
            `--in-reply-to latest` names the detainer's newest information request. A warrant ICE presents after the \
            detainer (--kind warrant --warrant judicial --warrant-issuer …) updates the detainer and re-evaluates it. \
            A request about a person in custody with no detainer: omit the detainer id and give --person (id, NYSID \
            or A-number) and --agency. --facilitated-transfer is refused unless the person was transferred to ICE. A \
            DOC response that provides information about a person §9-131(h) protects (no violent or serious \
            conviction and no TSDB match, or not known) is refused unless --confirm-despite-9-131h is given.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The detainer id (omit with --person).") var id: String?
    @Option(help: "The person a request is about when there is no detainer: record id, NYSID or A-number.") var person: String?
    @Option(help: "With --person: the agency ICE asked (NYPD, DOC or DOP).") var agency: Agency?
    @Flag(name: .customLong("confirm-despite-9-131h"), help: "Record a provided DOC response §9-131(h) would forbid, because it is unrelated to civil immigration enforcement or required by law (say which in --summary).")
    var confirmDespite9131h = false
    @Option(help: "in (from ICE) or out (to ICE).") var direction: ContactDirection
    @Option(help: "What kind of contact.") var kind: ContactKind
    @Option(help: "What was said or sent.") var summary: String
    @Option(help: "When (default now; ISO 8601 or New York time).") var at: String?
    @Option(help: "For information requests and responses: what was asked about.") var infoType: InformationType?
    @Option(help: "The information request this responds to: its contact number, or latest (the detainer's newest request).") var inReplyTo: String?
    @Flag(help: "This response facilitated a transfer to ICE.") var facilitatedTransfer = false
    @Option(help: "For an information response: provided (the information was given) or declined.") var outcome: ResponseOutcome?
    @Option(help: "For --kind warrant: judicial or administrative.") var warrant: WarrantKind?
    @Option(help: "For --kind warrant: who signed it.") var warrantIssuer: String?
    @Option(help: "For --kind warrant: its date, YYYY-MM-DD.") var warrantDate: String?
    @OptionGroup var output: WriteOutputOptions

    func execute() throws {
        if id != nil, person != nil { throw ValidationError("give a detainer id or --person, not both") }
        if id == nil, person == nil { throw ValidationError("give the detainer id, or --person and --agency for a person with no detainer") }
        if person != nil, agency == nil { throw ValidationError("--person needs --agency (NYPD, DOC or DOP)") }
        if id != nil, agency != nil { throw ValidationError("--agency goes with --person; a detainer's contact takes the detainer's agency") }
        let db = try database.open(.write)
        var request = ContactRequest(
            direction: direction, kind: kind, summary: summary, at: try at.map { try InstantArgument.parse($0, field: "at") },
            informationType: infoType, inReplyTo: try inReplyTo.map { try replyTarget($0, db: db) }, facilitatedTransfer: facilitatedTransfer, warrant: warrant,
            warrantIssuer: warrantIssuer, warrantDate: try warrantDate.map { try DateArgument.parse($0, field: "warrant-date") })
        request.responseOutcome = outcome
        request.confirmDespite9131h = confirmDespite9131h
        let user = try actor.resolve(in: db, for: .recordContact)
        guard let id else {
            let result = try StatusService(db).recordPersonContact(person: person!, agency: agency!, request, by: user)
            if output.format == .json {
                Terminal.out(JSONValue.object(["contactID": .int(result.contactID), "person": .string(person!), "agency": .string(agency!.rawValue)]).prettySerialized)
            } else {
                Terminal.out("Contact \(result.contactID) recorded about person \(person!) (\(agency!.rawValue), no detainer).")
            }
            return
        }
        let detainerID = try IDArgument.parse(id)
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

    /// A contact number, or `latest`: the detainer's newest information request.
    private func replyTarget(_ text: String, db: DetainerDatabase) throws -> Int64 {
        guard text.lowercased() == "latest" else {
            guard let number = Int64(text), number > 0 else {
                throw CLIError(.dataError, "--in-reply-to: \"\(text)\" is not a contact number or latest")
            }
            return number
        }
        guard let id, let detainerID = Int64(id) else {
            throw CLIError(.usage, "--in-reply-to latest names a detainer's newest request: give the detainer id, or the request's contact number")
        }
        guard let latest = try db.queries.latestInformationRequest(detainerID: detainerID) else {
            throw CLIError(.dataError, "--in-reply-to: detainer \(detainerID) has no information request to answer")
        }
        return latest
    }
}
