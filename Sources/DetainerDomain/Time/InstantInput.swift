/// Instants as people type them, for every front end (CLI options, web forms): ISO 8601 with a
/// zone (`2026-03-02T14:30:00Z`, `2026-03-02T09:30-05:00`), or a New York wall-clock time
/// without one (`2026-03-02T09:30`, `"2026-03-02 09:30"`, or a browser's `datetime-local`). A
/// wall-clock time in the autumn's repeated hour is refused as ambiguous; one in the spring's
/// skipped hour as nonexistent.
public enum InstantInput {
    public static func parse(_ text: String, field: String) throws(ValidationIssue) -> UTCInstant {
        // The one reading of New York wall-clock time (WallClockTime), shared with flags and imports.
        switch WallClockTime.parse(text) {
        case .success(let instant): return instant
        case .failure(let failure): throw ValidationIssue(path: field, message: WallClockTime.message(failure, text))
        }
    }
}
