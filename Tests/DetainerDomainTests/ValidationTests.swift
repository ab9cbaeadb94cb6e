import Foundation
import Testing
@testable import DetainerDomain

struct ValidationTests {
    static let valid = """
    { "agency": "DOC", "evaluatedOn": "2021-06-01", "instantArrestDate": "2021-05-20",
      "detainer": { "receivedOn": "2021-05-28", "warrant": "judicial" },
      "convictions": [ { "statute": "PL 120.05", "convictedOn": "2018-03-02" },
                       { "statute": "PL 160.15", "convictedOn": "2017-01-01" } ] }
    """

    /// Decodes `json` and returns every issue as `path: message`.
    static func issues(_ json: String) throws -> [String] {
        let request = try JSONDecoder().decode(EvaluationRequest.self, from: Data(json.utf8))
        do {
            _ = try request.validated()
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// Replaces the first occurrence of `target` in the valid request.
    static func variant(_ target: String, _ replacement: String) -> String {
        precondition(valid.contains(target), target)
        return valid.replacingOccurrences(of: target, with: replacement, options: [], range: valid.range(of: target))
    }

    /// (edit to the valid request, expected issue) — each names the field path.
    static let cases: [(String, String, String)] = [
        ("\"agency\": \"DOC\",", "", "agency: required (DOC, NYPD or DOP)"),
        ("\"agency\": \"DOC\"", "\"agency\": \"ICE\"", "agency: \"ICE\" is not one of DOC, NYPD, DOP"),
        ("\"warrant\": \"judicial\"", "\"warrant\": \"I-200\"", "detainer.warrant: \"I-200\" is not one of judicial, administrative, none"),
        (", \"warrant\": \"judicial\"", "", "detainer.warrant: required (judicial, administrative or none)"),
        ("\"evaluatedOn\": \"2021-06-01\"", "\"evaluatedOn\": \"2021-02-30\"", "evaluatedOn: not a valid date \"2021-02-30\" (expected YYYY-MM-DD)"),
        ("\"instantArrestDate\": \"2021-05-20\"", "\"instantArrestDate\": \"05/20/2021\"", "instantArrestDate: not a valid date \"05/20/2021\" (expected YYYY-MM-DD)"),
        ("\"instantArrestDate\": \"2021-05-20\",", "", "instantArrestDate: required (YYYY-MM-DD)"),
        ("\"instantArrestDate\": \"2021-05-20\"", "\"instantArrestDate\": \"2021-06-02\"", "instantArrestDate: 2021-06-02 is after evaluatedOn 2021-06-01"),
        ("\"receivedOn\": \"2021-05-28\"", "\"receivedOn\": \"2021-06-05\"", "detainer.receivedOn: 2021-06-05 is after evaluatedOn 2021-06-01"),
        ("\"receivedOn\": \"2021-05-28\"", "\"receivedOn\": \"2021-13-01\"", "detainer.receivedOn: not a valid date \"2021-13-01\" (expected YYYY-MM-DD)"),
        ("\"agency\": \"DOC\",", "\"agency\": \"DOC\", \"releaseAt\": \"2021-06-01T18:30:00\",",
         "releaseAt: not a valid UTC ISO-8601 instant \"2021-06-01T18:30:00\" (e.g. 2021-06-01T18:30:00Z)"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2021-02-30\"", "convictions[1].convictedOn: not a valid date \"2021-02-30\" (expected YYYY-MM-DD)"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2021-06-02\"", "convictions[1].convictedOn: 2021-06-02 is after evaluatedOn 2021-06-01"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"felonyClass\": \"F\"",
         "convictions[1].felonyClass: \"F\" is not one of A-I, A-II, A, B, C, D, E, misdemeanor, A misdemeanor, B misdemeanor, unclassified misdemeanor, violation, infraction"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"jurisdiction\": \"Mars\"",
         "convictions[1].jurisdiction: \"Mars\" is not one of NY, otherState, federal"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"incarceratedDaysForThisCrime\": -1",
         "convictions[1].incarceratedDaysForThisCrime: -1 is not between 0 and 36525"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"incarceratedDaysForThisCrime\": 1.5",
         "convictions[1].incarceratedDaysForThisCrime: expected an integer"),
        ("\"statute\": \"PL 160.15\", ", "", "convictions[1].statute: required (the statute as written)"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"nyEquivalent\": \"PL 160.15\"",
         "convictions[1].nyEquivalent: only for otherState or federal convictions"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"authorizedTermOverOneYear\": true",
         "convictions[1].authorizedTermOverOneYear: only for otherState or federal convictions"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"objectStatute\": \"PL 125.25\"",
         "convictions[1].objectStatute: only for an attempt, conspiracy, solicitation or facilitation (PL 100/105/110/115) or a hate crime (PL 485.05)"),
        ("\"statute\": \"PL 160.15\"", "\"statute\": \"110-125.25\", \"objectStatute\": \"PL 120.05\"",
         "convictions[1].objectStatute: \"PL 120.05\" conflicts with the object crime PL 125.25 in the statute"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"youthfullOffender\": true",
         "convictions[1].youthfullOffender: unknown field"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"sealed\": \"yes\"",
         "convictions[1].sealed: expected true, false or null"),
        ("\"warrant\": \"judicial\"", "\"warrant\": \"judicial\", \"terroristScreeningMatch\": 1",
         "detainer.terroristScreeningMatch: expected true, false or null"),
        ("\"warrant\": \"judicial\"", "\"warrant\": 7", "detainer.warrant: expected a string"),
        ("\"agency\": \"DOC\",", "\"agency\": \"DOC\", \"pendingCharges\": [ {} ],", "pendingCharges[0].statute: required (the charge as written)"),
        ("\"agency\": \"DOC\",", "\"agency\": \"DOC\", \"pendingCharges\": \"PL 125.25\",", "pendingCharges: expected an array"),
        ("\"agency\": \"DOC\",", "\"agency\": \"DOC\", \"convictionz\": [],", "convictionz: unknown field"),
        ("\"detainer\": { \"receivedOn\": \"2021-05-28\", \"warrant\": \"judicial\" },", "",
         "detainer: required (an object with at least \"warrant\")"),
        ("\"detainer\": {", "\"detainer\": [], \"x\": {", "detainer: expected an object"),
        // Issue 10 §1: the sentence completes the judgment (CPL 1.20(14)-(15)).
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"sentencedOn\": \"2016-12-31\"",
         "convictions[1].sentencedOn: 2016-12-31 is before convictedOn 2017-01-01"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"sentencedOn\": \"2017-02-01\", \"awaitingSentence\": true",
         "convictions[1].awaitingSentence: true contradicts sentencedOn (a sentence was imposed)"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"sentencedOn\": \"2021-06-02\"",
         "convictions[1].sentencedOn: 2021-06-02 is after evaluatedOn 2021-06-01"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"sentencedOn\": \"2017-02-30\"",
         "convictions[1].sentencedOn: not a valid date \"2017-02-30\" (expected YYYY-MM-DD)"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"awaitingSentence\": \"no\"",
         "convictions[1].awaitingSentence: expected true, false or null"),
        ("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"incarceratedDaysForThisCrime\": \"10\"",
         "convictions[1].incarceratedDaysForThisCrime: expected an integer"),
        // Issue 24 §5: control characters in any text field (BEL, ESC, CR, LF, DEL, C1).
        ("\"statute\": \"PL 120.05\"", "\"statute\": \"PL 120.05\\u0007\"", "convictions[0].statute: contains a control character (U+0007)"),
        ("\"statute\": \"PL 120.05\"", "\"statute\": \"\\u001B[2JPL 120.05\"", "convictions[0].statute: contains a control character (U+001B)"),
        ("\"statute\": \"PL 120.05\"", "\"statute\": \"PL 120.05\\r\\nOutcome: permitted\"", "convictions[0].statute: contains a control character (U+000D)"),
        ("\"statute\": \"PL 160.15\"", "\"statute\": \"PL 160.15\\u007F\"", "convictions[1].statute: contains a control character (U+007F)"),
        ("\"statute\": \"PL 120.05\"", "\"statute\": \"PL 120.05\", \"objectStatute\": \"\\u009B\"", "convictions[0].objectStatute: contains a control character (U+009B)"),
        ("\"agency\": \"DOC\"", "\"agency\": \"DOC\\n\"", "agency: contains a control character (U+000A)"),
        // Issue 24 §4: when the warrant was presented.
        ("\"warrant\": \"judicial\"", "\"warrant\": \"judicial\", \"warrantPresentedAt\": \"2021-06-01\"",
         "detainer.warrantPresentedAt: not a valid UTC ISO-8601 instant \"2021-06-01\" (e.g. 2021-06-03T15:00:00Z)"),
        ("\"warrant\": \"judicial\"", "\"warrant\": \"judicial\", \"warrantPresentedAt\": \"2021-06-02T04:00:00Z\"",
         "detainer.warrantPresentedAt: 2021-06-02T04:00:00Z is after evaluatedOn 2021-06-01 (New York time)"),
    ]

    /// Issue 10 §2: an explicit null is "not known" for every fact; omitted keeps the contract's
    /// default (false, 0 days, New York, sentence not known).
    @Test("null is unknown and omitted is the default, for every conviction fact", arguments: [
        "youthfulOffender", "juvenileDelinquent", "hateCrime", "sealed", "vacated", "awaitingSentence",
        "incarceratedDaysForThisCrime", "jurisdiction",
    ])
    func nullIsUnknown(_ field: String) throws {
        let json = Self.variant("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2017-01-01\", \"\(field)\": null")
        let facts = try JSONDecoder().decode(EvaluationRequest.self, from: Data(json.utf8)).validated()
        let omitted = try JSONDecoder().decode(EvaluationRequest.self, from: Data(Self.valid.utf8)).validated()
        let conviction = facts.convictions[1]
        let values: [String: (Any?, Any?)] = [
            "youthfulOffender": (conviction.youthfulOffender, omitted.convictions[1].youthfulOffender),
            "juvenileDelinquent": (conviction.juvenileDelinquent, omitted.convictions[1].juvenileDelinquent),
            "hateCrime": (conviction.hateCrime, omitted.convictions[1].hateCrime),
            "sealed": (conviction.sealed, omitted.convictions[1].sealed),
            "vacated": (conviction.vacated, omitted.convictions[1].vacated),
            "awaitingSentence": (conviction.awaitingSentence, omitted.convictions[1].awaitingSentence),
            "incarceratedDaysForThisCrime": (conviction.incarceratedDaysForThisCrime, omitted.convictions[1].incarceratedDaysForThisCrime),
            "jurisdiction": (conviction.jurisdiction, omitted.convictions[1].jurisdiction),
        ]
        let (explicitNull, absent) = try #require(values[field])
        #expect(explicitNull == nil, "\(field): null must be unknown")
        #expect(absent != nil, "\(field): omitted must be the documented default")
    }

    @Test("warrant null is unknown, warrant omitted is an error")
    func warrantNull() throws {
        let json = Self.variant("\"warrant\": \"judicial\"", "\"warrant\": null")
        let facts = try JSONDecoder().decode(EvaluationRequest.self, from: Data(json.utf8)).validated()
        #expect(facts.detainer.warrant == nil)
        #expect(try Self.issues(Self.variant(", \"warrant\": \"judicial\"", "")) == ["detainer.warrant: required (judicial, administrative or none)"])
    }

    @Test("Each invalid field is reported with its path", arguments: cases.indices)
    func invalidField(_ index: Int) throws {
        let (target, replacement, expected) = Self.cases[index]
        let found = try Self.issues(Self.variant(target, replacement))
        #expect(found.contains(expected), "got \(found)")
    }

    @Test("The unmodified request is valid")
    func validRequest() throws {
        #expect(try Self.issues(Self.valid).isEmpty)
    }

    /// Issue 25 §3: every enumerated value in any case, kept in its canonical spelling.
    @Test("Enumerated values are accepted in any case and canonicalised")
    func enumerationsIgnoreCase() throws {
        let json = Self.variant("\"agency\": \"DOC\"", "\"agency\": \"doc\"")
            .replacingOccurrences(of: "\"warrant\": \"judicial\"", with: "\"warrant\": \"Judicial\"")
        let request = try JSONDecoder().decode(EvaluationRequest.self, from: Data(json.utf8))
        let facts = try request.validated()
        #expect(facts.agency == .doc)
        #expect(facts.detainer.warrant == .judicial)
    }

    @Test("evaluatedOn is required only when detainer.receivedOn is absent")
    func evaluatedOnDefault() throws {
        let withoutBoth = Self.variant("\"evaluatedOn\": \"2021-06-01\",", "")
            .replacingOccurrences(of: "\"receivedOn\": \"2021-05-28\", ", with: "")
        #expect(try Self.issues(withoutBoth) == ["evaluatedOn: required when detainer.receivedOn is absent"])
        let defaulted = try JSONDecoder().decode(
            EvaluationRequest.self, from: Data(Self.variant("\"evaluatedOn\": \"2021-06-01\",", "").utf8)).validated()
        #expect(defaulted.evaluatedOn == date("2021-05-28"))
    }

    @Test("A conviction after the instant arrest but not after evaluatedOn is valid (README §12.6)")
    func convictionAfterArrest() throws {
        #expect(try Self.issues(Self.variant("\"convictedOn\": \"2017-01-01\"", "\"convictedOn\": \"2021-05-30\"")).isEmpty)
    }

    @Test("All problems are reported together, in field order")
    func manyProblems() throws {
        let json = """
        { "agency": "XYZ", "instantArrestDate": "2021-99-01",
          "detainer": { "warrant": "maybe" },
          "convictions": [ { "convictedOn": "yesterday", "incarceratedDaysForThisCrime": -5 } ] }
        """
        #expect(try Self.issues(json) == [
            "agency: \"XYZ\" is not one of DOC, NYPD, DOP",
            "detainer.warrant: \"maybe\" is not one of judicial, administrative, none",
            "evaluatedOn: required when detainer.receivedOn is absent",
            "instantArrestDate: not a valid date \"2021-99-01\" (expected YYYY-MM-DD)",
            "convictions[0].convictedOn: not a valid date \"yesterday\" (expected YYYY-MM-DD)",
            "convictions[0].incarceratedDaysForThisCrime: -5 is not between 0 and 36525",
            "convictions[0].statute: required (the statute as written)",
        ])
    }

    @Test("A non-object document and malformed JSON are described with a path")
    func rootProblems() throws {
        #expect(try Self.issues("[1, 2]") == ["$: expected an object"])
        do {
            _ = try JSONDecoder().decode(EvaluationRequest.self, from: Data("{ \"agency\": ".utf8))
            Issue.record("malformed JSON decoded")
        } catch let error as DecodingError {
            #expect(ValidationIssue(decodingError: error).description.hasPrefix("$: not valid JSON"))
        }
    }
}
