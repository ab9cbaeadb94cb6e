import DetainerDomain
import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 26 §4 and issue 25 §3: the web form and the API read the domain's one contact request;
/// the form's field names are its paths, so each error is shown beside its field; a response can
/// answer the detainer's newest information request (`inReplyTo: latest`), as on the CLI.
@Suite struct ContactRequestRouteTests {
    @Test func theFormsErrorsAreKeyedByItsOwnFieldNames() throws {
        let form = FormData(string: "direction=in&kind=informationRequest&summary=x&infoType=gossip&inReplyTo=soon&warrantDate=2026-02-30")
        let error = try #require(throws: InputErrors.self) { _ = try FormRequests.contact(form) }
        let errors = try #require(FormRequests.fieldErrors(error))
        #expect(Set(errors.keys) == ["infoType", "inReplyTo", "warrantDate"])
        for key in errors.keys { #expect(FieldLabels.labels[key] != nil, "no label for \(key)") }
    }

    @Test func aResponseAnswersTheLatestRequestOverTheAPIAndTheForm() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara,
                                                   #"{"person": {"name": "Ana Ruiz"}, "custody": {"agency": "NYPD", "arrestDate": "2026-01-10"}}"#)
            let id = try #require(intake.json["detainerID"] as? Int, "\(intake.text)")
            let ask = try await client.postJSON("/api/v1/detainers/\(id)/contacts", clara,
                                                #"{"direction": "in", "kind": "informationRequest", "infoType": "releaseDate", "summary": "asked"}"#)
            let asked = try #require(ask.json["contactID"] as? Int, "\(ask.text)")
            let answer = try await client.postJSON("/api/v1/detainers/\(id)/contacts", clara,
                #"{"direction": "out", "kind": "informationResponse", "infoType": "releaseDate", "inReplyTo": "latest", "outcome": "declined", "summary": "declined"}"#)
            #expect(answer.status == .created, "\(answer.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM ice_communications WHERE kind = 'informationResponse' AND in_reply_to = \(asked)") == 1)
            let form = try await client.postForm("/detainers/\(id)/contacts", clara, [
                ("direction", "out"), ("kind", "informationResponse"), ("infoType", "releaseDate"), ("inReplyTo", "LATEST"),
                ("outcome", "declined"), ("summary", "declined again"),
            ])
            #expect(form.status == .seeOther, "\(form.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM ice_communications WHERE kind = 'informationResponse' AND in_reply_to = \(asked)") == 2)
            // A string that is not the word latest is refused by its path; nothing is written.
            let bad = try await client.postJSON("/api/v1/detainers/\(id)/contacts", clara,
                #"{"direction": "out", "kind": "informationResponse", "infoType": "releaseDate", "inReplyTo": "12", "outcome": "declined", "summary": "x"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect((((bad.json["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.first?["path"] as? String) == "inReplyTo")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM ice_communications WHERE kind = 'informationResponse'") == 2)
        }
    }
}
