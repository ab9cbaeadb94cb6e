import Foundation
import Testing
@testable import DetainerDomain

struct JSONContractTests {
    static let example = """
    {
      "agency": "DOC",
      "evaluatedOn": "2021-06-01",
      "instantArrestDate": "2021-05-20",
      "detainer": { "receivedOn": "2021-05-28", "warrant": "judicial",
                    "terroristScreeningMatch": false, "illegalReentryAfterRemoval": false },
      "convictions": [
        { "statute": "PL 120.05", "convictedOn": "2018-03-02", "sentencedOn": "2018-03-02", "felonyClass": "D",
          "jurisdiction": "NY", "nyEquivalent": null,
          "youthfulOffender": false, "juvenileDelinquent": false,
          "hateCrime": false, "incarceratedDaysForThisCrime": 0 }
      ],
      "pendingCharges": [ { "statute": "PL 125.25" } ]
    }
    """

    static func sortedEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    @Test("The contract example round-trips through EvaluationRequest")
    func requestRoundTrip() throws {
        let decoded = try JSONDecoder().decode(EvaluationRequest.self, from: Data(Self.example.utf8))
        #expect(decoded.decodingIssues.isEmpty)
        let encoded = try Self.sortedEncoder().encode(decoded)
        let again = try JSONDecoder().decode(EvaluationRequest.self, from: encoded)
        #expect(again == decoded)
        #expect(try Self.sortedEncoder().encode(again) == encoded)
        #expect(try again.validated() == decoded.validated())
    }

    /// ProjectDecisions.unknownFactsAreNeverNo: an omitted flag does not apply (false);
    /// an explicit null is not known, and gives needsReview where it could change the outcome.
    @Test("Omitted detainer flags are false; null flags are unknown", arguments: [
        ("", Outcome.decline, [ReasonCode.noQualifyingConviction]),
        (#", "terroristScreeningMatch": null"#, Outcome.needsReview, [ReasonCode.tsdbStatusUnknown]),
        (#", "terroristScreeningMatch": true"#, Outcome.permitted, [ReasonCode.tsdbMatch]),
    ])
    func flagPresence(_ flag: String, _ outcome: Outcome, _ reasons: [ReasonCode]) throws {
        let json = #"{"agency": "DOC", "instantArrestDate": "2021-05-20", "detainer": {"receivedOn": "2021-05-28", "warrant": "judicial""#
            + flag + "}}"
        let request = try JSONDecoder().decode(EvaluationRequest.self, from: Data(json.utf8))
        let facts = try request.validated()
        let report = Evaluator.evaluate(facts).report(for: facts)
        #expect(report.outcome == outcome)
        #expect(report.reasons == reasons)
        let again = try JSONDecoder().decode(EvaluationRequest.self, from: Self.sortedEncoder().encode(request))
        #expect(try again.validated() == facts)
    }

    @Test("The contract example evaluates to permitted with a complete, deterministic report")
    func exampleReport() throws {
        let request = try JSONDecoder().decode(EvaluationRequest.self, from: Data(Self.example.utf8))
        let report = try DetainerLaw.evaluate(request).report
        #expect(report.outcome == .permitted)
        #expect(report.ruleVersion == "nyc-2019-rule")
        #expect(report.reasons == [.qualifyingConviction])
        #expect(report.qualifyingConvictions == [QualifyingConvictionReport(
            index: 0, statute: "PL 120.05", nyEquivalent: nil, convictedOn: date("2018-03-02"),
            sentencedOn: date("2018-03-02"), lastQualifyingArrestDate: date("2023-03-01"), withinWindow: true)])
        #expect(report.checks.map(\.rule) == [
            "ruleVersion", "agencyLaw", "judicialWarrant", "convictions[0].status", "convictions[0].offense",
            "convictions[0].window", "violentOrSeriousConviction", "terroristScreening", "pendingCharges", "honorTest",
        ])
        let pending = try #require(report.checks.first { $0.rule == "pendingCharges" })
        #expect(pending.result == "fail" && pending.message.contains("PL 125.25"))

        let data = try Self.sortedEncoder().encode(report)
        #expect(try Self.sortedEncoder().encode(DetainerLaw.evaluate(request).report) == data)
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(json.keys) == ["agency", "checks", "evaluatedOn", "outcome", "qualifyingConvictions", "reasons", "ruleVersion"])
        #expect(json["reasons"] as? [String] == ["QUALIFYING_CONVICTION"])
        let firstCheck = try #require((json["checks"] as? [[String: Any]])?.first)
        #expect(Set(firstCheck.keys) == ["citation", "message", "passed", "reasons", "result", "rule"])
        #expect(try JSONDecoder().decode(EvaluationReport.self, from: data) == report)
    }

    @Test("A hold report carries holdDeadline in UTC and New York time")
    func holdReport() throws {
        let json = """
        { "agency": "NYPD", "evaluatedOn": "2021-06-04", "instantArrestDate": "2021-06-01",
          "releaseAt": "2021-06-04T22:00:00Z",
          "detainer": { "warrant": "administrative", "terroristScreeningMatch": true } }
        """
        let report = try DetainerLaw.evaluate(JSONDecoder().decode(EvaluationRequest.self, from: Data(json.utf8))).report
        #expect(report.outcome == .holdPendingWarrant)
        let data = try Self.sortedEncoder().encode(report)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"holdDeadline\":\"2021-06-08T22:00:00Z\""))
        #expect(text.contains("\"holdDeadlineLocal\":\"2021-06-08T18:00:00-04:00\""))
        #expect(text.contains("\"outcome\":\"holdPendingWarrant\""))
        #expect(report.renderedText.contains("Hold deadline: 2021-06-08T18:00:00-04:00"))
    }

    @Test("Every reason code has a unique, stable SCREAMING_SNAKE spelling that round-trips")
    func reasonCodes() throws {
        let codes = ReasonCode.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.allSatisfy { $0.isUppercase || $0 == "_" || $0.isNumber } })
        #expect(ReasonCode.allCases.count <= 64, "ReasonSet is one UInt64")
        for code in ReasonCode.allCases { #expect(ReasonCode(code: code.code) == code) }
        #expect(codes.contains("NO_JUDICIAL_WARRANT") && codes.contains("PRE_2014_REGIME") && codes.contains("PENDING_CHARGES_ONLY"))
    }
}
