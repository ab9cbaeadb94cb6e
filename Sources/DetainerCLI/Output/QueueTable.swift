import DetainerDomain
import DetainerStore

/// The queue as people read it in a terminal (issue 25 §3): what needs doing, by when, and why
/// in words, in 80 columns. Long cells wrap onto continuation lines; the received time, status
/// and engine outcome, and the reason codes, stay in `--format csv|json`.
enum QueueTable {
    static let columns = ["id", "agency", "person", "needs", "deadline", "left", "reasons"]

    /// Widths chosen so a row with an id of up to four digits fits 80 terminal columns:
    /// 4 + 6 + 16 + 11 + 10 + 7 + 14, plus two spaces between columns.
    static let wrapAt = ["person": 16, "needs": 11, "deadline": 10, "reasons": 14]

    static func set(_ items: [QueueItem]) -> RecordSet {
        var set = RecordSet(columns: columns)
        for item in items {
            set.append([.int(item.detainerID), .string(item.agency.rawValue), .string(item.person),
                        .string(NeedsText.describe(item.needs)),
                        .string(item.holdDeadline?.newYorkText ?? ""),
                        .string(item.secondsLeft.map(TimeLeft.describe) ?? ""),
                        .string(reasons(item.reasons))])
        }
        return set
    }

    /// Reason codes in a few words each ("no judicial warrant, TSDB search unknown").
    static func reasons(_ codes: [String]) -> String {
        codes.map { ReasonCode(code: $0)?.shortLabel ?? $0 }.joined(separator: ", ")
    }
}
