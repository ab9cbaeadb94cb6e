import DetainerDomain
import DetainerStore

/// `detainer show`'s "WHAT CHANGED" section and the corrections' lines in its timeline.
enum CorrectionPrinter {
    static func printSection(_ corrections: [[String: JSONValue]]) {
        guard !corrections.isEmpty else { return }
        Terminal.out("\nWHAT CHANGED (\(corrections.count))")
        var table = TextTable(columns: ["when", "field", "old → new", "who", "why"])
        for c in corrections {
            table.add([when(c), text(c, "field"), TimelineText.change(c), text(c, "actor"), text(c, "reason")])
        }
        Terminal.outRaw(table.rendered())
    }

    private static func text(_ object: [String: JSONValue], _ key: String) -> String { object[key]?.cellText ?? "" }

    private static func when(_ c: [String: JSONValue]) -> String {
        UTCInstant(parsing: text(c, "corrected_at"))?.newYorkText ?? text(c, "corrected_at")
    }
}
