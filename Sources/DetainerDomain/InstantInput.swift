/// Instants as people type them, for every front end (CLI options, web forms): ISO 8601 with a
/// zone (`2026-03-02T14:30:00Z`, `2026-03-02T09:30-05:00`), or a New York wall-clock time
/// without one (`2026-03-02T09:30`, `"2026-03-02 09:30"`, or a browser's `datetime-local`). A
/// wall-clock time in the autumn's repeated hour is refused as ambiguous; one in the spring's
/// skipped hour as nonexistent.
public enum InstantInput {
    public static func parse(_ text: String, field: String) throws(ValidationIssue) -> UTCInstant {
        if let instant = UTCInstant(parsing: text) { return instant }
        let normalized = String(text.map { $0 == " " ? "T" : $0 })
        let parts = normalized.split(separator: "T", maxSplits: 1).map(String.init)
        if parts.count == 2, let date = CivilDate(parsing: parts[0]) {
            let clock = parts[1].split(separator: ":").map { Int($0) }
            if (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }) {
                let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
                if (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) {
                    switch NewYorkTime.resolve(date: date, hour: hour, minute: minute, second: second) {
                    case .unique(let instant): return instant
                    case .ambiguous:
                        throw ValidationIssue(path: field, message: "\(text) happens twice in New York (clocks fall back); add the offset, e.g. \(parts[0])T\(parts[1])-04:00 or -05:00")
                    case .nonexistent:
                        throw ValidationIssue(path: field, message: "\(text) does not exist in New York (clocks spring forward)")
                    }
                }
            }
        }
        throw ValidationIssue(path: field, message: "\"\(text)\" is not a time; use ISO 8601 such as 2026-03-02T14:30:00Z, or a New York time such as \"2026-03-02 09:30\"")
    }
}

extension InstantInput {
    /// For request fields that carry an instant as text: a New York time becomes its UTC
    /// ISO 8601 form; anything unparseable is passed through unchanged so the validator reports
    /// it with its field name.
    public static func canonical(_ text: String) -> String {
        (try? parse(text, field: "time"))?.description ?? text
    }
}
