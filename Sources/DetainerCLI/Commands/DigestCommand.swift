import ArgumentParser
import DetainerDomain
import DetainerStore

/// `detainer digest`: what is due, for cron to mail (issue 25 §2). Reads only; the same lists as
/// the web home page (`DeadlineDigest`), at the database clock's "now".
struct DigestCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "What is due: past release or deadline, due in the next 24 hours, today's intakes, acts awaiting a second person.",
        discussion: """
            For cron: cron mails what a job prints, so with --only-if-due a day with nothing due sends nothing. \
            A decline's countdown runs to the scheduled release (no lawful hold); every other detainer's to its \
            hold deadline. Times are New York time; --format json gives ISO UTC for scripts.
            """)

    enum DigestFormat: String, CaseInsensitiveArgument { case text, json }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output: text (default) or json.") var format: DigestFormat = .text
    @Option(help: "The window in hours, 1 to 168 (default 24).") var hours: Int = DueWindow.standardHours
    @Flag(help: "Print nothing when nothing is past due, due within the window, or awaiting a second person.") var onlyIfDue = false

    func validate() throws {
        guard (1...168).contains(hours) else { throw ValidationError("--hours must be 1 to 168 (got \(hours))") }
    }

    func execute() throws {
        let digest = try database.open(.read).queries.deadlineDigest(hours: hours)
        if onlyIfDue && digest.nothingDue { return }
        if format == .json {
            Terminal.out(digest.json.prettySerialized)
            return
        }
        DigestPrinter.print(digest)
    }
}

enum DigestPrinter {
    static func print(_ digest: DeadlineDigest) {
        let now = digest.now
        Terminal.out("Deadline digest at \(now.newYorkText) (window: the next \(digest.hours) hours)")
        func items(_ title: String, _ list: [QueueItem], empty: String) {
            Terminal.out("\n\(title) (\(list.count))")
            if list.isEmpty { Terminal.out("  \(empty)") }
            for item in list {
                var due = "no release time"
                if let countdown = item.countdown {
                    let seconds = countdown.secondsLeft(now: now)
                    due = "\(countdown.kind.label) \(countdown.at.newYorkText) (\(seconds < 0 ? "OVERDUE by \(TimeLeft.describe(-seconds))" : "in \(TimeLeft.describe(seconds))"))"
                }
                Terminal.out("  #\(item.detainerID)  \(item.agency.rawValue)  \(item.person)  \(item.status.plainLabel)  \(NeedsText.describe(item))  \(due)")
            }
        }
        items("PAST RELEASE OR DEADLINE: act now", digest.past, empty: "none")
        items("DUE IN THE NEXT \(digest.hours) HOURS", digest.dueSoon, empty: "none")
        Terminal.out("\nAWAITING A SECOND PERSON (\(digest.proposals.count))")
        if digest.proposals.isEmpty { Terminal.out("  none") }
        for p in digest.proposals {
            let subject = p.detainerID.map { "detainer \($0)" } ?? "an account"
            Terminal.out("  proposal \(p.id) on \(subject): \(p.act), proposed by \(p.proposedBy) \(p.proposedAt.newYorkText)"
                         + (p.holdDeadline.map { "; races \($0.newYorkText)" } ?? ""))
        }
        Terminal.out("\nTODAY'S INTAKES (\(digest.today), \(digest.intakesToday.count))")
        if digest.intakesToday.isEmpty { Terminal.out("  none") }
        for i in digest.intakesToday {
            Terminal.out("  #\(i.detainerID)  \(i.agency)  \(i.person ?? "?")  \(i.status.plainLabel)  received \(i.receivedAt.newYorkText)  \(i.outcome.map { "engine: \($0.plainLabel)" } ?? "not evaluated")")
        }
        if digest.truncated { Terminal.out("\nSome lists were cut at \(DeadlineDigest.limit) rows: see `detainer queue` for all.") }
    }
}
