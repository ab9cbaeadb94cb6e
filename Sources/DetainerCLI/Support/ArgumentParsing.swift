import ArgumentParser
import DetainerDomain

/// Instants as people type them: ISO 8601 with a zone (`2026-03-02T14:30:00Z`,
/// `2026-03-02T09:30-05:00`), or a New York wall-clock time without one (`2026-03-02T09:30` or
/// `"2026-03-02 09:30"`). A wall-clock time in the autumn's repeated hour is refused as
/// ambiguous; one in the spring's skipped hour is refused as nonexistent.
enum InstantArgument {
    /// The parsing is shared with the web forms (`InstantInput`); only the error type is the CLI's.
    static func parse(_ text: String, field: String) throws -> UTCInstant {
        do {
            return try InstantInput.parse(text, field: field)
        } catch {
            throw CLIError(.dataError, error.description)
        }
    }
}

enum DateArgument {
    static func parse(_ text: String, field: String) throws -> CivilDate {
        guard let date = CivilDate(parsing: text) else {
            throw CLIError(.dataError, "\(field): \"\(text)\" is not a real calendar date in the form YYYY-MM-DD")
        }
        return date
    }
}

enum IDArgument {
    static func parse(_ text: String, field: String = "id") throws -> Int64 {
        guard let id = Int64(text), id > 0 else { throw CLIError(.dataError, "\(field): \"\(text)\" is not a record id (a positive whole number)") }
        return id
    }
}
