import ArgumentParser
import DetainerDomain

/// Instants as people type them: ISO 8601 with a zone (`2026-03-02T14:30:00Z`,
/// `2026-03-02T09:30-05:00`), or a New York wall-clock time without one (`2026-03-02T09:30` or
/// `"2026-03-02 09:30"`). A wall-clock time in the autumn's repeated hour is refused as
/// ambiguous; one in the spring's skipped hour is refused as nonexistent.
enum InstantArgument {
    /// The parsing is shared with the web forms (`InstantInput`); only the error type is the CLI's.
    static func parse(_ text: String, field: String) throws -> UTCInstant {
        switch WallClockTime.parse(text) {
        case .success(let instant): return instant
        case .failure(let failure): throw CLIError(.dataError, "\(field): \(WallClockTime.message(failure, text))")
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

/// `--from` / `--to` on every command: a day (`YYYY-MM-DD`) or a whole month (`YYYY-MM`: from its
/// first day, to its last), New York dates.
enum DateRangeArgument {
    static func parse(from: String?, to: String?) throws -> (from: CivilDate?, to: CivilDate?) {
        let start = try from.map { try bound($0, field: "from", end: false) }
        let end = try to.map { try bound($0, field: "to", end: true) }
        if let start, let end, start > end { throw CLIError(.dataError, "from: \(start) is after to \(end)") }
        return (start, end)
    }

    static func bound(_ text: String, field: String, end: Bool) throws -> CivilDate {
        if let date = CivilDate(parsing: text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
           let first = CivilDate(year: year, month: month, day: 1) {
            return end ? CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))! : first
        }
        throw CLIError(.dataError, "\(field): \"\(text)\" is not a day (YYYY-MM-DD) or a month (YYYY-MM)")
    }

    /// The month a bound falls in, "YYYY-MM" (for the monthly report, which counts whole months).
    static func month(_ text: String, field: String) throws -> String {
        let date = try bound(text, field: field, end: false)
        return String(date.description.prefix(7))
    }
}

enum IDArgument {
    static func parse(_ text: String, field: String = "id") throws -> Int64 {
        guard let id = Int64(text), id > 0 else { throw CLIError(.dataError, "\(field): \"\(text)\" is not a record id (a positive whole number)") }
        return id
    }
}
