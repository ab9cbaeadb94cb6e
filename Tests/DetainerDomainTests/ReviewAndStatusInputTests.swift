import DetainerDomain
import Foundation
import Testing

/// Issue 26 §4: the review and status requests are read once, in the domain, for the API's JSON
/// and the web's forms: choices in any case, New York time, problems by path.
@Suite struct ReviewAndStatusInputTests {
    @Test func aReviewIsApproveOrADecisionNeverSilentlyBoth() throws {
        #expect(try ReviewInput(action: "approve").validated() == .approve(reason: nil))
        #expect(try ReviewInput(action: "Decide", decision: "HONOR", reason: "judicial warrant").validated() == .decide(.honor, reason: "judicial warrant"))
        for (input, path) in [(ReviewInput(action: "approve", decision: "honor"), "decision"), (ReviewInput(action: "decide"), "decision"),
                              (ReviewInput(action: "decide", decision: "maybe"), "decision"), (ReviewInput(), "action"),
                              (ReviewInput(action: "veto"), "action")] {
            let errors = try #require(throws: InputErrors.self) { _ = try input.validated() }
            #expect(errors.issues.map(\.path) == [path], "\(input): \(errors)")
        }
        let unknown = try #require(throws: InputErrors.self) {
            _ = try JSONDecoder().decode(ReviewInput.self, from: Data(#"{"action": "approve", "decison": "honor"}"#.utf8)).validated()
        }
        #expect(unknown.issues == [ValidationIssue(path: "decison", message: "unknown field")])
    }

    @Test func aStatusChangeReadsItsChoicesAndNewYorkTime() throws {
        let change = try StatusChangeInput(to: "Released", at: "2026-07-01T08:00", cause: "holdexpired").validated()
        #expect(change == StatusChangeRequest(to: .released, at: UTCInstant(parsing: "2026-07-01T12:00:00Z"), cause: .holdExpired))
        let errors = try #require(throws: InputErrors.self) { _ = try StatusChangeInput(to: "gone", at: "soon", cause: "luck").validated() }
        #expect(Set(errors.issues.map(\.path)) == ["to", "at", "cause"])
        #expect(errors.issues.first { $0.path == "to" }?.message.contains("released") == true)
        let missing = try #require(throws: InputErrors.self) { _ = try StatusChangeInput().validated() }
        #expect(missing.issues == [ValidationIssue(path: "to", message: "is required")])
    }
}
