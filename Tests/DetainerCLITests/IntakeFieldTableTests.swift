import ArgumentParser
@testable import DetainerCLI
import DetainerDomain
import DetainerJSON
import DetainerStore
@testable import DetainerWeb
import Foundation
import Testing

/// Issue 26 §4: the intake's fields are listed once (`IntakeRequest.fields`); the CLI's options,
/// the web form's reader and the JSON contract all reach every one of them, and none reaches a
/// field the table does not list. (The page's fields: `IntakeFormFieldTests` in DetainerWebTests.)
@Suite struct IntakeFieldTableTests {
    /// A value each kind takes.
    static func sample(_ field: IntakeRequestField) -> String {
        switch field.kind {
        case .text: "DOC"
        case .date: "2020-01-02"
        case .instant: "2020-01-02T09:30"
        case .yesNoUnknown: "Yes"
        case .list: "finalOrder"
        }
    }

    @Test func everyFieldHasExactlyOneCLIOptionThatSetsIt() throws {
        let options = try IntakeCommand.parse([]).typedFields
        #expect(options.map(\.path).sorted() == IntakeRequest.fields.map(\.path).sorted())
        #expect(Set(options.map(\.option)).count == options.count)
        for field in IntakeRequest.fields {
            let option = try #require(options.first { $0.path == field.path }?.option)
            let request = try IntakeCommand.parse([option, Self.sample(field)]).merged(into: IntakeRequest())
            #expect(field.isGiven(in: request), "\(option) does not set \(field.path)")
            #expect(IntakeRequest.fields.filter { $0.isGiven(in: request) }.map(\.path) == [field.path], "\(option) sets more than \(field.path)")
        }
    }

    @Test func everyFieldIsReadFromTheFormFieldNamedByItsPath() {
        for field in IntakeRequest.fields {
            let form = FormData(string: field.path + "=" + Self.sample(field).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            let request = FormRequests.intake(form)
            #expect(IntakeRequest.fields.filter { $0.isGiven(in: request) }.map(\.path) == [field.path], "form field \(field.path)")
            #expect(FieldLabels.labels[field.path] != nil, "no form label for \(field.path)")
        }
    }

    @Test func everyFieldIsReadFromItsJSONPath() throws {
        for field in IntakeRequest.fields {
            let value: JSONValue = switch field.kind {
            case .yesNoUnknown: .bool(true)
            case .list: .array([.string(Self.sample(field))])
            default: .string(Self.sample(field))
            }
            var document = value
            for key in field.path.split(separator: ".").reversed() { document = .object([String(key): document]) }
            let request = try StrictJSON.decode(IntakeRequest.self, from: Data(document.serialized.utf8))
            #expect(IntakeRequest.fields.filter { $0.isGiven(in: request) }.map(\.path) == [field.path], "JSON \(field.path)")
        }
        // A key the table does not list is refused by its path, at every depth.
        for json in [#"{"person": {"dob": "2020-01-02"}}"#, #"{"detainer": {"warrant": {"kind": "judicial"}}}"#, #"{"custdy": {}}"#] {
            let request = try StrictJSON.decode(IntakeRequest.self, from: Data(json.utf8))
            let issues = try #require(throws: InputErrors.self) { _ = try request.validated(now: UTCInstant(secondsSinceEpoch: 1_767_225_600)) }
            #expect(issues.issues.contains { $0.message == "unknown field" && ["person.dob", "detainer.warrant.kind", "custdy"].contains($0.path) }, "\(json)")
        }
    }

    /// Case and New York time are the validator's, whichever front end handed the text over.
    @Test func theValidatorFoldsCaseAndReadsNewYorkTime() throws {
        var request = IntakeRequest()
        for (path, text) in [("person.name", "Ana"), ("custody.agency", "doc"), ("custody.arrestDate", "2026-01-02"),
                             ("detainer.form", "i-247a"), ("detainer.warrant.type", "Judicial"), ("detainer.warrant.issuer", "Hon. A"),
                             ("detainer.receivedAt", "2026-01-05T09:30"), ("detainer.terroristScreeningMatch", "NO")] {
            let known = request.set(path, text)
            #expect(known, "\(path)")
        }
        let intake = try request.validated(now: UTCInstant(parsing: "2026-01-06T00:00:00Z")!)
        #expect(intake.custody.agency == .doc)
        #expect(intake.detainer.form == .i247A)
        #expect(intake.detainer.warrant == .judicial)
        #expect(intake.detainer.receivedAt.description == "2026-01-05T14:30:00Z")
        #expect(intake.detainer.terroristScreeningMatch == false)
        var bad = IntakeRequest()
        bad.set("detainer.dhsTransferBox2", "maybe")
        let issues = try #require(throws: InputErrors.self) { _ = try bad.validated(now: UTCInstant(parsing: "2026-01-06T00:00:00Z")!) }
        #expect(issues.issues.contains(ValidationIssue(path: "detainer.dhsTransferBox2", message: "\"maybe\" is not one of yes, no, unknown")))
    }
}
