import DetainerDomain
import DetainerJSON
import Foundation
import Testing

/// Issue 10 §3 / issue 12 §3: one strict reader for every JSON input.
struct StrictJSONTests {
    private func issues(_ text: String) -> [String] {
        do {
            try StrictJSON.check(Data(text.utf8))
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test("RFC 8259 only: +1, 01, \"\\q\", trailing commas, comments, NaN and trailing text are refused", arguments: [
        #"{"a": +1}"#, #"{"a": 01}"#, #"{"a": "\q"}"#, #"{"a": 1,}"#, #"[1,]"#, #"{"a": [1, 2,]}"#,
        "/* c */ {}", #"{"a": NaN}"#, #"{"a": 1} x"#, "{'a': 1}", "",
    ])
    func refused(_ text: String) {
        #expect(!issues(text).isEmpty, "\(text) must be refused")
    }

    @Test("Valid JSON passes, including escapes, exponents and nesting")
    func accepted() {
        #expect(issues(#"{"a": [1, -0.5e3, "x\u0041\n", {"b": null}], "c": true}"#).isEmpty)
        #expect(issues(#"[{"a": 1}, {"a": 2}]"#).isEmpty, "the same key in two objects is not a duplicate")
        #expect(issues(#"{"a": 1e999, "b": "e5"}"#).isEmpty, "RFC 8259 allows numbers out of range; the field reader names them")
        #expect(!issues(#"{"a": 1e999, "b": 01}"#).isEmpty, "an out-of-range number does not hide other errors")
    }

    @Test("Duplicate keys and trailing commas are named by their JSON path")
    func paths() {
        #expect(issues(#"{"a": 1, "a": 2}"#) == ["a: duplicate key"])
        #expect(issues(#"{"x": [{"b": 1}, {"b": 1, "\u0062": 2}]}"#) == ["x[1].b: duplicate key"])
        #expect(issues(#"{"detainer": {"warrant": "judicial", "warrant": "none"}}"#) == ["detainer.warrant: duplicate key"])
        #expect(issues(#"{"convictions": [{"statute": "PL 120.05",}]}"#) == ["convictions[0]: trailing comma"])
    }

    @Test("An evaluation request with a duplicate or unknown key is refused, each named")
    func evaluationRequest() throws {
        let json = #"{"agency": "DOC", "agency": "NYPD", "instantArrestDate": "2021-05-20", "evaluatedOn": "2021-06-01", "detainer": {"warrant": "judicial"}}"#
        #expect(throws: InputErrors.self) { try StrictJSON.decode(EvaluationRequest.self, from: Data(json.utf8)) }
        let misspelt = #"{"agency": "DOC", "instantArrestDate": "2021-05-20", "evaluatedOn": "2021-06-01", "detainer": {"warrant": "judicial", "tsdb": true}}"#
        let request = try StrictJSON.decode(EvaluationRequest.self, from: Data(misspelt.utf8))
        #expect(throws: InputErrors([ValidationIssue(path: "detainer.tsdb", message: "unknown field")])) { try request.validated() }
    }

    @Test("intake --json: an unknown key such as \"warrent\" is an error, not a dropped warrant")
    func intakeUnknownKey() throws {
        let json = #"{"person": {"name": "A B"}, "detainer": {"warrent": {"type": "judicial"}}}"#
        let request = try StrictJSON.decode(IntakeRequest.self, from: Data(json.utf8))
        let now = UTCInstant(parsing: "2026-01-01T00:00:00Z")!
        do {
            _ = try request.validated(now: now)
            Issue.record("an unknown key must be refused")
        } catch let error as InputErrors {
            #expect(error.issues.contains(ValidationIssue(path: "detainer.warrent", message: "unknown field")))
        }
    }
}
