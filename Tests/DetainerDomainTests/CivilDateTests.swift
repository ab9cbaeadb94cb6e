import Foundation
import Testing
@testable import DetainerDomain

struct CivilDateTests {
    @Test("Parse and format YYYY-MM-DD; impossible dates are rejected")
    func parsing() {
        #expect(CivilDate(parsing: "2021-06-01")?.description == "2021-06-01")
        #expect(CivilDate(parsing: "2020-02-29") != nil)
        #expect(CivilDate(parsing: "2000-02-29") != nil)
        for bad in ["2021-02-30", "2100-02-29", "2021-13-01", "2021-00-10", "2021-1-01", "2021/01/01", "21-01-01",
                    "2021-01-01T00:00:00Z", "", "0000-01-01", "2021-04-31", "２０２１-01-01"] {
            #expect(CivilDate(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("Day numbers round-trip and agree with Foundation's Gregorian calendar")
    func dayNumbers() {
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("2000-03-01").dayNumber == 11_017)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for dayNumber in stride(from: -40_000, through: 60_000, by: 97) {
            let civil = CivilDate(dayNumber: dayNumber)
            #expect(civil.dayNumber == dayNumber)
            let components = calendar.dateComponents([.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
            #expect(components.year == civil.year && components.month == civil.month && components.day == civil.day)
            #expect(components.weekday == civil.weekday.rawValue + 1)
        }
    }

    @Test("Weekdays")
    func weekdays() {
        #expect(date("2021-06-01").weekday == .tuesday)
        #expect(date("1970-01-01").weekday == .thursday)
        #expect(date("1969-12-31").weekday == .wednesday)
    }

    @Test("Adding years: Feb 29 + 5 years = Feb 28 (README §12.2); leap to leap keeps Feb 29")
    func addingYears() {
        #expect(date("2016-02-29").adding(years: 5) == date("2021-02-28"))
        #expect(date("2016-02-29").adding(years: 4) == date("2020-02-29"))
        #expect(date("2018-03-02").adding(years: 5) == date("2023-03-02"))
        #expect(date("2021-12-31").adding(days: 1) == date("2022-01-01"))
        #expect(date("2021-03-01").adding(days: -1) == date("2021-02-28"))
        #expect(date("2020-01-10").days(until: date("2021-05-20")) == 496)
    }

    @Test("Codable as a string")
    func codable() throws {
        let data = try JSONEncoder().encode([date("2021-06-01")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2021-06-01\"]")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data("[\"2021-02-30\"]".utf8)) }
    }
}
