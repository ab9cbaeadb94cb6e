import DetainerDomain
import DetainerStore

/// `detainer show`'s "WHAT CHANGED" section and the corrections' lines in its timeline.
enum CorrectionPrinter {
    static func printSection(_ corrections: [[String: JSONValue]]) {
        guard !corrections.isEmpty else { return }
        Terminal.out("\nWHAT CHANGED (\(corrections.count))")
        var table = TextTable(columns: ["when", "field", "old → new", "who", "why"])
        for c in corrections {
            table.add([when(c), text(c, "field"), change(c), text(c, "actor"), text(c, "reason")])
        }
        Terminal.outRaw(table.rendered())
    }

    /// Timeline entries (sorted with the others by time; order 4 puts a correction after an event
    /// of the same second).
    static func timelineEvents(_ corrections: [[String: JSONValue]]) -> [(at: String, order: Int, lines: [String])] {
        corrections.map { c in
            (text(c, "corrected_at"), 4, ["correction: \(text(c, "field")) \(change(c)) — \(text(c, "reason"))  [\(text(c, "actor"))]"])
        }
    }

    /// "  (recorded later: …)" when an event was entered well after it happened, so a release
    /// shown before the review that was entered first is visibly a late record, not a reordering.
    static func recordedLater(occurred: String, recorded: String) -> String {
        guard let occurred = UTCInstant(parsing: occurred), let recorded = UTCInstant(parsing: recorded),
              recorded.secondsSinceEpoch - occurred.secondsSinceEpoch > 300 else { return "" }
        return "  (recorded later: \(recorded.newYorkText))"
    }

    private static func text(_ object: [String: JSONValue], _ key: String) -> String { object[key]?.cellText ?? "" }

    private static func change(_ c: [String: JSONValue]) -> String {
        let field = IntakeField(rawValue: text(c, "field")) ?? .name
        func value(_ key: String) -> String {
            if case .string(let raw)? = c[key] { return CorrectionText.value(raw, field) }
            return CorrectionText.value(nil, field)
        }
        return "\(value("old_value")) → \(value("new_value"))"
    }

    private static func when(_ c: [String: JSONValue]) -> String {
        UTCInstant(parsing: text(c, "corrected_at"))?.newYorkText ?? text(c, "corrected_at")
    }
}
