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
            transferred detainer enteredInError take effect only when a second supervisor approves; granting the \
            supervisor or admin role and reactivating a user, only when a second admin does. `review`, `status` \
            and `user add|role|reactivate` record such a request as a proposal; another supervisor (or admin) \
            approves it here (the proposer cannot), or rejects it; the proposer may withdraw it with `reject`. \
            Approving an honor after the hold deadline has passed asks for confirmation (a yes on a terminal, else \
            --confirm-after-deadline), as `review` does: the person may no longer be held for ICE.
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
        @Flag(help: "Approve an honor even though the hold deadline has passed (without it, a terminal asks; otherwise the approval is refused).")
        var confirmAfterDeadline = false
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let proposalID = try IDArgument.parse(id)
            let db = try database.open(.write)
            // The service checks the role the proposal needs (supervisor for a detainer, admin for an account).
            let approver = try actor.resolveSelf(in: db)
            let (proposal, effect) = try approveConfirmingLateHonor(ProposalService(db), proposalID: proposalID, by: approver)
            var json = effect.json
            if case .object(var object) = json { object["proposal"] = proposal.json; json = .object(object) }
            output.print(text: "Proposal \(proposal.id) APPROVED by \(approver.name) (proposed by \(proposal.proposedBy)): \(proposal.detainerID.map { "detainer \($0) " } ?? "")\(proposal.act) now in effect.",
                         json: json)
        }

        /// The approval; when it would honor after the hold deadline, the reason is shown and a
        /// terminal asks for "yes" (nothing is written unless the answer is yes), as `review` does.
        private func approveConfirmingLateHonor(_ service: ProposalService, proposalID: Int64, by approver: Actor) throws -> (Proposal, ProposalEffect) {
            do {
                return try service.approve(proposalID: proposalID, note: note, confirmedAfterDeadline: confirmAfterDeadline, by: approver)
            } catch let warning as LateHonorWarning {
                guard Terminal.stdinIsTTY else {
                    throw CLIError(.dataError, "\(warning.description) To approve anyway, repeat with --confirm-after-deadline.")
                }
                guard Terminal.confirmed("\(warning.description)\nApprove the honor anyway?") else {
                    throw CLIError(.dataError, "proposal \(proposalID) left pending")
                }
                return try service.approve(proposalID: proposalID, note: note, confirmedAfterDeadline: true, by: approver)
            }
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
            let user = try actor.resolveSelf(in: db)
            let proposal = try ProposalService(db).reject(proposalID: proposalID, note: note, by: user)
            output.print(text: "Proposal \(proposal.id) \(proposal.state.rawValue.uppercased()) by \(user.name); nothing else changed.",
                         json: proposal.json)
        }
    }
}

/// Proposals as rows (the `proposal list` table and the queue's second table).
enum ProposalTable {
    static func set(_ proposals: [Proposal]) -> RecordSet {
        var set = RecordSet(columns: ["proposal", "detainer", "act", "proposed_by", "proposed_at", "reason", "hold_deadline"])
        for p in proposals {
            set.append([.int(p.id), .optional(p.detainerID), .string(p.act), .string(p.proposedBy), .string(p.proposedAt.iso8601),
                        .string(p.reason), .optional(p.holdDeadline?.iso8601)])
        }
        return set
    }

    /// The sentence `review` and `status` print when the act became a proposal.
    static func proposed(_ proposal: Proposal) -> String {
        "Not yet in effect: \(proposal.act)\(proposal.detainerID.map { " on detainer \($0)" } ?? "") needs a second person. Recorded as proposal \(proposal.id); "
            + "another \(proposal.kind == "user" ? "admin" : "supervisor") approves it with `detainer proposal approve \(proposal.id)` (or rejects it)."
            + (proposal.holdDeadline.map { " It races the hold deadline \($0.newYorkText)." } ?? "")
    }
}
