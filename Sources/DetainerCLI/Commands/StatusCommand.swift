import ArgumentParser
import DetainerDomain
import DetainerStore

struct StatusCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Move a detainer to a new status (lifted, released, transferred, enteredInError…).",
        discussion: """
            received → pendingReview → honored | declined (decisions: use `detainer review`); honored → held (kept past \
            the time of release; --at is when the hold began) ; honored | held → transferred | released; any open \
            status → lifted | released; any status → enteredInError (with --note; after an honor, a hold or a transfer a \
            supervisor must approve it: `detainer proposal`). Releasing a held person needs \
            --cause (holdExpired, iceDisavowed, courtOrder, other); a lift of a held detainer is iceDisavowed unless \
            --cause says otherwise. A transfer or release after the hold deadline is recorded as such (and said so).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The detainer id.") var id: String
    @Option(help: "The new status: \(DetainerStatus.allCases.map(\.rawValue).joined(separator: ", ")).") var to: String
    @Option(help: "When it happened (default now): ISO 8601, or a New York time such as \"2026-03-02 09:30\".") var at: String?
    @Option(help: "A note (required for enteredInError).") var note: String?
    @Option(help: "Why a hold ended, on a release or lift: holdExpired, iceDisavowed, courtOrder or other.") var cause: String?
    @OptionGroup var output: WriteOutputOptions

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        // The one status request (issue 26 §4): the API, the form and these options are read and
        // checked by the same validator; its field paths are these options' names.
        let request = try StatusChangeInput(to: to, at: at, note: note, cause: cause).validated()
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .changeStatus)
        let change: StatusChange
        do {
            change = try StatusService(db).changeStatus(detainerID: detainerID, to: request.to, at: request.at, note: request.note,
                                                        cause: request.cause, by: user)
        } catch is SecondPersonRequired {
            // Nothing was written; the same change becomes a proposal for a supervisor to approve.
            let proposal = try ProposalService(db).propose(detainerID: detainerID, .status(request.to, at: request.at, note: request.note ?? ""), by: user)
            output.print(text: ProposalTable.proposed(proposal), json: proposal.json)
            return
        }
        var line = "Detainer \(change.detainerID): \(change.from.plainLabel) → \(change.to.plainLabel) at \(change.at.newYorkText)."
        if change.afterDeadline, let deadline = change.holdDeadline {
            line += " " + DeadlineText.lateEnd(to: change.to, deadline: deadline)
        }
        if change.to == .held, let deadline = change.holdDeadline {
            line += " Hold deadline \(deadline.newYorkText) (48 hours excluding Saturdays, Sundays and holidays, 8 CFR 287.7(d))."
        }
        if let cause = request.cause {
            line += " Cause: \(cause.rawValue)."
            if cause == .holdExpired, change.from == .held, let deadline = change.holdDeadline, change.at < deadline {
                Terminal.err("warning: the hold ended \(change.at.newYorkText), before its 48-hour deadline \(deadline.newYorkText) (Saturdays, Sundays and holidays excluded); recorded as holdExpired as given — check the cause.")
            }
        }
        output.print(text: line, json: change.json)
    }
}
