import DetainerDomain
import DetainerStore

/// The one rule for showing times (README, "Times"): tables and messages use New York local time
/// with its zone, "2026-11-29 10:00 EST"; JSON and CSV keep ISO 8601 UTC, "2026-11-29T15:00:00Z",
/// which sorts and parses everywhere.
enum TimeText {
    /// "2026-11-29 10:00 EST".
    static func local(_ instant: UTCInstant) -> String {
        instant.newYorkText
    }

    /// A table cell: a stored UTC instant (`YYYY-MM-DDTHH:MM:SSZ`) is shown in New York time;
    /// anything else is left as it is.
    static func tableCell(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count == 20, utf8.last == UInt8(ascii: "Z"), utf8.dropFirst(10).first == UInt8(ascii: "T"),
              let instant = UTCInstant(parsing: text) else { return text }
        return local(instant)
    }
}
