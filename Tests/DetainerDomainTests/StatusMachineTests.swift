import Testing
@testable import DetainerDomain

/// The status machine's checks, over every (from, to) pair.
struct StatusMachineTests {
    @Test func statusChangesFollowTheMachineButNeverDecide() {
        for from in DetainerStatus.allCases {
            for to in DetainerStatus.allCases {
                let refusal = StatusMachine.statusChangeRefusal(from: from, to: to)
                if to.isDecision {
                    #expect(refusal == .decisionNeedsReview, "\(from) → \(to)")
                } else if from.canMove(to: to) {
                    #expect(refusal == nil, "\(from) → \(to)")
                } else {
                    #expect(refusal == .notAllowed, "\(from) → \(to)")
                }
            }
        }
    }

    @Test func namedMoves() {
        #expect(StatusMachine.statusChangeRefusal(from: .honored, to: .transferred) == nil)
        #expect(StatusMachine.statusChangeRefusal(from: .pendingReview, to: .released) == nil)
        #expect(StatusMachine.statusChangeRefusal(from: .declined, to: .enteredInError) == nil)
        #expect(StatusMachine.statusChangeRefusal(from: .declined, to: .transferred) == .notAllowed)
        #expect(StatusMachine.statusChangeRefusal(from: .pendingReview, to: .transferred) == .notAllowed)
        #expect(StatusMachine.statusChangeRefusal(from: .enteredInError, to: .released) == .notAllowed)
        #expect(StatusMachine.statusChangeRefusal(from: .pendingReview, to: .honored) == .decisionNeedsReview)
    }

    @Test func theMovesAStatusChangeOffers() {
        #expect(StatusMachine.statusChanges(from: .pendingReview) == [.lifted, .released, .enteredInError])
        #expect(StatusMachine.statusChanges(from: .honored) == [.held, .transferred, .released, .lifted, .enteredInError])
        #expect(StatusMachine.statusChanges(from: .held) == [.transferred, .released, .lifted, .enteredInError])
        #expect(StatusMachine.statusChanges(from: .transferred) == [.enteredInError])
        #expect(StatusMachine.statusChanges(from: .enteredInError).isEmpty)
    }

    @Test func reviewsDecideOnlyPendingDetainers() {
        #expect(DetainerStatus.allCases.filter(StatusMachine.isReviewable) == [.pendingReview])
        for decision in Decision.allCases { #expect(DetainerStatus.pendingReview.canMove(to: decision.status)) }
        #expect(Decision.honor.status == .honored)
        #expect(Decision.decline.status == .declined)
    }

    @Test func notesAndCustody() {
        #expect(DetainerStatus.allCases.filter(StatusMachine.requiresNote) == [.enteredInError])
        #expect(DetainerStatus.allCases.filter(StatusMachine.leavesCityCustody) == [.transferred, .released])
        #expect(DetainerStatus.open == [.received, .pendingReview, .honored, .held])
    }
}
