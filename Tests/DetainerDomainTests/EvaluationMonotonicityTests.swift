import Foundation
import Testing
@testable import DetainerDomain

/// Issue 24 §6: the engine is safe by construction. Over thousands of generated cases (the seeded
/// generator of `EvaluationPropertyTests`), changing one fact in the direction of "less known" or
/// "less for ICE" never gives a more permissive outcome:
/// - making any fact unknown never gives more than `needsReview` (unless the answer already was);
/// - removing a judgment never gives a more permissive outcome;
/// - downgrading the warrant (judicial → administrative → none) never does;
/// - a judicial warrant presented later than the detainer never does.
/// Cases that once failed are kept as fixed examples in `EvaluationCasesIssue24`.
struct EvaluationMonotonicityTests {
    /// decline < holdPendingWarrant < needsReview < permitted: how far an outcome may go for ICE.
    /// A hold is bounded by its deadline and lawful whatever (b)(1) says ("notwithstanding
    /// paragraph one"); `needsReview` leaves every answer open, `permitted` included. (With a
    /// judicial warrant and an unknown (b)(1) fact the engine says needsReview even when the NYPD
    /// hold is certain, so a removed conviction or a weaker warrant can turn it into that hold.)
    static func rank(_ outcome: Outcome) -> Int {
        switch outcome {
        case .decline: return 0
        case .holdPendingWarrant: return 1
        case .needsReview: return 2
        case .permitted: return 3
        }
    }

    static func outcome(_ request: EvaluationRequest) -> Outcome? {
        guard let facts = try? request.validated() else { return nil }
        return Evaluator.evaluate(facts).outcome
    }

    /// Every single-fact "unknown" variant of a request: each detainer fact, each conviction fact.
    /// (`felonyClass` is not a three-valued fact: omitted, the class the Penal Law fixes is derived.)
    static func unknownVariants(_ request: EvaluationRequest) -> [(String, EvaluationRequest)] {
        var variants: [(String, EvaluationRequest)] = []
        func add(_ name: String, _ change: (inout EvaluationRequest) -> Void) {
            var copy = request
            change(&copy)
            variants.append((name, copy))
        }
        add("warrant") { $0.detainer?.warrant = nil; $0.detainer?.warrantUnknown = true; $0.detainer?.warrantPresentedAt = nil }
        add("terroristScreeningMatch") { $0.detainer?.terroristScreeningMatch = nil }
        add("illegalReentryAfterRemoval") { $0.detainer?.illegalReentryAfterRemoval = nil }
        for index in (request.convictions ?? []).indices {
            let prefix = "convictions[\(index)]."
            add(prefix + "youthfulOffender") { $0.convictions![index].youthfulOffender = nil }
            add(prefix + "juvenileDelinquent") { $0.convictions![index].juvenileDelinquent = nil }
            add(prefix + "hateCrime") { $0.convictions![index].hateCrime = nil }
            add(prefix + "sealed") { $0.convictions![index].sealed = nil }
            add(prefix + "vacated") { $0.convictions![index].vacated = nil }
            add(prefix + "incarceratedDaysForThisCrime") { $0.convictions![index].incarceratedDaysForThisCrime = nil }
            add(prefix + "convictedOn") { $0.convictions![index].convictedOn = nil }
            if request.convictions![index].awaitingSentence != true {
                add(prefix + "sentencedOn") { $0.convictions![index].sentencedOn = nil }
            }
            if request.convictions![index].sentencedOn == nil {
                add(prefix + "awaitingSentence") { $0.convictions![index].awaitingSentence = nil }
            }
            add(prefix + "jurisdiction") {
                $0.convictions![index].jurisdiction = nil
                $0.convictions![index].jurisdictionUnknown = true
            }
        }
        return variants
    }

    static func check(_ request: EvaluationRequest, iteration: Int) {
        guard let before = outcome(request) else {
            Issue.record("iteration \(iteration): generated request is invalid")
            return
        }
        // Unknown facts: never more than needsReview (unless it already was).
        for (name, variant) in unknownVariants(request) {
            guard let after = outcome(variant) else { continue }
            #expect(rank(after) <= max(rank(before), rank(.needsReview)),
                    "iteration \(iteration): \(name) unknown turned \(before) into \(after)")
        }
        // Removing a judgment.
        for index in (request.convictions ?? []).indices {
            var variant = request
            variant.convictions!.remove(at: index)
            guard let after = outcome(variant) else { continue }
            #expect(rank(after) <= rank(before), "iteration \(iteration): removing convictions[\(index)] turned \(before) into \(after)")
        }
        // Downgrading the warrant.
        let downgrades = ["judicial": "administrative", "administrative": "none"]
        if let warrant = request.detainer?.warrant, let lower = downgrades[warrant] {
            var variant = request
            variant.detainer?.warrant = lower
            if let after = outcome(variant) {
                #expect(rank(after) <= rank(before), "iteration \(iteration): warrant \(warrant) → \(lower) turned \(before) into \(after)")
            }
        }
        // A judicial warrant presented later: the day of receipt, the next day, the evaluation day.
        if request.detainer?.warrant == "judicial", request.detainer?.warrantPresentedAt == nil,
           let received = request.detainer?.receivedOn.flatMap(CivilDate.init(parsing:)),
           let evaluated = request.evaluatedOn.flatMap(CivilDate.init(parsing:)) {
            for day in Set([received, min(received.adding(days: 1), evaluated), evaluated]) {
                for hour in [0, 13, 23] {
                    var variant = request
                    variant.detainer?.warrantPresentedAt = NewYorkTime.startOfDay(day).adding(seconds: Int64(hour) * 3600 + 59).description
                    guard let after = outcome(variant) else {
                        Issue.record("iteration \(iteration): a warrant presented on \(day) made the request invalid")
                        continue
                    }
                    #expect(rank(after) <= rank(before),
                            "iteration \(iteration): a warrant presented on \(day) at \(hour):00 turned \(before) into \(after)")
                }
            }
        }
    }

    @Test("Generated cases: unknown facts, removed judgments, weaker or later warrants are never more permissive")
    func monotonicity() {
        var g = EvaluationPropertyTests.Generator(state: 20_261_207)
        for iteration in 0..<1500 {
            Self.check(EvaluationPropertyTests.randomRequest(&g), iteration: iteration)
        }
    }

    @Test("The table's cases obey the same properties", arguments: evaluationCases + issue10Cases + issue24Cases)
    func tableCases(_ testCase: EvaluationCase) {
        Self.check(testCase.request, iteration: -1)
    }
}
