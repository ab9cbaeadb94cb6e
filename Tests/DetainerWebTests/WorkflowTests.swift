import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The office's day through the server: intake, queue, review, status, and `check` afterwards.
@Suite struct WorkflowTests {
    @Test func intakeThenQueueThenReviewThenStatus() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            #expect(intake.status == .created)
            let id = try #require(intake.json["detainerID"] as? Int)
            #expect(intake.headers[.location] == "/api/v1/detainers/\(id)")
            #expect(intake.json["outcome"] as? String == "decline")   // no convictions

            let sam = try await client.signIn("sam")
            let queue = try await client.execute(uri: "/api/v1/queue", method: .get, headers: sam.headers)
            let pending = try #require(queue.json["pendingReview"] as? [[String: Any]])
            #expect(pending.map { $0["detainerID"] as? Int } == [id])
            let page = try await client.execute(uri: "/queue", method: .get, headers: sam.headers)
            #expect(page.text.contains("/detainers/\(id)"))
            #expect(page.headers[.cacheControl] == "no-store")

            // An override needs a reason; without one nothing is written.
            let noReason = try await client.postJSON("/api/v1/detainers/\(id)/review", sam, #"{"action": "decide", "decision": "honor"}"#)
            #expect(noReason.status == .unprocessableContent)
            let detailPage = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: sam.headers)
            #expect(detailPage.text.contains("/detainers/\(id)/review"))   // supervisors see the review form
            // Issue 25 §1: no criminal-history search is on record, so the review must be confirmed.
            #expect(detailPage.text.contains("Record search pending"))
            #expect(page.text.contains("record search pending"))
            #expect((pending.first?["searchPending"] as? Bool) == true)
            let unconfirmed = try await client.postForm("/detainers/\(id)/review", sam, [("action", "approve")])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.text.contains("no criminal-history search is on record"))
            let unconfirmedAPI = try await client.postJSON("/api/v1/detainers/\(id)/review", sam, #"{"action": "approve"}"#)
            #expect(unconfirmedAPI.status == .unprocessableContent)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM reviews") == 0)
            let review = try await client.postForm("/detainers/\(id)/review", sam, [("action", "approve"), ("confirmNoSearch", "yes")])
            #expect(review.status == .seeOther)
            #expect(review.headers[.location] == "/detainers/\(id)?done=review")

            let status = try await client.postJSON("/api/v1/detainers/\(id)/status", clara, #"{"to": "released", "note": "released from Rikers"}"#)
            #expect(status.status == .conflict)   // declined → only enteredInError
            let error = try await client.postJSON("/api/v1/detainers/\(id)/status", clara, #"{"to": "enteredInError", "note": "duplicate"}"#)
            #expect(error.status == .created)
            let detail = try await client.execute(uri: "/api/v1/detainers/\(id)", method: .get, headers: clara.headers)
            #expect((detail.json["detainer"] as? [String: Any])?["status"] as? String == "enteredInError")
        }
        let db = try DetainerDatabase.open(path: path, access: .read)
        defer { try? db.close() }
        #expect(try db.integrity.healthCheck().items.allSatisfy(\.ok))
        #expect(try WebFixture.count(path, "SELECT count(*) FROM reviews AS r JOIN users AS u ON u.id = r.actor_id WHERE u.name = 'sam'") == 1)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'detainer.intake' AND actor_name = 'clara'") == 1)
        // Issue 23 §2: the write records the web session it came through (never its token).
        #expect(try WebFixture.count(path, """
            SELECT count(*) FROM audit_log AS a JOIN web_sessions AS s ON s.id = a.payload ->> '$.auth.session'
            WHERE a.action = 'detainer.intake' AND a.payload ->> '$.auth.channel' = 'web' AND substr(s.token_hash, 1, 16) = a.payload ->> '$.auth.sessionTokenHash'
            """) == 1)
    }

    @Test func intakeFormShowsEachErrorBesideItsFieldAndKeepsTheInput() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let response = try await client.postForm("/intake", clara, [
                ("person.name", "Ana María"), ("person.nysid", "not-a-nysid"), ("custody.agency", "DOC"), ("custody.arrestDate", "2026-02-30"),
            ])
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains(#"id="f-person-nysid-error""#))
            #expect(html.contains(#"id="f-custody-arrestDate-error""#))
            #expect(html.contains(#"value="Ana María""#))
            #expect(html.contains(#"value="not-a-nysid""#))
            #expect(html.contains(#"aria-invalid="true""#))
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM detainers") == 0)
    }

    @Test func intakeFormRecordsAndRedirectsToTheDetainer() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let response = try await client.postForm("/intake", clara, [
                ("person.name", "Ana María"), ("person.nysid", "1234567A"), ("custody.agency", "NYPD"), ("custody.arrestDate", "2026-01-10"),
                ("custody.scheduledReleaseAt", "2030-01-02T10:00"), ("detainer.warrant.type", "administrative"),
                ("detainer.terroristScreeningMatch", "unknown"), ("detainer.probableCause", "biometricMatch"),
            ])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/detainers/"))
            let page = try await client.execute(uri: location, method: .get, headers: clara.headers)
            #expect(page.text.contains("Ana María"))
            #expect(page.text.contains("biometric match"))
            #expect(page.text.contains("Admin. Code"))   // the engine's citations are shown
        }
    }

    @Test func aScriptNameIsShownAsText() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON(name: "<script>alert(1)</script>"))
            let id = try #require(intake.json["detainerID"] as? Int)
            for uri in ["/queue", "/detainers/\(id)"] {
                let page = try await client.execute(uri: uri, method: .get, headers: clara.headers)
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!page.text.contains("<script>alert"))
            }
        }
    }

    @Test func apiErrorsNameTheField() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let bad = try await client.postJSON("/api/v1/detainers", clara, #"{"person": {}, "custody": {"agency": "DOC"}, "detainer": {}}"#)
            #expect(bad.status == .unprocessableContent)
            let issues = try #require((bad.json["error"] as? [String: Any])?["issues"] as? [[String: Any]])
            #expect(issues.contains { $0["path"] as? String == "person.name" })
            #expect(issues.contains { $0["path"] as? String == "custody.arrestDate" })
            let sam = try await client.signIn("sam")
            let unknown = try await client.postJSON("/api/v1/detainers/1/review", sam, #"{"action": "approve", "decison": "honor"}"#)
            #expect(unknown.status == .unprocessableContent)
            let issue = try #require(((unknown.json["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.first)
            #expect(issue["path"] as? String == "decison")
            let malformed = try await client.postJSON("/api/v1/detainers", clara, "{not json")
            #expect(malformed.status == .unprocessableContent)
            // Every body goes through the one strict reader (issue 26 §4): a repeated key would
            // let a later value silently replace the first, a trailing comma is not JSON.
            let repeated = try await client.postJSON("/api/v1/detainers/1/review", sam, #"{"action": "decide", "decision": "decline", "decision": "honor", "reason": "x"}"#)
            #expect(repeated.status == .unprocessableContent)
            let trailing = try await client.postJSON("/api/v1/detainers/1/review", sam, #"{"action": "approve",}"#)
            #expect(trailing.status == .unprocessableContent)
            #expect(try await office.read { db in try db.connection.scalarInt("SELECT count(*) FROM reviews") } == 0)
        }
    }
}

extension WorkflowTests {
    /// Issue 23 §4: a conviction reached through another person's detainer answers 404 and changes nothing.
    @Test func aConvictionOnlyAnswersUnderItsOwnPersonsDetainer() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let first = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let second = try await client.postJSON("/api/v1/detainers", clara, intakeJSON(name: "Ana Pérez", nysid: "87654321B").replacingOccurrences(of: "3411700123", with: "3411700999"))
            let a = try #require(first.json["detainerID"] as? Int), b = try #require(second.json["detainerID"] as? Int)
            let added = try await client.postJSON("/api/v1/detainers/\(a)/convictions", clara,
                                                  #"{"conviction": {"statute": "PL 120.05", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13", "felonyClass": "D"}}"#)
            #expect(added.status == .created, "\(added.text)")
            let conviction = try #require(added.json["convictionID"] as? Int)
            let before = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
            let wrong = try await client.postForm("/detainers/\(b)/convictions/\(conviction)", clara, [("statute", "PL 120.10")])
            #expect(wrong.status == .notFound)
            let right = try await client.postForm("/detainers/\(a)/convictions/\(conviction)", clara, [("statute", "PL 120.10")])
            #expect(right.status == .seeOther)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == before + 1)
        }
    }
}
