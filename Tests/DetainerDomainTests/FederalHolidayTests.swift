import Testing
@testable import DetainerDomain

struct FederalHolidayTests {
    @Test("2021 observed federal holidays (5 U.S.C. 6103), incl. Juneteenth observed Friday June 18")
    func holidays2021() {
        let observed = FederalHolidays.holidays(in: 2021).map(\.observed.description)
        #expect(observed == [
            "2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05",
            "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24",
        ])
    }

    @Test("New Year's Day 2022 on a Saturday is observed Friday 2021-12-31")
    func newYearObservedPreviousYear() {
        #expect(FederalHolidays.isObservedHoliday(date("2021-12-31")))
        #expect(!FederalHolidays.isObservedHoliday(date("2022-01-03")))
        #expect(FederalHolidays.holidays(in: 2022).first?.observed == date("2021-12-31"))
    }

    @Test("Juneteenth from 2021 only; MLK Day from 1986 only")
    func introductionYears() {
        #expect(!FederalHolidays.isObservedHoliday(date("2020-06-19")))
        #expect(FederalHolidays.isObservedHoliday(date("2022-06-20")))  // Sunday → Monday
        #expect(!FederalHolidays.isObservedHoliday(date("1985-01-21")))
        #expect(FederalHolidays.isObservedHoliday(date("1986-01-20")))
    }

    @Test("Observed-day rule: Independence Day 2021 on Sunday → Monday July 5; Christmas 2021 Saturday → Friday Dec 24")
    func observedShift() {
        #expect(FederalHolidays.isObservedHoliday(date("2021-07-05")))
        #expect(FederalHolidays.isObservedHoliday(date("2021-12-24")))
        #expect(!FederalHolidays.isObservedHoliday(date("2021-12-27")))
        #expect(!FederalHolidays.isObservedHoliday(date("2021-06-17")))
    }
}
