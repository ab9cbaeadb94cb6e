import DetainerDomain
import DetainerStore

/// The queue as people read it in a terminal (issue 25 §3): what needs doing, by when, and why
/// in words, in 80 columns. Long cells wrap onto continuation lines; the received time, status
/// and engine outcome, and the reason codes, stay in `--format csv|json`.
enum QueueTable {
    static let columns = ["id", "agency", "person", "needs", "deadline", "reasons"]

    /// Widths chosen so a row with an id of up to four digits fits 80 terminal columns:
    /// 4 + 6 + 16 + 16 ("transfer OVERDUE" on one line) + 10 + 18, plus two spaces between columns.
    static let wrapAt = ["person": 16, "needs": 16, "deadline": 10, "reasons": 18]

    static func set(_ items: [QueueItem]) -> RecordSet {
        var set = RecordSet(columns: columns)
        for item in items {
            set.append([.int(item.detainerID), .string(item.agency.rawValue), .string(item.person),
                        .string(NeedsText.full(item)),
                        .string(deadline(item)),
                        .string(reasons(item.reasons))])
        }
        return set
    }

    /// "2026-03-09 10:00 EDT (6d 23h)": the deadline in New York time, the time left in brackets
    /// (wrapped at the column's width: date, time and zone, time left).
    static func deadline(_ item: QueueItem) -> String {
        guard let deadline = item.holdDeadline else { return "" }
        return deadline.newYorkText + (item.secondsLeft.map { " (\(TimeLeft.describe($0)))" } ?? "")
    }

    /// Reason codes in a few words each ("no judicial warrant, TSDB search unknown").
    static func reasons(_ codes: [String]) -> String {
        codes.map { ReasonCode(code: $0)?.shortLabel ?? $0 }.joined(separator: ", ")
    }
}
