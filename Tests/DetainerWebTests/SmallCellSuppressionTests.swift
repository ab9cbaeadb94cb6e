@testable import DetainerWeb
import DetainerStore
import Testing

/// Issue 22: the published page's small-cell rule (`ReportDecisions.suppression`).
@Suite struct SmallCellSuppressionTests {
    static func shown(_ cells: [(String, Int)]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: AnnualReportPage.suppressed(cells.map { ($0.0, JSONValue.int(Int64($0.1))) }))
    }

    @Test func aGroupWithoutSmallCountsIsShownAsIs() {
        #expect(Self.shown([("i", 0), ("ii", 12), ("iii", 5)]) == ["i": "0", "ii": "12", "iii": "5"])
    }

    @Test func smallCountsAndZerosLookAlikeInAGroupWithASmallCount() {
        // Two hidden cells (a 1 and a 0): nothing more is hidden.
        #expect(Self.shown([("i", 1), ("ii", 0), ("iii", 9), ("iv", 7)]) == ["i": "<5", "ii": "<5", "iii": "9", "iv": "7"])
    }

    @Test func aSingleHiddenCellTakesTheSmallestOtherWithIt() {
        // total 25 = 3 + 10 + 12: hiding only the 3 would leave 25 − 10 − 12 = 3.
        #expect(Self.shown([("i", 3), ("ii", 10), ("iii", 12)]) == ["i": "<5", "ii": "suppressed", "iii": "12"])
    }

    @Test func groupsAreSeparate() {
        let shown = Self.shown([("noVSC.requests", 2), ("noVSC.responses", 9), ("VSC.requests", 20), ("VSC.responses", 30)])
        #expect(shown["VSC.requests"] == "20" && shown["VSC.responses"] == "30")
        #expect(shown["noVSC.requests"] == "<5" && shown["noVSC.responses"] == "suppressed")
    }
}
