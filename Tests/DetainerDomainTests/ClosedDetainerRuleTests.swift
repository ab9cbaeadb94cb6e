import Testing
@testable import DetainerDomain

/// A closed detainer keeps the facts its decision rested on; an open one takes every change.
struct ClosedDetainerRuleTests {
    let lawFact = FieldChange(field: .tsdbMatch, old: "no", new: "yes")
    let paperwork = FieldChange(field: .facility, old: "RMSC", new: "AMKC")
    let identity = FieldChange(field: .name, old: "Ana Ruiz", new: "Ana Ruiz Soto")

    @Test func openDetainersTakeEveryCorrectionAndReevaluate() {
        for status in DetainerStatus.open {
            #expect(ClosedDetainerRule.refusedCorrection([paperwork, lawFact], status: status) == nil, "\(status)")
            #expect(ClosedDetainerRule.reevaluates(status))
            #expect(ClosedDetainerRule.acceptsWarrant(status))
        }
    }

    @Test func closedDetainersRefuseLawFactsOnly() {
        for status in DetainerStatus.allCases where !status.isOpen {
            #expect(ClosedDetainerRule.refusedCorrection([identity, paperwork, lawFact], status: status) == lawFact, "\(status)")
            #expect(ClosedDetainerRule.refusedCorrection([identity, paperwork], status: status) == nil, "\(status)")
            #expect(!ClosedDetainerRule.reevaluates(status))
            #expect(!ClosedDetainerRule.acceptsWarrant(status))
        }
    }
}
