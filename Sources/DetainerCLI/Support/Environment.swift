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
    /// The service's socket when --socket is not given (issue 23 §1).
    static let socketVariable = "DETAINER_SOCKET"
    /// The default database file, relative to the current directory.
    static let defaultDatabase = "detainer.db"

    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let text = String(cString: raw)
        return text.isEmpty ? nil : text
    }

    /// The private signing key file when --signing-key is not given.
    static let signingKeyVariable = "DETAINER_SIGNING_KEY"

    /// The clock for a database of `mode`: a pinned "now" only on a training database.
    static func clock(for mode: DatabaseMode) throws -> Clock {
        if mode == .production, let text = value(nowVariable) {
            throw CLIError(.permission, "\(nowVariable)=\(text) is refused on a production database: the system clock decides when things happen (unset \(nowVariable); pinned clocks are for training databases)")
        }
        return try clock()
    }

    nonisolated(unsafe) private static var announced = false

    /// One line on stderr per process: this is a training database.
    static func announceTraining(_ path: String) {
        guard !announced else { return }
        announced = true
        // A pinned clock is said in New York time with its zone, as people read times (issue 25 §3).
        let pinned = value(nowVariable).flatMap(UTCInstant.init(parsing:)).map { "; the clock is pinned at \($0.newYorkText) (\(nowVariable))" } ?? ""
        Terminal.err("TRAINING database \(path): names are declared, not verified, and nothing here is an official record\(pinned)")
    }

    static func clock() throws -> Clock {
        guard let text = value(nowVariable) else { return .system }
        guard let instant = UTCInstant(parsing: text) else {
            throw CLIError(.usage, "\(nowVariable)=\(text) is not an ISO 8601 instant with a zone (e.g. 2026-03-01T14:00:00Z)")
        }
        return .fixed(instant)
    }
}
