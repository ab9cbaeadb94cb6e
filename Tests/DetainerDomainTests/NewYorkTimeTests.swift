import Foundation
import Testing
@testable import DetainerDomain

struct NewYorkTimeTests {
    @Test("Spring-forward 2021-03-14: 02:00-02:59 does not exist")
    func springForward() {
        #expect(NewYorkTime.offsetSeconds(at: instant("2021-03-14T06:59:59Z")) == -5 * 3600)
        #expect(NewYorkTime.offsetSeconds(at: instant("2021-03-14T07:00:00Z")) == -4 * 3600)
        #expect(NewYorkTime.localDateTime(at: instant("2021-03-14T07:00:00Z")).description == "2021-03-14T03:00:00-04:00")
        #expect(NewYorkTime.resolve(date: date("2021-03-14"), hour: 2, minute: 30)
            == .nonexistent(shiftedForward: instant("2021-03-14T07:30:00Z")))
        #expect(NewYorkTime.resolve(date: date("2021-03-14"), hour: 1, minute: 59) == .unique(instant("2021-03-14T06:59:00Z")))
        #expect(NewYorkTime.resolve(date: date("2021-03-14"), hour: 3, minute: 0) == .unique(instant("2021-03-14T07:00:00Z")))
    }

    @Test("Fall-back 2021-11-07: 01:00-01:59 happens twice")
    func fallBack() {
        #expect(NewYorkTime.offsetSeconds(at: instant("2021-11-07T05:59:59Z")) == -4 * 3600)
        #expect(NewYorkTime.offsetSeconds(at: instant("2021-11-07T06:00:00Z")) == -5 * 3600)
        #expect(NewYorkTime.resolve(date: date("2021-11-07"), hour: 1, minute: 30)
            == .ambiguous(earlier: instant("2021-11-07T05:30:00Z"), later: instant("2021-11-07T06:30:00Z")))
        #expect(NewYorkTime.localDateTime(at: instant("2021-11-07T05:30:00Z")).description == "2021-11-07T01:30:00-04:00")
        #expect(NewYorkTime.localDateTime(at: instant("2021-11-07T06:30:00Z")).description == "2021-11-07T01:30:00-05:00")
    }

    @Test("Rule eras: 1987-2006 April/October, 2007+ March/November")
    func ruleEras() {
        #expect(NewYorkTime.daylightSavingDates(year: 2006) == (date("2006-04-02"), date("2006-10-29")))
        #expect(NewYorkTime.daylightSavingDates(year: 2007) == (date("2007-03-11"), date("2007-11-04")))
        #expect(NewYorkTime.daylightSavingDates(year: 1990) == (date("1990-04-01"), date("1990-10-28")))
        #expect(NewYorkTime.daylightSavingDates(year: 1986) == (date("1986-04-27"), date("1986-10-26")))
    }

    @Test("Offsets and local times agree with Foundation's America/New_York, 1990-2040")
    func crossCheckWithFoundation() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var instants: [Int64] = []
        // Every 7 hours 13 minutes, plus a second either side of each transition.
        let start = instant("1990-01-01T00:00:00Z").secondsSinceEpoch
        let end = instant("2040-12-31T23:59:59Z").secondsSinceEpoch
        instants += Array(stride(from: start, to: end, by: 7 * 3600 + 13 * 60))
        for year in 1990...2040 {
            let interval = NewYorkTime.daylightInterval(year: year)
            for edge in [interval.start, interval.end] { instants += [edge - 1, edge, edge + 1] }
        }
        var mismatches = 0
        for (index, seconds) in instants.enumerated() {
            let ours = NewYorkTime.offsetSeconds(at: UTCInstant(secondsSinceEpoch: seconds))
            let theirs = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            if ours != theirs { mismatches += 1 }
            if index % 50 == 0 {
                let local = NewYorkTime.localDateTime(at: UTCInstant(secondsSinceEpoch: seconds))
                let parts = calendar.dateComponents(
                    [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
                if parts.year != local.date.year || parts.month != local.date.month || parts.day != local.date.day
                    || parts.hour != local.hour || parts.minute != local.minute || parts.second != local.second {
                    mismatches += 1
                }
                // Back again: a non-ambiguous reading resolves to the same instant.
                switch NewYorkTime.resolve(date: local.date, hour: local.hour, minute: local.minute, second: local.second) {
                case .unique(let back): if back.secondsSinceEpoch != seconds { mismatches += 1 }
                case .ambiguous(let earlier, let later):
                    if earlier.secondsSinceEpoch != seconds && later.secondsSinceEpoch != seconds { mismatches += 1 }
                case .nonexistent: mismatches += 1
                }
            }
        }
        #expect(instants.count > 60_000)
        #expect(mismatches == 0)
    }
}
