import Testing
@testable import DetainerDomain

/// Issue 12 §5 / issue 10: every project decision is read by the code that applies it — changing
/// it changes an answer. Each row: the decision, how to change it, a case, and the standard outcome.
struct ProjectDecisionsTests {
    struct Row: Sendable, CustomStringConvertible {
        let decision: String
        let change: @Sendable (inout ProjectDecisions) -> Void
        let request: EvaluationRequest
        let standard: Outcome
        var description: String { decision }
    }

    static let rows: [Row] = [
        Row(decision: "localLaws2014EffectiveDate", change: { $0.localLaws2014EffectiveDate = CivilDate(year: 2021, month: 6, day: 2)! },
            request: request([conviction("PL 120.05")]), standard: .permitted),
        Row(decision: "docRule2019EffectiveDate", change: { $0.docRule2019EffectiveDate = CivilDate(year: 2022, month: 1, day: 1)! },
            request: request([conviction("PL 230.13", "2020-03-02")]), standard: .permitted),
        Row(decision: "probationLawEffectiveDate", change: { $0.probationLawEffectiveDate = CivilDate(year: 2022, month: 1, day: 1)! },
            request: request([conviction("PL 120.05")], agency: "DOP"), standard: .permitted),
        Row(decision: "lookBackYears", change: { $0.lookBackYears = 10 },
            request: request([conviction("PL 120.05", "2014-06-01")]), standard: .decline),
        Row(decision: "boundaryDayIsOutside", change: { $0.boundaryDayIsOutside = false },
            request: request([conviction("PL 120.05", "2016-05-20")]), standard: .decline),
        Row(decision: "leapDayAnniversaryIsFeb28", change: { $0.leapDayAnniversaryIsFeb28 = false },
            request: request([conviction("PL 120.05", "2016-02-29")], evaluatedOn: "2021-03-01", arrest: "2021-02-28"), standard: .decline),
        Row(decision: "convictionsAfterArrestAreInside", change: { $0.convictionsAfterArrestAreInside = false },
            request: request([conviction("PL 120.05", "2021-05-25")]), standard: .permitted),
        Row(decision: "tollingIsPerConviction", change: { $0.tollingIsPerConviction = false },
            request: request([conviction("PL 120.05", "2015-01-10", days: 497)]), standard: .permitted),
        Row(decision: "sealedConvictionIsUnknown", change: { $0.sealedConvictionIsUnknown = false },
            request: request([conviction("PL 160.15", sealed: true)]), standard: .needsReview),
        Row(decision: "versionChosenByEvaluationDate", change: { $0.versionChosenByEvaluationDate = false },
            request: request([conviction("PL 120.05", "2012-01-01")], arrest: "2014-06-01"), standard: .permitted),
        Row(decision: "felonyClassConflictNeedsReview", change: { $0.felonyClassConflictNeedsReview = false },
            request: request([conviction("110-120.01", cls: "E")]), standard: .needsReview),
        Row(decision: "hateCrimeRaisesSpecifiedOffensesOnly", change: { $0.hateCrimeRaisesSpecifiedOffensesOnly = false },
            request: request([conviction("PL 220.39", hate: true)]), standard: .decline),
        Row(decision: "inchoateClassFixedByDegree", change: { $0.inchoateClassFixedByDegree = false },
            request: request([conviction("PL 105.15/125.25")]), standard: .permitted),
        Row(decision: "inchoateCoversStatutoryListOnly", change: { $0.inchoateCoversStatutoryListOnly = false },
            request: request([conviction("110-135.37", "2020-03-02", cls: "D")]), standard: .decline),
        Row(decision: "vehicleAndTraffic600NeedsClass", change: { $0.vehicleAndTraffic600NeedsClass = false },
            request: request([conviction("VTL 600(2)(c)")]), standard: .needsReview),
        Row(decision: "foreignConvictionNeedsPredicate", change: { $0.foreignConvictionNeedsPredicate = false },
            request: request([conviction("N.J.S.A. 2C:12-1b", cls: "D", jurisdiction: "otherState", equivalent: "PL 120.05")]),
            standard: .needsReview),
        Row(decision: "nypdHoldWhenParagraphOneFails", change: { $0.nypdHoldWhenParagraphOneFails = false },
            request: request([conviction("PL 160.15", "2009-06-01")], agency: "NYPD", reentry: true), standard: .holdPendingWarrant),
        Row(decision: "holdStartsAtMidnightWithoutReleaseTime", change: { $0.holdStartsAtMidnightWithoutReleaseTime = false },
            request: request(agency: "NYPD", warrant: "none", tsdb: true), standard: .holdPendingWarrant),
        Row(decision: "holdCountedFromReceiptWithoutReleaseTime", change: { $0.holdCountedFromReceiptWithoutReleaseTime = false },
            request: request(agency: "NYPD", warrant: "none", tsdb: true, evaluatedOn: "2022-03-10", arrest: "2022-02-28", receivedOn: "2022-03-01"),
            standard: .decline),
        Row(decision: "holdEndsAtDeadline", change: { $0.holdEndsAtDeadline = false },
            request: request(agency: "NYPD", warrant: "administrative", tsdb: true, evaluatedOn: "2022-03-10", arrest: "2022-02-28",
                             releaseAt: "2022-03-01T17:00:00Z"), standard: .decline),
        Row(decision: "judgmentMustFallWhileSectionInForce", change: { $0.judgmentMustFallWhileSectionInForce = false },
            request: request([conviction("PL 135.61", "2017-06-01")]), standard: .needsReview),
        Row(decision: "warrantlessHoldHours", change: { $0.warrantlessHoldHours = 24 },
            request: request(agency: "NYPD", warrant: "none", tsdb: true, releaseAt: "2021-06-01T16:00:00Z"), standard: .holdPendingWarrant),
        Row(decision: "judgmentRequiresSentence", change: { $0.judgmentRequiresSentence = false },
            request: request([conviction("PL 120.05", sentenced: .some(nil))]), standard: .needsReview),
        Row(decision: "unknownFactsAreNeverNo", change: { $0.unknownFactsAreNeverNo = false },
            request: request([conviction("PL 160.15", yo: .some(nil))]), standard: .needsReview),
    ]

