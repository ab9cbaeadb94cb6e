import Testing
@testable import DetainerDomain

/// Issue 25 §2: deadlines that mean what they say. A decline has no lawful hold (its countdown
/// runs to the scheduled release), a decision late past the release is the most urgent, honoring
/// after the hold deadline needs confirmation, and the dashboards' 24-hour window is elapsed time.
struct CountdownTests {
    // Friday 2026-03-06 10:00 EST; the clocks go forward on Sunday 2026-03-08.
    let fridayRelease = instant("2026-03-06T15:00:00Z")

    @Test func aDeclineIsHeldToItsScheduledReleaseNotFortyEightHoursMore() {
        #expect(HoldDeadline.forEvaluation(outcome: .decline, warrantlessDeadline: nil, scheduledRelease: fridayRelease) == fridayRelease)
        #expect(HoldDeadline.forEvaluation(outcome: .decline, warrantlessDeadline: nil, scheduledRelease: nil) == nil)
        // A permitted hold from the same release runs 48 business hours: past the weekend, to
        // Tuesday 10:00 New York time, which is EDT by then (14:00Z, not 15:00Z).
        #expect(HoldDeadline.forEvaluation(outcome: .permitted, warrantlessDeadline: nil, scheduledRelease: fridayRelease)
                == instant("2026-03-10T14:00:00Z"))
    }

    @Test func theCountdownRunsToTheReleaseWhenThereIsNoLawfulHold() {
        let deadline = instant("2026-03-10T14:00:00Z")
        let pendingDecline = Countdown.of(status: .pendingReview, outcome: .decline, holdDeadline: fridayRelease, scheduledRelease: fridayRelease)
        #expect(pendingDecline == Countdown(kind: .releaseOnTime, at: fridayRelease))
        // Declined by a supervisor against a permitted outcome (an override): still no hold, even
        // though the stored deadline is the permitted one.
        #expect(Countdown.of(status: .declined, outcome: .permitted, holdDeadline: deadline, scheduledRelease: fridayRelease)?.kind == .releaseOnTime)
        #expect(Countdown.of(status: .honored, outcome: .permitted, holdDeadline: deadline, scheduledRelease: fridayRelease)
                == Countdown(kind: .holdDeadline, at: deadline))
        #expect(Countdown.of(status: .pendingReview, outcome: .needsReview, holdDeadline: deadline, scheduledRelease: fridayRelease)?.kind == .holdDeadline)
        // Nothing to count down to: no release known, or closed other than by a decline.
        #expect(Countdown.of(status: .pendingReview, outcome: .decline, holdDeadline: nil, scheduledRelease: nil) == nil)
        #expect(Countdown.of(status: .transferred, outcome: .permitted, holdDeadline: deadline, scheduledRelease: fridayRelease) == nil)
        #expect(Countdown.of(status: .honored, outcome: .permitted, holdDeadline: nil, scheduledRelease: fridayRelease) == nil)
        #expect(Countdown.Kind.releaseOnTime.label == "Release on time")
        #expect(pendingDecline?.secondsLeft(now: instant("2026-03-06T14:00:00Z")) == 3600)
    }

    @Test func aDecisionLatePastTheReleaseIsFlaggedOnTheSecondAfter() {
        #expect(!Deadlines.reviewPastRelease(status: .pendingReview, scheduledRelease: fridayRelease, now: fridayRelease))
        #expect(Deadlines.reviewPastRelease(status: .pendingReview, scheduledRelease: fridayRelease, now: fridayRelease.adding(seconds: 1)))
        #expect(Deadlines.reviewPastRelease(status: .received, scheduledRelease: fridayRelease, now: fridayRelease.adding(seconds: 1)))
        #expect(!Deadlines.reviewPastRelease(status: .honored, scheduledRelease: fridayRelease, now: fridayRelease.adding(seconds: 1)))
        #expect(!Deadlines.reviewPastRelease(status: .pendingReview, scheduledRelease: nil, now: fridayRelease))
        // Past the release the pending decline is overdue (its deadline is the release).
        #expect(Deadlines.needs(status: .pendingReview, outcome: .decline, holdDeadline: fridayRelease, now: fridayRelease.adding(seconds: 1))
                == [.review, .overdue])
    }

    @Test func honoringAfterTheHoldDeadlineNeedsConfirmationAndSaysWhy() {
        let deadline = instant("2026-03-10T14:00:00Z")
        #expect(Deadlines.lateHonorWarning(holdDeadline: deadline, now: deadline) == nil, "at the deadline the hold may still begin")
        let why = Deadlines.lateHonorWarning(holdDeadline: deadline, now: deadline.adding(seconds: 1))
        #expect(why?.contains("2026-03-10 10:00 EDT") == true, "\(why ?? "")")
        #expect(why?.contains("8 CFR 287.7(d)") == true)
        #expect(Deadlines.lateHonorWarning(holdDeadline: nil, now: deadline) == nil)
    }

    @Test func theDueWindowIsElapsedTimeAcrossDaylightSavingChanges() {
        let now = instant("2026-03-07T17:00:00Z")  // Saturday 12:00 EST
        #expect(DueWindow.of(countdown: now.adding(seconds: 24 * 3600), reviewPastRelease: false, now: now) == .dueSoon)
        #expect(DueWindow.of(countdown: now.adding(seconds: 24 * 3600 + 1), reviewPastRelease: false, now: now) == .later)
        #expect(DueWindow.of(countdown: now, reviewPastRelease: false, now: now) == .dueSoon)
        #expect(DueWindow.of(countdown: now.adding(seconds: -1), reviewPastRelease: false, now: now) == .past)
        #expect(DueWindow.of(countdown: nil, reviewPastRelease: false, now: now) == .later)
        #expect(DueWindow.of(countdown: nil, reviewPastRelease: true, now: now) == .past)
        #expect(DueWindow.of(countdown: now.adding(seconds: 7200), reviewPastRelease: false, now: now, hours: 1) == .later)
        // Spring forward: Sunday 12:30 EDT reads 24.5 hours later on the wall clock, but is 23.5 hours away.
        #expect(DueWindow.of(countdown: instant("2026-03-08T16:30:00Z"), reviewPastRelease: false, now: now) == .dueSoon)
        // Fall back: Sunday 2026-11-01 11:30 EST reads 23.5 hours after Saturday 12:00 EDT, but is 24.5 hours away.
        #expect(DueWindow.of(countdown: instant("2026-11-01T16:30:00Z"), reviewPastRelease: false, now: instant("2026-10-31T16:00:00Z")) == .later)
    }
}
