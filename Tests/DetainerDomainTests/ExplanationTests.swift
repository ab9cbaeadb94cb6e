import Testing
@testable import DetainerDomain

/// Issue 10 §7: explanations a lawyer can sign.
struct ExplanationTests {
    static func report(_ request: EvaluationRequest) throws -> EvaluationReport {
        let facts = try request.validated()
        return Evaluator.evaluate(facts).report(for: facts)
    }

    @Test("Text output never shows internal names or codes", arguments: evaluationCases + issue10Cases)
    func plainText(_ testCase: EvaluationCase) throws {
        let text = try Self.report(testCase.request).renderedText
        let internalWords = ["penalLaw", "cannotTell", "needsReview", "holdPendingWarrant", "NEEDSREVIEW", "violentOrSerious",
                        "judicialWarrant", "terroristScreening", "honorTest", "warrantlessHold", "ruleVersion:"]
            + ReasonCode.allCases.map(\.code)
        for word in internalWords { #expect(!text.contains(word), "\(word) in: \(text)") }
    }

    @Test("A youthful-offender adjudication is never called a judgment")
    func youthfulOffender() throws {
        let report = try Self.report(request([conviction("PL 160.15", yo: true)]))
        for check in report.checks where check.rule.hasPrefix("convictions[0]") {
            #expect(!check.message.contains("judgment of 2018"), "\(check.message)")
        }
        #expect(report.checks.contains { $0.message.contains("youthful-offender adjudication") })
    }

    @Test("An NYPD hold with a judicial warrant on file does not speak of a warrant arriving")
    func nypdHoldWithJudicialWarrant() throws {
        let withWarrant = try Self.report(request([conviction("PL 160.15", "2009-06-01")], agency: "NYPD", reentry: true))
        #expect(withWarrant.outcome == .holdPendingWarrant)
        let hold = try #require(withWarrant.checks.first { $0.rule == "warrantlessHold" })
        #expect(!hold.message.contains("without a judicial warrant by then"), "\(hold.message)")
        #expect(hold.message.contains("already on file"))
        let without = try Self.report(request([conviction("PL 160.15", "2009-06-01")], agency: "NYPD", warrant: "none", reentry: true))
        #expect(try #require(without.checks.first { $0.rule == "warrantlessHold" }).message.contains("without a judicial warrant by then"))
    }

    @Test("Declined DOC and DOP detainers have no hold deadline")
    func declinedHasNoDeadline() throws {
        for agency in ["DOC", "DOP"] {
            let report = try Self.report(request(agency: agency, warrant: "none", tsdb: true, releaseAt: "2021-06-01T16:00:00Z"))
            #expect(report.outcome == .decline)
            #expect(report.holdDeadline == nil && !report.renderedText.contains("Hold deadline"))
        }
    }

    @Test("A hold deadline already past on evaluatedOn is said so")
    func pastDeadline() throws {
        let past = try Self.report(request(agency: "NYPD", warrant: "none", tsdb: true, evaluatedOn: "2021-06-10",
                                           releaseAt: "2021-06-01T16:00:00Z"))
        #expect(past.holdDeadlinePassed == true && past.renderedText.contains("already past on 2021-06-10"))
        let current = try Self.report(request(agency: "NYPD", warrant: "none", tsdb: true, releaseAt: "2021-06-01T16:00:00Z"))
        #expect(current.holdDeadlinePassed == false && !current.renderedText.contains("already past"))
    }
}
