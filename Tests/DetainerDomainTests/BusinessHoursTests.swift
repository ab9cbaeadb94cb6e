import Testing
@testable import DetainerDomain

struct BusinessHoursDeadlineTests {
    /// (start, expected deadline, what it exercises) — §14-154(b)(2) "forty-eight hours,
    /// excluding Saturdays, Sundays and holidays", counted in New York local days.
    static let cases: [(String, String, String)] = [
        ("2021-06-01T16:00:00Z", "2021-06-03T16:00:00Z", "plain weekdays"),
        ("2021-06-04T22:00:00Z", "2021-06-08T22:00:00Z", "Friday 18:00 EDT start skips the weekend"),
        ("2021-06-05T15:00:00Z", "2021-06-09T04:00:00Z", "Saturday start counts from Monday 00:00"),
        ("2021-09-03T22:00:00Z", "2021-09-08T22:00:00Z", "Friday evening before Labor Day Monday"),
        ("2021-11-24T17:00:00Z", "2021-11-29T17:00:00Z", "Wednesday before Thanksgiving"),
        ("2021-12-30T17:00:00Z", "2022-01-04T17:00:00Z", "New Year 2022 observed Friday 2021-12-31"),
        ("2021-03-12T17:00:00Z", "2021-03-16T16:00:00Z", "spring-forward weekend in between"),
        ("2021-11-05T16:00:00Z", "2021-11-09T17:00:00Z", "fall-back weekend in between"),
        ("2021-06-17T20:00:00Z", "2021-06-22T20:00:00Z", "Juneteenth observed Friday 2021-06-18"),
        ("2021-06-01T16:00:00.25Z", "2021-06-03T16:00:00.25Z", "fraction of a second kept"),
    ]

    @Test("Business-hours deadline", arguments: cases.indices)
    func deadline(_ index: Int) {
        let (start, expected, _) = Self.cases[index]
        #expect(businessHoursDeadline(start: instant(start), hours: 48).description == expected)
    }

    @Test("Zero hours on an excluded day moves to the next counted midnight; on a counted day it is the start")
    func zeroHours() {
        #expect(businessHoursDeadline(start: instant("2021-06-01T16:00:00Z"), hours: 0) == instant("2021-06-01T16:00:00Z"))
        #expect(businessHoursDeadline(start: instant("2021-06-05T16:00:00Z"), hours: 0) == instant("2021-06-07T04:00:00Z"))
    }

    @Test("The detainer hold deadline is 48 hours excluding Saturdays, Sundays and holidays (8 CFR 287.7(d)): Friday 18:00 runs to Tuesday 18:00")
    func plainHold() {
        #expect(HoldDeadline.plain(scheduledRelease: instant("2021-06-04T22:00:00Z")) == instant("2021-06-08T22:00:00Z"))
        // Friday 10:00 before Labor Day (2026-09-07): Saturday, Sunday and the holiday are skipped.
        #expect(HoldDeadline.plain(scheduledRelease: instant("2026-09-04T14:00:00Z")) == instant("2026-09-09T14:00:00Z"))
    }
}
