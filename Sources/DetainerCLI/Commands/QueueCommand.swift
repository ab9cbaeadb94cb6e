import ArgumentParser
import DetainerDomain
import DetainerStore

struct QueueCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Everything that needs action, most urgent first (hold deadline, then time received).",
        discussion: """
            The needs column says what: review (awaiting a supervisor), transfer (honored, ICE must take \
            custody before the deadline), warrant (an NYPD hold awaiting a judicial warrant), attention \
            (honored but the latest evaluation says decline: release), OVERDUE (past the hold deadline), \
            RELEASE-NOW (an NYPD hold past its deadline without a judicial warrant: release, §14-154(b)(2)), \
            release-on-time (the engine says decline: there is no lawful hold, so the countdown runs to the \
            scheduled release, not release + 48 hours), PAST-RELEASE (awaiting a decision after the scheduled \
            release: listed first).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this agency: NYPD, DOC or DOP.") var agency: Agency?
    @Option(help: "Only this engine outcome: permitted, decline, holdPendingWarrant, needsReview.") var outcome: Outcome?
    @Flag(help: "Only detainers past their hold deadline.") var overdue = false

    func execute() throws {
        let db = try database.open(.read)
        let items = try db.queries.queue(QueueFilter(agency: agency, outcome: outcome, overdueOnly: overdue))
        var set = RecordSet(columns: ["id", "agency", "person", "status", "needs", "received", "outcome", "reasons", "hold_deadline", "time_left"])
        for item in items {
            set.append([.int(item.detainerID), .string(item.agency.rawValue), .string(item.person), .string(item.status.rawValue),
                        .string(NeedsText.full(item)),
                        .string(item.receivedAt.iso8601),
                        .optional(item.outcome?.rawValue), .string(item.reasons.joined(separator: " ")),
                        .optional((item.countdown?.at ?? item.holdDeadline)?.iso8601),
                        .optional(item.secondsLeft.map(TimeLeft.describe))])
        }
        if output.format == .table {
            try RecordPrinter.print(QueueTable.set(items), as: .table, empty: "The queue is empty: nothing needs action.", wrapAt: QueueTable.wrapAt)
        } else {
            try RecordPrinter.print(set, as: output.format, empty: "The queue is empty: nothing needs action.")
        }
        if output.format == .table && !items.isEmpty {
            let overdueCount = items.filter(\.isOverdue).count
            Terminal.out("\(items.count) awaiting action\(overdueCount > 0 ? ", \(overdueCount) OVERDUE" : ""). Times are New York time; time left in brackets.")
            let pending = items.filter { $0.searchPending && $0.needs.contains(.review) }.count
            if pending > 0 {
                // Lines within 80 columns, as the table (issue 25 §3).
                Terminal.out("\(pending) with the record search pending: before review, record what the")
                Terminal.out("criminal-history search shows (`conviction add`, `charge add`, or attach the")
                Terminal.out("printout with --kind criminalHistory), or review with --confirm-no-search.")
            }
        }
        // Acts waiting for a second person race the same deadlines (issue 23 §3).
        let proposals = try ProposalService(db).pending().filter { p in
            items.contains { $0.detainerID == p.detainerID } || (agency == nil && outcome == nil && !overdue)
        }
        if output.format == .table && !proposals.isEmpty {
            Terminal.out("\nAwaiting a second person (`detainer proposal approve ID`):")
            try RecordPrinter.print(ProposalTable.set(proposals), as: .table, empty: "")
        }
    }
}

enum NeedsText {
    /// Added to the needs when no criminal-history search is on record (issue 25 §1).
    static let searchPending = "; record search pending"

    /// Everything a row needs, in words: `describe(item)` and the pending search.
    static func full(_ item: QueueItem) -> String {
        describe(item) + (item.searchPending && item.needs.contains(.review) ? searchPending : "")
    }

    /// A queue row's needs, then what its countdown runs to when there is no lawful hold
    /// ("review OVERDUE release-on-time"), and PAST-RELEASE first when a decision is late.
    static func describe(_ item: QueueItem) -> String {
        var words = [describe(item.needs)]
        if item.reviewPastRelease { words.insert("PAST-RELEASE", at: 0) }
        if item.countdown?.kind == .releaseOnTime { words.append("release-on-time") }
        return words.joined(separator: " ")
    }

    /// "review", "transfer OVERDUE": the needs in words, OVERDUE in capitals (printed once per row).
    static func describe(_ needs: [ActionNeed]) -> String {
        needs.map { $0 == .overdue ? "OVERDUE" : ($0 == .release ? "RELEASE-NOW" : $0.rawValue) }.joined(separator: " ")
    }
}

/// Time left before a hold deadline, as the queue shows it. (Not `Duration`: that would hide
/// `Swift.Duration` in this module.)
enum TimeLeft {
    /// "2d 4h", "3h 05m", "-1h 10m" (past the deadline; the needs column says OVERDUE).
    static func describe(_ seconds: Int64) -> String {
        let magnitude = abs(seconds)
        let days = magnitude / 86_400, hours = magnitude % 86_400 / 3600, minutes = magnitude % 3600 / 60
        let text = days > 0 ? "\(days)d \(hours)h" : "\(hours)h \(minutes < 10 ? "0" : "")\(minutes)m"
        return seconds < 0 ? "-\(text)" : text
    }
}
