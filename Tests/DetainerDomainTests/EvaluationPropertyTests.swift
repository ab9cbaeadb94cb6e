import Foundation
import Testing
@testable import DetainerDomain

/// Issue 10 §6: every valid request gets an answer — no trap anywhere in 1900-9999 — and the
/// answer is stable: the same twice, and the same after the request goes through its JSON form
/// (the path a stored detainer takes).
struct EvaluationPropertyTests {
    /// SplitMix64: small, seeded, the same on every platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let statutes = [
        "PL 120.05", "PL 160.15", "PL 125.25", "PL 120.00", "PL 120.13", "110-120.13", "110-125.25", "PL 105.05/125.25",
        "PL 105.15/125.25", "PL 100.13/120.10", "PL 115.01/120.05", "PL 485.05", "PL 220.39", "PL 155.25", "PL 265.02(3)",
        "PL 265.02", "PL 135.65(2)(b)", "PL 240.30(1)", "VTL 600(2)(c)", "VTL 1192(3)", "120.00H", "CO", "PL 230.34-a",
        "PL 135.37", "AC 10-131(g)(1)", "",
        // Issue 24: the paths whose stated class and dates are now checked.
        "PL 135.61", "PL 140.10", "110-120.00", "PL 105.15/120.05", "PL 115.08/160.15", "VTL 600(1)", "VTL 600(2)(a)",
        "VTL 1192(1)", "PL 125.40", "PL 121.12", "110-120.10",
    ]
    static let classes: [String?] = [nil, nil, nil, "A-I", "A-II", "A", "B", "C", "D", "E", "misdemeanor", "A misdemeanor",
                                     "B misdemeanor", "violation", "infraction"]

    static func date(_ g: inout Generator, from low: CivilDate, to high: CivilDate) -> CivilDate {
        CivilDate(dayNumber: Int.random(in: low.dayNumber...max(low.dayNumber, high.dayNumber), using: &g))
    }

    static func fact(_ g: inout Generator) -> Bool? { [true, false, nil].randomElement(using: &g)! }

    static func randomRequest(_ g: inout Generator) -> EvaluationRequest {
        let earliest = CivilDate(year: 1900, month: 1, day: 1)!
        let latest = CivilDate(year: 9999, month: 12, day: 31)!
        let evaluatedOn = date(&g, from: earliest, to: latest)
        let arrest = date(&g, from: max(earliest, evaluatedOn.adding(days: -3000)), to: evaluatedOn)
        var releaseAt: String?
        if Bool.random(using: &g) {
            let day = date(&g, from: evaluatedOn, to: min(latest, evaluatedOn.adding(days: 20)))
            let seconds = Int.random(in: 0..<86_400, using: &g)
            releaseAt = String(format: "%@T%02d:%02d:%02dZ", day.description, seconds / 3600, seconds / 60 % 60, seconds % 60)
        }
        var convictions: [ConvictionInput] = []
        for _ in 0..<Int.random(in: 0...4, using: &g) {
            let convicted: CivilDate? = Int.random(in: 0..<10, using: &g) == 0 ? nil : date(&g, from: earliest, to: evaluatedOn)
            var sentenced: CivilDate?
            if Bool.random(using: &g) { sentenced = date(&g, from: convicted ?? earliest, to: evaluatedOn) }
            let jurisdiction = ["NY", "NY", "NY", "otherState", "federal", nil].randomElement(using: &g)!
            let foreign = jurisdiction == "otherState" || jurisdiction == "federal"
            let statute = statutes.randomElement(using: &g)!
            convictions.append(ConvictionInput(
                statute: foreign ? "N.J.S.A. 2C:12-1b" : statute,
                objectStatute: statute == "PL 485.05" ? ["PL 120.00", "PL 160.15", nil].randomElement(using: &g)! : nil,
                convictedOn: convicted?.description, sentencedOn: sentenced?.description,
                awaitingSentence: sentenced == nil ? fact(&g) : [false, nil].randomElement(using: &g)!,
                felonyClass: classes.randomElement(using: &g)!, jurisdiction: jurisdiction, jurisdictionUnknown: jurisdiction == nil,
                nyEquivalent: foreign && Bool.random(using: &g) ? statute : nil,
                authorizedTermOverOneYear: foreign ? fact(&g) : nil,
                youthfulOffender: fact(&g), juvenileDelinquent: fact(&g), hateCrime: fact(&g), sealed: fact(&g), vacated: fact(&g),
                incarceratedDaysForThisCrime: [0, 0, nil, Int.random(in: 0...EvaluationRequest.maximumIncarceratedDays, using: &g)]
                    .randomElement(using: &g)!))
        }
        let warrant = ["judicial", "administrative", "none", nil].randomElement(using: &g)!
        return EvaluationRequest(
            agency: Agency.allCases.map(\.rawValue).randomElement(using: &g)!, evaluatedOn: evaluatedOn.description,
            instantArrestDate: arrest.description, releaseAt: releaseAt,
            detainer: DetainerInput(
                receivedOn: Bool.random(using: &g) ? date(&g, from: arrest, to: evaluatedOn).description : nil,
                warrant: warrant, warrantUnknown: warrant == nil, terroristScreeningMatch: fact(&g), illegalReentryAfterRemoval: fact(&g)),
            convictions: convictions,
            pendingCharges: Bool.random(using: &g) ? [PendingChargeInput(statute: "PL 125.25")] : [])
    }

    @Test("Random valid requests (dates 1900-9999) never trap and give a stable, JSON-stable answer")
    func randomRequests() throws {
        var g = Generator(state: 20_261_202)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var outcomes: [Outcome: Int] = [:]
        for iteration in 0..<3000 {
            let request = Self.randomRequest(&g)
            let facts: CaseFacts
            do {
                facts = try request.validated()
            } catch {
                Issue.record("iteration \(iteration): generated request is invalid: \(error)")
                continue
            }
            let first = Evaluator.evaluate(facts)
            let report = first.report(for: facts)
            #expect(Evaluator.evaluate(facts) == first, "iteration \(iteration): not the same twice")
            let json = try encoder.encode(request)
            let decoded = try JSONDecoder().decode(EvaluationRequest.self, from: json)
            let again = try decoded.validated()
            #expect(again == facts, "iteration \(iteration): facts changed through JSON: \(String(decoding: json, as: UTF8.self))")
            #expect(Evaluator.evaluate(again).report(for: again) == report, "iteration \(iteration): report changed through JSON")
            _ = report.renderedText
            outcomes[report.outcome, default: 0] += 1
        }
        // The generator reaches every outcome, so the property covers them all.
        #expect(Set(outcomes.keys) == Set(Outcome.allCases), "\(outcomes)")
    }
}
