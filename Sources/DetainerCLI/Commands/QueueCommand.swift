import ArgumentParser
import DetainerDomain
import DetainerStore

struct QueueCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Detainers awaiting review, most urgent first (hold deadline, then time received).",
        discussion: "Overdue items are flagged. Honored detainers whose latest evaluation now says decline are listed too, flagged ATTENTION.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this agency: NYPD, DOC or DOP.") var agency: Agency?
    @Option(help: "Only this engine outcome: permitted, decline, holdPendingWarrant, needsReview.") var outcome: Outcome?
    @Flag(help: "Only detainers past their hold deadline.") var overdue = false

    func execute() throws {
        let db = try database.open(.read)
        let items = try db.queue(QueueFilter(agency: agency, outcome: outcome, overdueOnly: overdue))
        var set = RecordSet(columns: ["id", "agency", "person", "status", "received", "outcome", "reasons", "hold_deadline", "time_left", "flag"])
        for item in items {
            let flag = item.needsAttention ? "ATTENTION" : (item.isOverdue ? "OVERDUE" : "")
            set.append([.int(item.detainerID), .string(item.agency), .string(item.person), .string(item.status.rawValue),
                        .string(item.receivedAt.iso8601),
                        .optional(item.outcome?.rawValue), .string(item.reasons.joined(separator: " ")),
                        .optional(item.holdDeadline?.iso8601),
                        .optional(item.secondsLeft.map(TimeLeft.describe)), .string(flag)])
        }
        try RecordPrinter.print(set, as: output.format, empty: "The review queue is empty.")
        if output.format == .table && !items.isEmpty {
            let overdueCount = items.filter(\.isOverdue).count
            Terminal.out("\(items.count) awaiting action\(overdueCount > 0 ? ", \(overdueCount) OVERDUE" : ""). Times are New York time.")
        }
    }
}

/// Time left before a hold deadline, as the queue shows it. (Not `Duration`: that would hide
/// `Swift.Duration` in this module.)
enum TimeLeft {
    /// "2d 4h", "3h 05m", "OVERDUE 1h 10m".
    static func describe(_ seconds: Int64) -> String {
        let magnitude = abs(seconds)
        let days = magnitude / 86_400, hours = magnitude % 86_400 / 3600, minutes = magnitude % 3600 / 60
        let text = days > 0 ? "\(days)d \(hours)h" : "\(hours)h \(minutes < 10 ? "0" : "")\(minutes)m"
        return seconds < 0 ? "OVERDUE \(text)" : text
    }
}
