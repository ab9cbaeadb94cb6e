import ArgumentParser
import DetainerDomain
import DetainerStore

struct StatusCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Move a detainer to a new status (lifted, released, transferred, enteredInError…).",
        discussion: """
            received → pendingReview → honored | declined (decisions: use `detainer review`); honored → transferred | \
            released; any open status → lifted | released; any status → enteredInError (with --note; after an honor or a transfer a supervisor must approve it: \
            `detainer proposal`). A release \
            after the hold deadline without a transfer is recorded as such.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The detainer id.") var id: String
    @Option(help: "The new status.") var to: DetainerStatus
    @Option(help: "When it happened (default now): ISO 8601, or a New York time such as \"2026-03-02 09:30\".") var at: String?
    @Option(help: "A note (required for enteredInError).") var note: String?
    @OptionGroup var output: WriteOutputOptions

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let when = try at.map { try InstantArgument.parse($0, field: "at") }
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .changeStatus)
        let change: StatusChange
        do {
            change = try StatusService(db).changeStatus(detainerID: detainerID, to: to, at: when, note: note, by: user)
        } catch is SecondPersonRequired {
            // Nothing was written; the same change becomes a proposal for a supervisor to approve.
            let proposal = try ProposalService(db).propose(detainerID: detainerID, .status(to, at: when, note: note ?? ""), by: user)
            output.print(text: ProposalTable.proposed(proposal), json: proposal.json)
            return
        }
        var line = "Detainer \(change.detainerID): \(change.from.rawValue) → \(change.to.rawValue) at \(change.at.newYorkText)."
        if change.afterDeadline, let deadline = change.holdDeadline {
            line += " Released AFTER the hold deadline (\(deadline.newYorkText)) without a transfer; recorded as such."
        }
        output.print(text: line, json: change.json)
    }
}
