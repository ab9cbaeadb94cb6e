import ArgumentParser
import DetainerDomain
import DetainerStore

/// `detainer proposal list|approve|reject`: the second pair of eyes (issue 23 §3).
struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "Acts that wait for a second person: list, approve or reject them.",
        discussion: """
            Honoring a detainer against the engine (a needsReview decided as honor) and marking an honored or \
            transferred detainer enteredInError take effect only when a second person approves. `review` and \
            `status` record such a request as a proposal; another supervisor approves it here (the proposer \
            cannot), or rejects it; the proposer may withdraw it with `reject`.
            """,
        subcommands: [List.self, Approve.self, Reject.self])

    struct List: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Proposals waiting for a second person, the earliest hold deadline first.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func execute() throws {
            let proposals = try ProposalService(try database.open(.read)).pending()
            try RecordPrinter.print(ProposalTable.set(proposals), as: output.format, empty: "No proposal is waiting for a second person.")
        }
    }

    struct Approve: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a proposal: the act takes effect now, in your name (supervisors; not the proposer).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The proposal id.") var id: String
        @Option(help: "A note for the record.") var note: String?
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let proposalID = try IDArgument.parse(id)
            let db = try database.open(.write)
            let supervisor = try actor.resolve(in: db, for: .review)
            let (proposal, effect) = try ProposalService(db).approve(proposalID: proposalID, note: note, by: supervisor)
            var json = effect.json
            if case .object(var object) = json { object["proposal"] = proposal.json; json = .object(object) }
            output.print(text: "Proposal \(proposal.id) APPROVED by \(supervisor.name) (proposed by \(proposal.proposedBy)): detainer \(proposal.detainerID) \(proposal.act) now in effect.",
                         json: json)
        }
    }

    struct Reject: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a proposal (supervisors), or withdraw your own; nothing else changes.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The proposal id.") var id: String
        @Option(help: "Why (required).") var note: String

        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let proposalID = try IDArgument.parse(id)
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .changeStatus)
            let proposal = try ProposalService(db).reject(proposalID: proposalID, note: note, by: user)
            output.print(text: "Proposal \(proposal.id) \(proposal.state.rawValue.uppercased()) by \(user.name); detainer \(proposal.detainerID) is unchanged.",
                         json: proposal.json)
        }
    }
}

/// Proposals as rows (the `proposal list` table and the queue's second table).
enum ProposalTable {
    static func set(_ proposals: [Proposal]) -> RecordSet {
        var set = RecordSet(columns: ["proposal", "detainer", "act", "proposed_by", "proposed_at", "reason", "hold_deadline"])
        for p in proposals {
            set.append([.int(p.id), .int(p.detainerID), .string(p.act), .string(p.proposedBy), .string(p.proposedAt.iso8601),
                        .string(p.reason), .optional(p.holdDeadline?.iso8601)])
        }
        return set
    }

    /// The sentence `review` and `status` print when the act became a proposal.
    static func proposed(_ proposal: Proposal) -> String {
        "Not yet in effect: \(proposal.act) on detainer \(proposal.detainerID) needs a second person. Recorded as proposal \(proposal.id); "
            + "another supervisor approves it with `detainer proposal approve \(proposal.id)` (or rejects it)."
            + (proposal.holdDeadline.map { " It races the hold deadline \($0.newYorkText)." } ?? "")
    }
}
