import Testing
@testable import DetainerDomain

struct UTCInstantTests {
    @Test("ISO 8601 with Z, offsets and fractions; zone required")
    func parsing() {
        #expect(instant("2021-06-01T18:30:00Z").description == "2021-06-01T18:30:00Z")
        #expect(instant("2021-06-01T18:30:00+00:00") == instant("2021-06-01T18:30:00Z"))
        #expect(instant("2021-06-01T14:30:00-04:00") == instant("2021-06-01T18:30:00Z"))
        #expect(instant("2021-06-01T18:30:00.5Z").nanoseconds == 500_000_000)
        #expect(instant("2021-06-01T18:30:00.500Z").description == "2021-06-01T18:30:00.5Z")
        #expect(instant("2021-06-01T18:30:00.123456789Z").nanoseconds == 123_456_789)
        #expect(instant("1969-12-31T23:59:59Z").secondsSinceEpoch == -1)
        #expect(instant("1969-12-31T23:59:59Z").description == "1969-12-31T23:59:59Z")
        for bad in ["2021-06-01T18:30:00", "2021-06-01 18:30:00Z", "2021-06-01T24:00:00Z", "2021-06-01T18:60:00Z",
                    "2021-06-01T18:30:60Z", "2021-06-01T18:30:00.Z", "2021-06-01T18:30:00.1234567891Z",
                    "2021-06-01T18:30:00+0000", "2021-02-30T18:30:00Z", "2021-06-01T18:30Z", "2021-06-01T18:30:00ZZ"] {
            #expect(UTCInstant(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("Nanosecond arithmetic carries across seconds")
    func arithmetic() {
        let start = instant("2021-06-01T18:30:00.75Z")
        #expect(start.adding(nanoseconds: 500_000_000).description == "2021-06-01T18:30:01.25Z")
        #expect(start.nanoseconds(until: instant("2021-06-01T18:30:01Z")) == 250_000_000)
    }
}
