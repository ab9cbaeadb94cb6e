import Testing
@testable import DetainerDomain

/// Issue 13 §8: one reading of New York wall-clock time.
@Suite struct WallClockTimeTests {
    @Test func wallTimesAndZonedInstantsAreRead() throws {
        #expect(try WallClockTime.parse("2026-12-04 09:00").get().description == "2026-12-04T14:00:00Z")
        #expect(try WallClockTime.parse("2026-07-04T09:00:30").get().description == "2026-07-04T13:00:30Z")
        #expect(try WallClockTime.parse("2026-11-01T05:30:00Z").get().description == "2026-11-01T05:30:00Z")
    }

    @Test func theRepeatedAndTheSkippedHourAreRefused() {
        #expect(WallClockTime.parse("2026-11-01 01:30") == .failure(.ambiguous))
        #expect(WallClockTime.parse("2026-03-08 02:30") == .failure(.nonexistent))
        #expect(WallClockTime.parse("2026-03-08 9:30") == .failure(.malformed))
        #expect(WallClockTime.parse("soon") == .failure(.malformed))
        #expect(WallClockTime.message(.ambiguous, "2026-11-01 01:30").contains("happens twice"))
    }

    @Test func theValidatorUsesTheSameReading() {
        var v = FieldValidator()
        #expect(v.instant("2026-12-04 09:00", "custody.scheduledReleaseAt")?.description == "2026-12-04T14:00:00Z")
        #expect(v.instant("2026-11-01 01:30", "custody.scheduledReleaseAt") == nil)
        #expect(v.errors.first?.description.contains("happens twice in New York") == true)
    }
}
