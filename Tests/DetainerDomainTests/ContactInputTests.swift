import DetainerDomain
import Foundation
import Testing

/// Issue 26 §4: one contact request for every front end, read and checked once, every problem
/// named by its JSON path (the web form's field names; the CLI shows each as its option).
@Suite struct ContactInputTests {
    @Test func choicesInAnyCaseNewYorkTimeAndLatest() throws {
        let request = try ContactInput(text: ["direction": "OUT", "kind": "InformationResponse", "summary": "date given",
                                              "infoType": "releasedate", "inReplyTo": "Latest", "outcome": "Provided",
                                              "at": "2026-03-02T09:30"]).validated()
        #expect(request.direction == .outgoing)
        #expect(request.kind == .informationResponse)
        #expect(request.informationType == .releaseDate)
        #expect(request.inReplyTo == .latest)
        #expect(request.responseOutcome == .provided)
        #expect(request.at?.description == "2026-03-02T14:30:00Z")
        #expect(try ContactInput(text: ["direction": "in", "kind": "informationResponse", "summary": "x", "infoType": "other",
                                        "inReplyTo": "12", "outcome": "declined"]).validated().inReplyTo == .contact(12))
    }

    @Test func everyProblemIsNamedByItsPathAtOnce() throws {
        let errors = try #require(throws: InputErrors.self) {
            _ = try ContactInput(text: ["direction": "sideways", "kind": "phone", "infoType": "gossip", "inReplyTo": "soon",
                                        "warrantDate": "2026-02-30", "at": "yesterday"]).validated()
        }
        let paths = Set(errors.issues.map(\.path))
        #expect(paths == ["direction", "kind", "infoType", "inReplyTo", "warrantDate", "at", "summary"], "\(errors)")
        // The choices are listed, so a person knows what to type.
        #expect(errors.issues.first { $0.path == "kind" }?.message.contains("informationRequest") == true)
        // The kind's own rules, with the same paths.
        let rules = try #require(throws: InputErrors.self) {
            _ = try ContactInput(text: ["direction": "out", "kind": "informationResponse", "summary": "x"]).validated()
        }
        #expect(Set(rules.issues.map(\.path)) == ["infoType", "inReplyTo", "outcome"], "\(rules)")
        let missing = try #require(throws: InputErrors.self) { _ = try ContactInput(text: [:]).validated() }
        #expect(Set(missing.issues.map(\.path)) == ["direction", "kind", "summary"], "\(missing)")
    }

    @Test func jsonTakesANumberOrTheWordLatestAndRefusesUnknownFields() throws {
        func decode(_ json: String) throws -> ContactInput { try JSONDecoder().decode(ContactInput.self, from: Data(json.utf8)) }
        let base = #""direction": "out", "kind": "informationResponse", "summary": "x", "infoType": "other", "outcome": "declined""#
        #expect(try decode("{\(base), \"inReplyTo\": 7}").validated().inReplyTo == .contact(7))
        #expect(try decode("{\(base), \"inReplyTo\": \"LATEST\"}").validated().inReplyTo == .latest)
        for bad in ["\"7\"", "true", "{}"] {
            let errors = try #require(throws: InputErrors.self) { _ = try decode("{\(base), \"inReplyTo\": \(bad)}").validated() }
            #expect(Set(errors.issues.map(\.path)) == ["inReplyTo"], "\(bad): \(errors)")
        }
        let unknown = try #require(throws: InputErrors.self) { _ = try decode("{\(base), \"inReplyTo\": 7, \"info-type\": \"other\"}").validated() }
        #expect(unknown.issues.contains(ValidationIssue(path: "info-type", message: "unknown field")))
    }
}
