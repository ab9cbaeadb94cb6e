import Testing
@testable import DetainerDomain

struct DeadlinesTests {
    let now = instant("2026-03-10T15:00:00Z")
    let past = instant("2026-03-09T15:00:00Z")
    let future = instant("2026-03-11T15:00:00Z")

    @Test func whatNeedsAction() {
        #expect(Deadlines.needs(status: .pendingReview, outcome: .permitted, holdDeadline: future, now: now) == [.review])
        #expect(Deadlines.needs(status: .received, outcome: nil, holdDeadline: nil, now: now) == [.review])
        #expect(Deadlines.needs(status: .pendingReview, outcome: .holdPendingWarrant, holdDeadline: future, now: now) == [.review, .warrant])
        #expect(Deadlines.needs(status: .honored, outcome: .permitted, holdDeadline: future, now: now) == [.transfer])
        #expect(Deadlines.needs(status: .honored, outcome: .holdPendingWarrant, holdDeadline: future, now: now) == [.warrant])
        #expect(Deadlines.needs(status: .honored, outcome: .decline, holdDeadline: future, now: now) == [.attention])
        #expect(Deadlines.needs(status: .honored, outcome: .permitted, holdDeadline: past, now: now) == [.transfer, .overdue])
        #expect(Deadlines.needs(status: .pendingReview, outcome: .needsReview, holdDeadline: past, now: now) == [.review, .overdue])
        // Issue 24 §3: an NYPD hold past its deadline no longer waits for a warrant: release now.
        #expect(Deadlines.needs(status: .honored, outcome: .holdPendingWarrant, holdDeadline: past, now: now) == [.overdue, .release])
        #expect(Deadlines.needs(status: .pendingReview, outcome: .holdPendingWarrant, holdDeadline: past, now: now) == [.review, .overdue, .release])
        #expect(Deadlines.needs(status: .honored, outcome: .holdPendingWarrant, holdDeadline: now, now: now) == [.warrant])
        for closed in [DetainerStatus.declined, .transferred, .released, .lifted, .enteredInError] {
            #expect(Deadlines.needs(status: closed, outcome: .permitted, holdDeadline: past, now: now).isEmpty)
        }
    }

    /// The queue's SQL is built from `NeedRule.all`: each need must have exactly one rule, and
    /// only open statuses may need anything.
    @Test func oneRulePerNeedOnOpenStatuses() {
        #expect(NeedRule.all.map(\.need) == ActionNeed.allCases)
        #expect(NeedRule.all.allSatisfy { $0.statuses.allSatisfy(\.isOpen) })
        #expect(NeedRule.OutcomeTest.noneOf([.decline]).admits(nil))
        #expect(!NeedRule.OutcomeTest.oneOf([.decline]).admits(nil))
    }

    @Test func lateEnds() {
        let deadline = instant("2026-03-10T15:00:00Z")
        let late = instant("2026-03-11T00:36:00Z")  // 9 h 36 min after
        #expect(Deadlines.endedAfterDeadline(status: .transferred, at: late, holdDeadline: deadline))
        #expect(Deadlines.secondsLate(status: .transferred, at: late, holdDeadline: deadline) == 9 * 3600 + 36 * 60)
        #expect(Deadlines.endedAfterDeadline(status: .released, at: late, holdDeadline: deadline))
        #expect(!Deadlines.endedAfterDeadline(status: .transferred, at: deadline, holdDeadline: deadline))  // at the deadline is on time
        #expect(!Deadlines.endedAfterDeadline(status: .lifted, at: late, holdDeadline: deadline))
        #expect(!Deadlines.endedAfterDeadline(status: .transferred, at: late, holdDeadline: nil))
        #expect(Deadlines.secondsLate(status: .released, at: past, holdDeadline: deadline) == 0)
    }

    @Test func releaseAlreadyPastAtIntake() {
        #expect(Deadlines.releaseAlreadyPast(past, now: now))
        #expect(!Deadlines.releaseAlreadyPast(future, now: now))
        #expect(!Deadlines.releaseAlreadyPast(nil, now: now))
    }
}
