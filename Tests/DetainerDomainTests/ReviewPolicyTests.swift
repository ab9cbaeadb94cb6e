import Testing
@testable import DetainerDomain

/// Every branch of the review policy: approve per engine outcome, decide honor/decline per
/// outcome (the one forbidden pair), override flags, the basis, and who may be reviewed.
struct ReviewPolicyTests {
    let grounds: [ReasonCode] = [.qualifyingConviction, .tsdbMatch]

    func verdict(_ choice: ReviewChoice, _ outcome: Outcome, _ reasons: [ReasonCode]) throws -> ReviewVerdict {
        try ReviewPolicy.decide(choice, outcome: outcome, reasons: reasons).get()
    }

    @Test func approveAcceptsTheEnginesOutcome() throws {
        #expect(try verdict(.approve, .permitted, [.qualifyingConviction])
                == ReviewVerdict(decision: .honor, isOverride: false, action: .approve, basis: "QUALIFYING_CONVICTION"))
        #expect(try verdict(.approve, .holdPendingWarrant, [.noJudicialWarrant, .reentryAfterRemoval])
                == ReviewVerdict(decision: .honor, isOverride: false, action: .approve, basis: "DECIDED_ON_REVIEW"))
        #expect(try verdict(.approve, .decline, [.noJudicialWarrant, .noQualifyingConviction])
                == ReviewVerdict(decision: .decline, isOverride: false, action: .approve, basis: "NO_JUDICIAL_WARRANT"))
    }

    @Test func approveOnNeedsReviewIsRefused() {
        let result = ReviewPolicy.decide(.approve, outcome: .needsReview, reasons: [.sentenceNotKnown, .tsdbStatusUnknown])
        #expect(result == .failure(.engineUndecided(reasons: [.sentenceNotKnown, .tsdbStatusUnknown])))
    }

    @Test func honoringADeclineIsForbidden() {
        let result = ReviewPolicy.decide(.decide(.honor), outcome: .decline, reasons: [.notAFelony])
        #expect(result == .failure(.honorForbidden(reasons: [.notAFelony])))
    }

    @Test func decidingTheEnginesOwnAnswerIsNoOverride() throws {
        #expect(try verdict(.decide(.honor), .permitted, grounds)
                == ReviewVerdict(decision: .honor, isOverride: false, action: .approve, basis: "QUALIFYING_CONVICTION+TSDB_MATCH"))
        #expect(try verdict(.decide(.decline), .decline, [.convictionOutsideWindow])
                == ReviewVerdict(decision: .decline, isOverride: false, action: .approve, basis: "CONVICTION_OUTSIDE_WINDOW"))
    }

    @Test func decliningWhatTheEnginePermittedIsAnOverride() throws {
        #expect(try verdict(.decide(.decline), .permitted, [.tsdbMatch])
                == ReviewVerdict(decision: .decline, isOverride: true, action: .override, basis: "OVERRIDE_BY_SUPERVISOR"))
        #expect(try verdict(.decide(.decline), .holdPendingWarrant, [.reentryAfterRemoval])
                == ReviewVerdict(decision: .decline, isOverride: true, action: .override, basis: "OVERRIDE_BY_SUPERVISOR"))
    }

    @Test func decidingANeedsReviewCaseIsAlwaysAnOverride() throws {
        #expect(try verdict(.decide(.honor), .needsReview, [.sentenceNotKnown])
                == ReviewVerdict(decision: .honor, isOverride: true, action: .override, basis: "DECIDED_ON_REVIEW"))
        #expect(try verdict(.decide(.decline), .needsReview, [.sentenceNotKnown])
                == ReviewVerdict(decision: .decline, isOverride: true, action: .override, basis: "DECIDED_ON_REVIEW"))
    }

    @Test func basis() {
        #expect(ReviewPolicy.basis(of: .honor, outcome: .permitted, reasons: [.tsdbMatch]) == "TSDB_MATCH")
        #expect(ReviewPolicy.basis(of: .honor, outcome: .permitted, reasons: [.tsdbMatch, .qualifyingConviction]) == "QUALIFYING_CONVICTION+TSDB_MATCH")
        #expect(ReviewPolicy.basis(of: .honor, outcome: .needsReview, reasons: [.qualifyingConviction, .sentenceNotKnown]) == "QUALIFYING_CONVICTION")
        // The engine's first reason (its order: warrant first, then convictions).
        #expect(ReviewPolicy.basis(of: .decline, outcome: .decline, reasons: [.noQualifyingConviction, .noJudicialWarrant]) == "NO_QUALIFYING_CONVICTION")
        #expect(ReviewPolicy.basis(of: .decline, outcome: .decline, reasons: []) == DecisionBasis.engineDecline)
    }

    @Test func engineDecision() {
        #expect(ReviewPolicy.engineDecision(.permitted) == .honor)
        #expect(ReviewPolicy.engineDecision(.holdPendingWarrant) == .honor)
        #expect(ReviewPolicy.engineDecision(.decline) == .decline)
        #expect(ReviewPolicy.engineDecision(.needsReview) == nil)
    }

    @Test func onlyPendingDetainersAreReviewable() {
        #expect(DetainerStatus.allCases.filter(ReviewPolicy.isReviewable) == [.pendingReview])
    }

    @Test func aDecisionOfOnesOwnNeedsAReason() {
        #expect(!ReviewChoice.approve.requiresReason)
        #expect(ReviewChoice.decide(.honor).requiresReason)
        #expect(ReviewChoice.decide(.decline).requiresReason)
    }
}
