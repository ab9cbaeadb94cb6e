import Foundation
import Testing
@testable import DetainerDomain

struct EvaluationTableTests {
    @Test("Table has at least 70 cases and covers every outcome")
    func coverage() {
        #expect(evaluationCases.count >= 70)
        #expect(Set(evaluationCases.map(\.outcome)) == Set(Outcome.allCases))
    }

    @Test("Issue 10 adds at least 40 cases")
    func issue10Coverage() {
        #expect(issue10Cases.count >= 40)
    }

    @Test("Issue 24 adds a case for every example it gives")
    func issue24Coverage() {
        #expect(issue24Cases.count >= 40)
    }

    @Test("Evaluation table", arguments: evaluationCases + issue10Cases + issue24Cases)
    func evaluate(_ testCase: EvaluationCase) throws {
        let facts = try testCase.request.validated()
        let evaluation = Evaluator.evaluate(facts)
        #expect(evaluation.outcome == testCase.outcome)
        #expect(evaluation.reasons == ReasonSet(testCase.reasons), "got \(evaluation.reasons.codes.map(\.code))")

        let report = evaluation.report(for: facts)
        #expect(report.outcome == testCase.outcome)
        #expect(report.holdDeadline?.description == testCase.holdDeadline)
        if testCase.outcome != .permitted { #expect(!report.reasons.isEmpty, "a \(testCase.outcome) must say why") }
        if testCase.reasons.contains(.qualifyingConviction) { #expect(!report.qualifyingConvictions.isEmpty) }
        for check in report.checks {
            #expect(!check.message.isEmpty && check.message.hasSuffix("."), "\(check.rule): \(check.message)")
            #expect(!check.citation.isEmpty, "\(check.rule)")
            #expect(check.passed == (check.result == "pass"))
        }
        #expect(report.checks.first?.rule == "ruleVersion")
        // Rendering is deterministic.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(report) == encoder.encode(evaluation.report(for: facts)))
    }
}
