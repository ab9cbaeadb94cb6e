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
    @Option(help: "Only this agency: NYPD or DOC.") var agency: String?
    @Option(help: "Only this engine outcome: permitted, decline, holdPendingWarrant, needsReview.") var outcome: Outcome?
    @Flag(help: "Only detainers past their hold deadline.") var overdue = false

    func execute() throws {
        if let agency, !["NYPD", "DOC", "DOP"].contains(agency) {
            throw CLIError(.dataError, "agency: unknown value \"\(agency)\" (expected NYPD, DOC or DOP)")
        }
        let db = try database.open(.read)
        let items = try db.queue(QueueFilter(agency: agency, outcome: outcome, overdueOnly: overdue))
        var set = RecordSet(columns: ["id", "agency", "person", "status", "received", "outcome", "reasons", "hold_deadline", "time_left", "flag"])
        for item in items {
            let flag = item.needsAttention ? "ATTENTION" : (item.isOverdue ? "OVERDUE" : "")
            set.append([.int(item.detainerID), .string(item.agency), .string(item.person), .string(item.status.rawValue),
                        .string(output.format == .table ? NewYorkTime.localDateTime(at: item.receivedAt).short : item.receivedAt.iso8601),
                        .optional(item.outcome?.rawValue), .string(item.reasons.joined(separator: " ")),
                        .optional(item.holdDeadline.map { output.format == .table ? NewYorkTime.localDateTime(at: $0).short : $0.iso8601 }),
                        .optional(item.secondsLeft.map(Duration.describe)), .string(flag)])
        }
        RecordPrinter.print(set, as: output.format, empty: "The review queue is empty.")
        if output.format == .table && !items.isEmpty {
            let overdueCount = items.filter(\.isOverdue).count
            Terminal.out("\(items.count) awaiting action\(overdueCount > 0 ? ", \(overdueCount) OVERDUE" : ""). Times are New York time.")
        }
    }
}

extension LocalDateTime {
    /// "2026-03-02 09:30 EST", for tables.
    var short: String {
        let text = description
        let clock = text.dropFirst(11).prefix(5)
        return "\(date) \(clock) \(isDaylightTime ? "EDT" : "EST")"
    }
}

enum Duration {
    /// "2d 4h", "3h 05m", "OVERDUE 1h 10m".
    static func describe(_ seconds: Int64) -> String {
        let magnitude = abs(seconds)
        let days = magnitude / 86_400, hours = magnitude % 86_400 / 3600, minutes = magnitude % 3600 / 60
        let text = days > 0 ? "\(days)d \(hours)h" : "\(hours)h \(minutes < 10 ? "0" : "")\(minutes)m"
        return seconds < 0 ? "OVERDUE \(text)" : text
    }
}
