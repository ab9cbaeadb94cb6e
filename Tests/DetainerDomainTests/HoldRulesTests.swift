import Testing
@testable import DetainerDomain

/// The hold-deadline choice after an evaluation and the lateness of a status change.
struct HoldRulesTests {
    let release = instant("2026-03-10T15:00:00Z")
    let warrantless = instant("2026-03-12T15:00:00Z")

    @Test func deadlineAfterAnEvaluation() {
        #expect(HoldDeadline.forEvaluation(outcome: .holdPendingWarrant, warrantlessDeadline: warrantless, scheduledRelease: release) == warrantless)
        #expect(HoldDeadline.forEvaluation(outcome: .holdPendingWarrant, warrantlessDeadline: nil, scheduledRelease: release) == nil)
        // A decline has no lawful hold: it runs to the release itself (issue 25 §2).
        #expect(HoldDeadline.forEvaluation(outcome: .decline, warrantlessDeadline: warrantless, scheduledRelease: release) == release)
        #expect(HoldDeadline.forEvaluation(outcome: .decline, warrantlessDeadline: warrantless, scheduledRelease: nil) == nil)
        for outcome in [Outcome.permitted, .needsReview] {
            #expect(HoldDeadline.forEvaluation(outcome: outcome, warrantlessDeadline: warrantless, scheduledRelease: release)
                    == instant("2026-03-12T15:00:00Z"))
            #expect(HoldDeadline.forEvaluation(outcome: outcome, warrantlessDeadline: warrantless, scheduledRelease: nil) == nil)
        }
    }

    @Test func onlyAnHonoredHoldEndsLate() {
        let deadline = instant("2026-03-10T15:00:00Z"), late = instant("2026-03-10T15:01:00Z")
        #expect(Deadlines.holdEndedLate(from: .honored, to: .transferred, at: late, holdDeadline: deadline))
        #expect(Deadlines.holdEndedLate(from: .honored, to: .released, at: late, holdDeadline: deadline))
        #expect(!Deadlines.holdEndedLate(from: .honored, to: .released, at: deadline, holdDeadline: deadline))
        #expect(!Deadlines.holdEndedLate(from: .honored, to: .lifted, at: late, holdDeadline: deadline))
        #expect(!Deadlines.holdEndedLate(from: .honored, to: .released, at: late, holdDeadline: nil))
        #expect(!Deadlines.holdEndedLate(from: .pendingReview, to: .released, at: late, holdDeadline: deadline))
    }
}
