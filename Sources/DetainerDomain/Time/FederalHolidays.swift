/// Legal public holidays of 5 U.S.C. § 6103(a), with the observed-date rule of § 6103(b) /
/// Executive Order 11582 (a holiday on Saturday is observed the Friday before, one on Sunday the
/// Monday after). Used as "holidays" for the NYPD 48-hour hold of Admin. Code §14-154(b)(2)
/// (Sources/DetainerDomain/Law/README.md §12.7).
///
/// The list, with the years each rule is applied:
/// - New Year's Day, January 1 (observed Friday December 31 when January 1 is a Saturday).
/// - Birthday of Martin Luther King, Jr., third Monday in January — from 1986.
/// - Washington's Birthday, third Monday in February — from 1971 (February 22 before).
/// - Memorial Day, last Monday in May — from 1971 (May 30 before).
/// - Juneteenth National Independence Day, June 19 — from 2021 (first observed Friday 2021-06-18).
/// - Independence Day, July 4.
/// - Labor Day, first Monday in September.
/// - Columbus Day, second Monday in October — from 1971 (October 12 before).
/// - Veterans Day, November 11 — except 1971–1977, fourth Monday in October.
/// - Thanksgiving Day, fourth Thursday in November.
/// - Christmas Day, December 25.
///
/// Not included: Inauguration Day (§ 6103(c) applies only in the Washington, D.C. area) and
/// one-off closings by executive order (e.g. December 24, 2019); New York State holidays such as
/// Lincoln's Birthday are not federal holidays.
public enum FederalHolidays {
    public enum Name: String, Sendable, CaseIterable {
        case newYearsDay = "New Year's Day"
        case martinLutherKingJrBirthday = "Birthday of Martin Luther King, Jr."
        case washingtonsBirthday = "Washington's Birthday"
        case memorialDay = "Memorial Day"
        case juneteenth = "Juneteenth National Independence Day"
        case independenceDay = "Independence Day"
        case laborDay = "Labor Day"
        case columbusDay = "Columbus Day"
        case veteransDay = "Veterans Day"
        case thanksgivingDay = "Thanksgiving Day"
        case christmasDay = "Christmas Day"
    }

    public struct Holiday: Sendable, Hashable {
        public let name: Name
        /// The statutory date.
        public let date: CivilDate
        /// The day off under § 6103(b).
        public let observed: CivilDate
    }

    /// The holidays whose statutory date falls in `year`, in calendar order. The observed date
    /// can fall in the previous year (New Year's Day on a Saturday).
    public static func holidays(in year: Int) -> [Holiday] {
        Name.allCases.compactMap { name in
            date(of: name, in: year).map { Holiday(name: name, date: $0, observed: observedDate(for: $0)) }
        }
    }

    /// True when `date` is the observed day of a federal holiday.
    public static func isObservedHoliday(_ date: CivilDate) -> Bool {
        // Observed days are Monday–Friday, at most one day from the statutory date.
        switch date.weekday {
        case .saturday, .sunday: return false
        case .friday: return isStatutoryHoliday(date) || isStatutoryHoliday(date.adding(days: 1))
        case .monday: return isStatutoryHoliday(date) || isStatutoryHoliday(date.adding(days: -1))
        default: return isStatutoryHoliday(date)
        }
    }

    /// True when `date` is the statutory date of a holiday (whatever its weekday).
    public static func isStatutoryHoliday(_ date: CivilDate) -> Bool {
        for name in namesByMonth[date.month - 1] where Self.date(of: name, in: date.year) == date { return true }
        return false
    }

    /// The holidays that can fall in each month (Veterans Day was in October 1971–1977).
    private static let namesByMonth: [[Name]] = [
        [.newYearsDay, .martinLutherKingJrBirthday], [.washingtonsBirthday], [], [], [.memorialDay], [.juneteenth],
        [.independenceDay], [], [.laborDay], [.columbusDay, .veteransDay], [.veteransDay, .thanksgivingDay], [.christmasDay],
    ]

    /// The statutory date of `name` in `year`, or nil when the holiday did not exist that year.
    public static func date(of name: Name, in year: Int) -> CivilDate? {
        let modern = year >= 1971
        switch name {
        case .newYearsDay: return CivilDate(year: year, month: 1, day: 1)
        case .martinLutherKingJrBirthday:
            return year >= 1986 ? NewYorkTime.nthWeekday(.monday, 3, month: 1, year: year) : nil
        case .washingtonsBirthday:
            return modern ? NewYorkTime.nthWeekday(.monday, 3, month: 2, year: year) : CivilDate(year: year, month: 2, day: 22)
        case .memorialDay:
            return modern ? NewYorkTime.lastWeekday(.monday, month: 5, year: year) : CivilDate(year: year, month: 5, day: 30)
        case .juneteenth: return year >= 2021 ? CivilDate(year: year, month: 6, day: 19) : nil
        case .independenceDay: return CivilDate(year: year, month: 7, day: 4)
        case .laborDay: return NewYorkTime.nthWeekday(.monday, 1, month: 9, year: year)
        case .columbusDay:
            return modern ? NewYorkTime.nthWeekday(.monday, 2, month: 10, year: year) : CivilDate(year: year, month: 10, day: 12)
        case .veteransDay:
            return (1971...1977).contains(year)
                ? NewYorkTime.nthWeekday(.monday, 4, month: 10, year: year) : CivilDate(year: year, month: 11, day: 11)
        case .thanksgivingDay: return NewYorkTime.nthWeekday(.thursday, 4, month: 11, year: year)
        case .christmasDay: return CivilDate(year: year, month: 12, day: 25)
        }
    }

    static func observedDate(for date: CivilDate) -> CivilDate {
        switch date.weekday {
        case .saturday: return date.adding(days: -1)
        case .sunday: return date.adding(days: 1)
        default: return date
        }
    }

}
