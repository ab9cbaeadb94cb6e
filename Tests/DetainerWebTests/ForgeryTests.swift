import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// CSRF and role checks: a refused request writes nothing.
@Suite struct ForgeryTests {
    @Test func postsWithoutTheCSRFTokenAreRefusedAndWriteNothing() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        let auditBefore = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let form = try await client.postForm("/intake", clara, [("person.name", "A Person"), ("custody.agency", "DOC"), ("custody.arrestDate", "2026-01-10")], csrf: false)
            #expect(form.status == .forbidden)
            let wrong = try await client.postForm("/intake", Credentials(cookie: clara.cookie, csrf: String(repeating: "x", count: 43)),
                                                  [("person.name", "A Person"), ("custody.agency", "DOC"), ("custody.arrestDate", "2026-01-10")])
            #expect(wrong.status == .forbidden)
            let api = try await client.postJSON("/api/v1/detainers", clara, intakeJSON(), csrf: false)
            #expect(api.status == .forbidden)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM detainers") == 0)
        // Two sign-ins (form + none by API) are the only audit rows added.
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == auditBefore + 1)
    }

    @Test func aClerksForgedReviewIsRefusedAndWritesNothing() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            #expect(intake.status == .created)
            let id = try #require(intake.json["detainerID"] as? Int)
            let page = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: clara.headers)
            #expect(page.status == .ok)
            #expect(!page.text.contains("/detainers/\(id)/review"))   // no review form for a clerk
            let forged = try await client.postForm("/detainers/\(id)/review", clara, [("action", "honor"), ("reason", "forged")])
            #expect(forged.status == .forbidden)
            let forgedAPI = try await client.postJSON("/api/v1/detainers/\(id)/review", clara, #"{"action": "approve"}"#)
            #expect(forgedAPI.status == .forbidden)
            // Whatever the body says, the role is refused first.
            let oddBody = try await client.postJSON("/api/v1/detainers/\(id)/review", clara, #"{"decision": "honor"}"#)
            #expect(oddBody.status == .forbidden)
            let oddForm = try await client.postForm("/detainers/\(id)/review", clara, [("decision", "honor")])
            #expect(oddForm.status == .forbidden)
            #expect(((forgedAPI.json["error"] as? [String: Any])?["message"] as? String)?.contains("supervisor") == true)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM reviews") == 0)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM detainers WHERE status = 'pendingReview'") == 1)
    }

    @Test func signInFromAnotherSiteIsRefused() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"],
                                                    body: ByteBuffer(string: "username=clara&password=correct+horse+battery+staple"))
            #expect(response.status == .forbidden)
            #expect(response.headers[.setCookie] == nil)
        }
    }

    /// Issue 23 §4: `Origin: null` is refused, and a configured public origin pins Host and Origin.
    @Test func originNullAndForeignHostsAreRefused() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let null = try await client.execute(uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json", .origin: "null"],
                                                body: ByteBuffer(string: #"{"username": "clara", "password": "correct horse battery staple"}"#))
            #expect(null.status == .forbidden && null.headers[.setCookie] == nil)
            let clara = try await client.signIn("clara")
            var headers = clara.json()
            headers[.origin] = "null"
            let write = try await client.execute(uri: "/api/v1/detainers", method: .post, headers: headers, body: ByteBuffer(string: intakeJSON()))
            #expect(write.status == .forbidden)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM detainers") == 0)
        let elsewhere = WebOptions(publicOrigin: "https://detainer.example.org/")
        #expect(elsewhere.publicOrigin == "https://detainer.example.org")
        let app = WebApp.application(office: office, options: elsewhere, logger: Logging.Logger(label: "test"))
        try await app.test(.router) { client throws in
            // The test client's requests name another host: refused before anything is read.
            let response = try await client.execute(uri: "/login", method: .get)
            #expect(response.status == .forbidden)
        }
        #expect(WebOptions.validPublicOrigin("https://a.example") && !WebOptions.validPublicOrigin("https://a.example/path")
                && !WebOptions.validPublicOrigin("ftp://a.example") && !WebOptions.validPublicOrigin("a.example"))
    }
}