    private static func answer(_ request: EvaluationRequest, _ decisions: ProjectDecisions) throws -> (Outcome, UTCInstant?) {
        let facts = try request.validated(decisions: decisions)
        let evaluation = Evaluator.evaluate(facts, decisions: decisions)
        return (evaluation.outcome, evaluation.warrantlessHold?.deadline)
    }

    @Test("Changing a decision changes the answer", arguments: rows)
    func decisionIsApplied(_ row: Row) throws {
        var changed = ProjectDecisions.standard
        row.change(&changed)
        let standard = try Self.answer(row.request, .standard)
        let other = try Self.answer(row.request, changed)
        #expect(standard.0 == row.standard)
        #expect(standard.0 != other.0 || standard.1 != other.1, "\(row.decision) changed nothing")
    }

    @Test("instantArrestDateRequired: without it a missing arrest date is the evaluation date")
    func arrestDateRequired() throws {
        var noArrest = request([conviction("PL 120.05")])
        noArrest.instantArrestDate = nil
        #expect(throws: InputErrors.self) { try noArrest.validated() }
        var changed = ProjectDecisions.standard
        changed.instantArrestDateRequired = false
        #expect(try noArrest.validated(decisions: changed).instantArrestDate == CivilDate(year: 2021, month: 6, day: 1))
    }

    @Test("Every decision has a row")
    func everyDecisionIsCovered() {
        let names = Set(Mirror(reflecting: ProjectDecisions.standard).children.compactMap(\.label))
        #expect(names == Set(Self.rows.map(\.decision) + ["instantArrestDateRequired"]))
    }
}
