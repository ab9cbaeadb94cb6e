import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 26 §4: every JSON body goes through the one strict reader (`StrictJSON` via `APIBody`):
/// a repeated key (a later value would silently replace the first) and a trailing comma (not
/// JSON) are refused with 422 on every write, and nothing is written.
@Suite struct StrictBodyTests {
    /// Each write's body, valid, with a key that can be repeated.
    static let bodies: [(name: String, uri: String, user: String, valid: String, key: String)] = [
        ("intake", "/api/v1/detainers", "clara", #"{"person": {"name": "Ana Ruiz"}, "custody": {"agency": "DOC", "arrestDate": "2026-01-10"}}"#, #""person": {"name": "Bo"}"#),
        ("review", "/api/v1/detainers/1/review", "sam", #"{"action": "decide", "decision": "decline", "reason": "no warrant"}"#, #""decision": "honor""#),
        ("status", "/api/v1/detainers/1/status", "clara", #"{"to": "released", "cause": "other", "note": "released"}"#, #""to": "transferred""#),
        ("contact", "/api/v1/detainers/1/contacts", "clara", #"{"direction": "in", "kind": "other", "summary": "a call"}"#, #""kind": "withdrawal""#),
        ("conviction", "/api/v1/detainers/1/convictions", "clara", #"{"conviction": {"statute": "PL 120.05", "convictedOn": "2022-03-02", "felonyClass": "D"}, "court": "Bronx"}"#, #""court": "x""#),
        ("correction", "/api/v1/convictions/1", "clara", #"{"conviction": {"vacated": true}, "court": "Kings"}"#, #""court": "x""#),
        ("proposal", "/api/v1/proposals/1/reject", "sam", #"{"note": "no"}"#, #""note": "yes""#),
    ]

    static func repeated(_ body: (name: String, uri: String, user: String, valid: String, key: String)) -> String {
        "{" + body.key + ", " + body.valid.dropFirst()
    }

    static func trailing(_ body: (name: String, uri: String, user: String, valid: String, key: String)) -> String {
        String(body.valid.dropLast()) + ",}"
    }

    @Test func aRepeatedKeyOrATrailingCommaIsRefusedOnEveryBody() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let seeded = try await client.postJSON("/api/v1/detainers", clara,
                                                   #"{"person": {"name": "Cy Example"}, "custody": {"agency": "DOC", "bookingNumber": "3411700001", "arrestDate": "2026-01-10"}}"#)
            #expect(seeded.status == .created, "\(seeded.text)")
            let users = ["clara": clara, "sam": try await client.signIn("sam")]
            let before = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
            for body in Self.bodies {
                let user = try #require(users[body.user])
                for (what, text) in [("duplicate key", Self.repeated(body)), ("trailing comma", Self.trailing(body))] {
                    let response = try await client.postJSON(body.uri, user, text)
                    #expect(response.status == .unprocessableContent, "\(body.name), \(what): \(response.status) \(response.text)")
                    // Refused by the strict reader itself, not by a later check of the values.
                    let issues = ((response.json["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
                    #expect(issues.contains { $0["message"] as? String == what }, "\(body.name), \(what): \(response.text)")
                }
            }
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == before)
        }
    }

    @Test func theLoginBodyIsReadStrictlyToo() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            for body in [#"{"username": "sam", "username": "clara", "password": "x"}"#, #"{"username": "sam", "password": "x",}"#] {
                let response = try await client.execute(uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
                                                        body: ByteBuffer(string: body))
                #expect(response.status == .unprocessableContent, "\(body): \(response.status)")
                #expect(response.text.contains("duplicate key") || response.text.contains("trailing comma"), "\(response.text)")
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }
}
