import ArgumentParser
import DetainerDomain
import DetainerStore

struct ReviewCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Approve the engine's outcome, or decide (with a reason). Supervisors only.",
        discussion: """
            --approve accepts the engine's outcome. --decide honor|decline overrides it and needs --reason; a \
            needsReview outcome can only be decided this way. Honoring is refused when the engine's outcome is \
            decline: the law forbids it; correct the facts and run `detainer evaluate ID` instead. Honoring a \
            needsReview needs a second supervisor: it is recorded as a proposal (`detainer proposal`). \
            When no criminal-history search is on record (no conviction, pending charge or criminal-history \
            printout; the queue says "record search pending"), the review is refused unless --confirm-no-search \
            is given: record what the search shows first. Honoring after the hold deadline has passed asks for \
            confirmation (a yes on a terminal, else --confirm-after-deadline): the person may no longer be held for ICE.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The detainer id.") var id: String
    @Flag(help: "Accept the engine's outcome.") var approve = false
    @Option(help: "Decide: honor or decline.") var decide: String?
    @Option(help: "Why (required with --decide).") var reason: String?
    @Flag(help: "Review although no criminal-history search is on record (kept in the audit entry).") var confirmNoSearch = false
    @Flag(help: "Honor even though the hold deadline has passed (without it, a terminal asks; otherwise the honor is refused).")
    var confirmAfterDeadline = false
    @OptionGroup var output: WriteOutputOptions

    /// The review request's `decision` is `--decide`, its `action` the choice of --approve or --decide.
    func option(forField path: String) -> String? {
        switch path {
        case ReviewInput.Field.decision: "--decide"
        case ReviewInput.Field.action: "--approve or --decide"
        default: nil
        }
    }

    func validate() throws {
        if approve == (decide != nil) { throw ValidationError("give exactly one of --approve or --decide honor|decline") }
        if decide != nil, reason == nil { throw ValidationError("--decide needs --reason TEXT") }
    }

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let db = try database.open(.write)
        let supervisor = try actor.resolve(in: db, for: .review)
        // The one review request (issue 26 §4), read and checked as the API's and the form's are.
        let request = try ReviewInput(action: approve ? "approve" : "decide", decision: decide, reason: reason).validated()
        let proposedDecision: Decision = { if case .decide(let decision, _) = request { return decision }; return .honor }()
        let result: ReviewResult
        do {
            result = try reviewConfirmingLateHonor(ReviewService(db), detainerID: detainerID, request, by: supervisor)
        } catch is SecondPersonRequired {
            // Nothing was written; the same request becomes a proposal for a second supervisor.
            let proposal = try ProposalService(db).propose(detainerID: detainerID, .review(proposedDecision, reason: reason ?? ""), by: supervisor)
            output.print(text: ProposalTable.proposed(proposal), json: proposal.json)
            return
        }
        let verb = result.decision == .honor ? "HONORED" : "DECLINED"
        let how = result.isOverride ? "overriding the engine's \(result.engineOutcome.rawValue)" : "as the engine found (\(result.engineOutcome.rawValue))"
        output.print(text: "Detainer \(result.detainerID) \(verb), \(how); basis \(result.basis). Review \(result.reviewID) recorded.",
                     json: result.json)
    }

    /// The review; when it would honor after the hold deadline, the reason is shown and a
    /// terminal asks for "yes" (nothing is written unless the answer is yes).
    private func reviewConfirmingLateHonor(_ service: ReviewService, detainerID: Int64, _ request: ReviewRequest, by supervisor: Actor) throws -> ReviewResult {
        do {
            return try service.review(detainerID: detainerID, request, confirmedWithoutSearch: confirmNoSearch, confirmedAfterDeadline: confirmAfterDeadline, by: supervisor)
        } catch let warning as LateHonorWarning {
            guard Terminal.stdinIsTTY else {
                throw CLIError(.dataError, "\(warning.description) To honor anyway, repeat with --confirm-after-deadline.")
            }
            guard Terminal.confirmed("\(warning.description)\nHonor anyway?") else {
                throw CLIError(.dataError, "detainer \(detainerID) left unchanged")
            }
            return try service.review(detainerID: detainerID, request, confirmedWithoutSearch: confirmNoSearch, confirmedAfterDeadline: true, by: supervisor)
        }
    }
}
