/// A calendar date with no time zone (proleptic Gregorian), as written on court papers: `YYYY-MM-DD`.
///
/// Arithmetic goes through a day number (days since 1970-01-01) using Howard Hinnant's
/// civil-from-days algorithms, so no calendar library is needed.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates (2021-02-30) and years outside 1...99999. Input is read
    /// with four-digit years only (`init(parsing:)`), but arithmetic on a date late in 9999 (a
    /// hold deadline, a window's end) must land in year 10000 rather than trap.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...99_999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public func adding(days: Int) -> CivilDate {
        let shifted = day + days
        // Every month has days 1...28, so small steps need no day-number round trip.
        if shifted >= 1, shifted <= 28 { return CivilDate(unchecked: year, month, shifted) }
        return CivilDate(dayNumber: dayNumber + days)
    }

    /// Same month and day `years` later; Feb 29 lands on Feb 28 in a common year
    /// (Sources/DetainerDomain/Law/README.md §12.2, see `ProjectDecisions.leapDayAnniversaryIsFeb28`).
    public func adding(years: Int) -> CivilDate {
        let newYear = year + years
        let newDay = min(day, CivilDate.daysInMonth(year: newYear, month: month))
        return CivilDate(unchecked: newYear, month, newDay)
    }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber + 4) % 7 + 7) % 7
        return Weekday(rawValue: index)!
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD` only: exactly four-digit year, two-digit month and day.
    public init?(parsing text: String) {
        var utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        utf8[4] = UInt8(ascii: "0")
        utf8[7] = UInt8(ascii: "0")
        guard let year = DecimalDigits.value(utf8[0..<4]),
              let month = DecimalDigits.value(utf8[5..<7]),
              let day = DecimalDigits.value(utf8[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        DecimalDigits.padded(year, width: 4) + "-" + DecimalDigits.padded(month, width: 2) + "-"
            + DecimalDigits.padded(day, width: 2)
    }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a valid date \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
