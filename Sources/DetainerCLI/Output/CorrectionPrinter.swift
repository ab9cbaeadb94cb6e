import DetainerDomain
import DetainerStore

/// `detainer show`'s "WHAT CHANGED" section and the corrections' lines in its timeline.
enum CorrectionPrinter {
    static func printSection(_ corrections: [WithActor<CorrectionRecord>]) {
        guard !corrections.isEmpty else { return }
        Terminal.out("\nWHAT CHANGED (\(corrections.count))")
        var table = TextTable(columns: ["when", "field", "old → new", "who", "why"])
        for entry in corrections {
            let c = entry.record
            table.add([c.correctedAt.newYorkText, c.field.rawValue, TimelineText.change(c), entry.actor, c.reason])
        }
        Terminal.outRaw(table.rendered())
    }
}
