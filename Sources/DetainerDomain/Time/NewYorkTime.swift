/// America/New_York wall-clock time computed from the US daylight-saving rules, without a tz database.
///
/// Rules encoded (as in the IANA `US` rules):
/// - 2007 onward (Energy Policy Act of 2005): second Sunday of March 02:00 EST → first Sunday of
///   November 02:00 EDT.
/// - 1987–2006: first Sunday of April → last Sunday of October.
/// - 1967–1986: last Sunday of April → last Sunday of October, except the energy-crisis years
///   1974 (from January 6) and 1975 (from February 23).
/// - Before 1967 the same April/October rule is applied as an approximation (New York's local
///   pre-1967 practice is not encoded); no decision in this project depends on such instants.
/// Standard offset is UTC−5 (EST), daylight UTC−4 (EDT).
public enum NewYorkTime {
    public static let standardOffsetSeconds = -5 * 3600
    public static let daylightOffsetSeconds = -4 * 3600

    /// The local dates on which daylight time starts and ends in `year`.
    public static func daylightSavingDates(year: Int) -> (start: CivilDate, end: CivilDate) {
        if year >= 2007 {
            return (nthWeekday(.sunday, 2, month: 3, year: year), nthWeekday(.sunday, 1, month: 11, year: year))
        }
        if year >= 1987 {
            return (nthWeekday(.sunday, 1, month: 4, year: year), lastWeekday(.sunday, month: 10, year: year))
        }
        let end = lastWeekday(.sunday, month: 10, year: year)
        if year == 1974 { return (CivilDate(year: 1974, month: 1, day: 6)!, end) }
        if year == 1975 { return (CivilDate(year: 1975, month: 2, day: 23)!, end) }
        return (lastWeekday(.sunday, month: 4, year: year), end)
    }

    /// Daylight time runs from 02:00 EST (07:00 UTC) on the start date to 02:00 EDT (06:00 UTC)
    /// on the end date.
    static func daylightInterval(year: Int) -> (start: Int64, end: Int64) {
        let dates = daylightSavingDates(year: year)
        return (Int64(dates.start.dayNumber) * 86_400 + 7 * 3600, Int64(dates.end.dayNumber) * 86_400 + 6 * 3600)
    }

    /// The UTC offset in force at `instant`, in seconds.
    public static func offsetSeconds(at instant: UTCInstant) -> Int {
        let seconds = instant.secondsSinceEpoch
        // The UTC year is the right year to look up: both transitions are far from New Year.
        let interval = daylightInterval(year: instant.utcDate.year)
        return seconds >= interval.start && seconds < interval.end ? daylightOffsetSeconds : standardOffsetSeconds
    }

    public static func isDaylightTime(at instant: UTCInstant) -> Bool {
        offsetSeconds(at: instant) == daylightOffsetSeconds
    }

    public static func localDateTime(at instant: UTCInstant) -> LocalDateTime {
        let offset = offsetSeconds(at: instant)
        let shifted = instant.adding(seconds: Int64(offset))
        let secondOfDay = shifted.utcSecondOfDay
        return LocalDateTime(
            date: shifted.utcDate, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60, nanoseconds: instant.nanoseconds, utcOffsetSeconds: offset)
    }

    public static func localDate(at instant: UTCInstant) -> CivilDate {
        instant.adding(seconds: Int64(offsetSeconds(at: instant))).utcDate
    }

    /// Maps a wall-clock reading back to UTC. Readings in the spring-forward gap do not exist;
    /// readings in the fall-back hour happen twice.
    public static func resolve(
        date: CivilDate, hour: Int, minute: Int, second: Int = 0, nanoseconds: Int32 = 0
    ) -> LocalTimeResolution {
        let wall = UTCInstant(date: date, hour: hour, minute: minute, second: second, nanoseconds: nanoseconds)
        let asStandard = wall.adding(seconds: Int64(-standardOffsetSeconds))
        let asDaylight = wall.adding(seconds: Int64(-daylightOffsetSeconds))
        let standardValid = offsetSeconds(at: asStandard) == standardOffsetSeconds
        let daylightValid = offsetSeconds(at: asDaylight) == daylightOffsetSeconds
        switch (daylightValid, standardValid) {
        case (true, true): return .ambiguous(earlier: asDaylight, later: asStandard)
        case (true, false): return .unique(asDaylight)
        case (false, true): return .unique(asStandard)
        case (false, false): return .nonexistent(shiftedForward: asStandard)
        }
    }

    /// 00:00 local time on `date` (midnight is never inside a New York transition, which happen at 02:00).
    public static func startOfDay(_ date: CivilDate) -> UTCInstant {
        resolve(date: date, hour: 0, minute: 0).earliest
    }

    static func nthWeekday(_ weekday: Weekday, _ n: Int, month: Int, year: Int) -> CivilDate {
        let first = CivilDate(year: year, month: month, day: 1)!
        let delta = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: delta + 7 * (n - 1))
    }

    static func lastWeekday(_ weekday: Weekday, month: Int, year: Int) -> CivilDate {
        let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
        let delta = (last.weekday.rawValue - weekday.rawValue + 7) % 7
        return last.adding(days: -delta)
    }
}

/// A New York wall-clock reading together with the offset that produced it.
public struct LocalDateTime: Sendable, Hashable, CustomStringConvertible {
    public let date: CivilDate
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let nanoseconds: Int32
    public let utcOffsetSeconds: Int

    public var isDaylightTime: Bool { utcOffsetSeconds == NewYorkTime.daylightOffsetSeconds }

    /// ISO 8601 with offset, e.g. `2021-06-03T18:30:00-04:00` (fraction omitted).
    public var description: String {
        let offset = utcOffsetSeconds < 0 ? -utcOffsetSeconds : utcOffsetSeconds
        return date.description + "T" + DecimalDigits.padded(hour, width: 2) + ":"
            + DecimalDigits.padded(minute, width: 2) + ":" + DecimalDigits.padded(second, width: 2)
            + (utcOffsetSeconds < 0 ? "-" : "+") + DecimalDigits.padded(offset / 3600, width: 2) + ":"
            + DecimalDigits.padded(offset / 60 % 60, width: 2)
    }
}

public enum LocalTimeResolution: Sendable, Hashable {
    case unique(UTCInstant)
    /// Fall-back hour: the reading occurs first in daylight time, then again in standard time.
    case ambiguous(earlier: UTCInstant, later: UTCInstant)
    /// Spring-forward gap: read with the standard offset, which names the instant one hour later
    /// on the wall clock (02:30 → 03:30 EDT), the same choice most tz libraries make.
    case nonexistent(shiftedForward: UTCInstant)

    public var earliest: UTCInstant {
        switch self {
        case .unique(let instant), .ambiguous(let instant, _), .nonexistent(let instant): return instant
        }
    }
}
