import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 25 §3 on the pages: the detainer page opens with its next step, reads reasons in
/// words, folds the long evaluation, and names a bad field by its label; enumerations in any case.
@Suite struct OneVoicePageTests {
    @Test func theDetainerPageLeadsWithTheNextStepInWords() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let id = try #require(intake.json["detainerID"] as? Int)
            let sam = try await client.signIn("sam")
            let page = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: sam.headers).text
            let next = try #require(page.range(of: "id=\"next\""))
            let engine = try #require(page.range(of: "id=\"engine\""))
            #expect(next.lowerBound < engine.lowerBound, "the next step comes before the record")
            #expect(page.contains("Record the criminal-history search"))
            #expect(page.contains("href=\"#review\""))
            #expect(page.contains("<details class=\"checks\">"))
            #expect(!page.contains("NO_QUALIFYING_CONVICTION"), "reasons in words")

            // A bad contact: the summary names the form's label, and the message names no CLI option.
            let bad = try await client.postForm("/detainers/\(id)/contacts", clara, [
                ("direction", "OUT"), ("kind", "InformationResponse"), ("infoType", "releaseDate"), ("summary", "x"),
            ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("In reply to contact: name the information request"), "\(bad.text)")
            #expect(bad.text.contains("Response: say whether the information was provided or declined"))
            #expect(!bad.text.contains("--outcome") && !bad.text.contains("inReplyTo:"))
        }
    }

    @Test func theAPIAcceptsEnumerationsInAnyCaseAndNamesNoOption() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON(warrant: "Judicial"))
            #expect(intake.status == .created, "\(intake.text)")
            let id = try #require(intake.json["detainerID"] as? Int)
            let again = try await client.postJSON("/api/v1/detainers", clara, intakeJSON(warrant: "Judicial"))
            #expect(again.status == .conflict)
            #expect(!again.text.contains("--allow-duplicate"), "\(again.text)")
            #expect(again.text.contains("allowDuplicate"), "the API names its own key")
            let contact = try await client.postJSON("/api/v1/detainers/\(id)/contacts", clara,
                                                    #"{"direction": "In", "kind": "INFORMATIONREQUEST", "infoType": "releasedate", "summary": "ICE asks"}"#)
            #expect(contact.status == .created, "\(contact.text)")
        }
    }

    @Test func theAuditLogShowsNewYorkTime() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let sam = try await client.signIn("sam")
            let page = try await client.execute(uri: "/audit", method: .get, headers: sam.headers).text
            #expect(page.contains(" EST<") || page.contains(" EDT<"), "times in New York time with the zone")
            #expect(page.range(of: #"<td>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</td>"#, options: .regularExpression) == nil, "no ISO UTC cell")
        }
    }
}
