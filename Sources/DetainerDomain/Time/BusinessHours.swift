/// Counting hours that exclude Saturdays, Sundays and federal holidays, as Admin. Code
/// §14-154(b)(2) requires for the NYPD warrantless hold ("up to forty-eight hours, excluding
/// Saturdays, Sundays and holidays").
public enum BusinessHours {
    /// True when the whole New York calendar day is left out of the count.
    public static func isExcludedDay(_ date: CivilDate) -> Bool {
        date.weekday.isWeekend || FederalHolidays.isObservedHoliday(date)
    }

    /// The instant at which `hours` hours have elapsed after `start`, counting only time on New York
    /// local days that are not Saturdays, Sundays or observed federal holidays. Elapsed time is real
    /// time, so a counted day with a DST change contributes 23 or 25 hours. A start inside an excluded
    /// day begins counting at the next counted midnight.
    public static func deadline(start: UTCInstant, hours: Int) -> UTCInstant {
        precondition(hours >= 0, "hours must not be negative")
        var remaining = Int64(hours) * 3_600_000_000_000
        var cursor = start
        var day = NewYorkTime.localDate(at: start)
        while true {
            let nextMidnight = NewYorkTime.startOfDay(day.adding(days: 1))
            if !isExcludedDay(day) {
                let available = cursor.nanoseconds(until: nextMidnight)
                if remaining <= available { return cursor.adding(nanoseconds: remaining) }
                remaining -= available
            }
            cursor = nextMidnight
            day = day.adding(days: 1)
        }
    }
}

/// Free-function spelling used by the CLI and the evaluator.
public func businessHoursDeadline(start: UTCInstant, hours: Int) -> UTCInstant {
    BusinessHours.deadline(start: start, hours: hours)
}
