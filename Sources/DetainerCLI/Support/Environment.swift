#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DetainerDomain
import DetainerStore

/// Settings read from the environment.
enum Environment {
    /// Database file when --db is not given.
    static let databaseVariable = "DETAINER_DB"
    /// Acting user when --user is not given.
    static let userVariable = "DETAINER_USER"
    /// Pins "now" (ISO 8601, e.g. 2026-03-01T14:00:00Z) for demos, training and tests.
    static let nowVariable = "DETAINER_NOW"
    /// The default database file, relative to the current directory.
    static let defaultDatabase = "detainer.db"

    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let text = String(cString: raw)
        return text.isEmpty ? nil : text
    }

    static func clock() throws -> Clock {
        guard let text = value(nowVariable) else { return .system }
        guard let instant = UTCInstant(parsing: text) else {
            throw CLIError(.usage, "\(nowVariable)=\(text) is not an ISO 8601 instant with a zone (e.g. 2026-03-01T14:00:00Z)")
        }
        return .fixed(instant)
    }
}
