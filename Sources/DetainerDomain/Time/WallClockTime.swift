/// The one reading of New York wall-clock time (issue 13 §8), shared by command-line flags,
/// JSON documents and imports, so the same text is accepted or refused — with the same words —
/// everywhere. A time in the autumn's repeated hour is ambiguous and a time in the spring's
/// skipped hour does not exist: both are refused, never silently shifted, because an instant an
/// hour off moves a hold deadline by an hour.
public enum WallClockTime {
    public enum Failure: Error, Equatable {
        case malformed
        case ambiguous
        case nonexistent
    }

    /// ISO 8601 with a zone (`2026-03-02T14:30:00Z`, `…-05:00`), or a New York wall-clock time
    /// without one (`2026-03-02T09:30`, `2026-03-02 09:30`, seconds optional).
    public static func parse(_ text: String) -> Result<UTCInstant, Failure> {
        if let instant = UTCInstant(parsing: text) { return .success(instant) }
        let normalized = String(text.map { $0 == " " ? "T" : $0 })
        let parts = normalized.split(separator: "T", maxSplits: 1).map(String.init)
        guard parts.count == 2, let date = CivilDate(parsing: parts[0]) else { return .failure(.malformed) }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }),
              parts[1].split(separator: ":").allSatisfy({ $0.count == 2 }) else { return .failure(.malformed) }
        return resolve(date: date, hour: clock[0]!, minute: clock[1]!, second: clock.count == 3 ? clock[2]! : 0)
    }

    /// A wall-clock reading on `date` in New York.
    public static func resolve(date: CivilDate, hour: Int, minute: Int, second: Int) -> Result<UTCInstant, Failure> {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return .failure(.malformed) }
        switch NewYorkTime.resolve(date: date, hour: hour, minute: minute, second: second) {
        case .unique(let instant): return .success(instant)
        case .ambiguous: return .failure(.ambiguous)
        case .nonexistent: return .failure(.nonexistent)
        }
    }

    /// The message for a refused text, the same wherever it was typed.
    public static func message(_ failure: Failure, _ text: String) -> String {
        switch failure {
        case .ambiguous:
            return "\"\(text)\" happens twice in New York (clocks fall back); give the offset, e.g. -04:00 for the first or -05:00 for the second"
        case .nonexistent:
            return "\"\(text)\" does not exist in New York (clocks spring forward an hour); check the time"
        case .malformed:
            return "\"\(text)\" is not a time; use ISO 8601 such as 2026-03-02T14:30:00Z, or a New York time such as \"2026-03-02 09:30\""
        }
    }
}
