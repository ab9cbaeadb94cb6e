import DetainerDomain
#if canImport(Glibc)
import Glibc
#endif

/// Where "now" comes from. Records store instants to the whole second, in UTC.
///
/// `DETAINER_NOW` (an ISO 8601 instant) pins the clock: the demo uses it to build a
/// reproducible month, and tests use it to cross deadlines without waiting. It is read once
/// per process by the CLI, never by the store itself.
public struct Clock: Sendable {
    private let fixed: UTCInstant?

    public static let system = Clock(fixed: nil)

    public static func fixed(_ instant: UTCInstant) -> Clock { Clock(fixed: instant) }

    public func now() -> UTCInstant {
        if let fixed { return fixed }
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UTCInstant(secondsSinceEpoch: Int64(spec.tv_sec))
    }
}

extension UTCInstant {
    /// The stored form: `YYYY-MM-DDTHH:MM:SSZ`, whole seconds (fractions are dropped, not rounded).
    public var iso8601: String {
        UTCInstant(secondsSinceEpoch: secondsSinceEpoch).description
    }

    /// The America/New_York calendar date, as stored in *_on columns.
    public var newYorkDate: CivilDate { NewYorkTime.localDate(at: self) }
}
