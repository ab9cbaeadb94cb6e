@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 25 §4: the API and the pages keep their contract. What Schemathesis
/// (Tests/BrowserTests/APIContractTests) found, pinned here one by one, and the page fixes
/// that axe-core asked for (Tests/Browser/e2e.py scans every page).
@Suite struct ContractTests {
    @Test func aBadOverdueFilterIsRefusedNotReadAsAll() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let bad = try await client.execute(uri: "/api/v1/queue?overdue=AAA", method: .get, headers: clara.headers)
            #expect(bad.status == .unprocessableContent)
            #expect(((bad.json["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.first?["path"] as? String == "overdue")
            for good in ["/api/v1/queue", "/api/v1/queue?overdue=1", "/api/v1/queue?overdue=0"] {
                #expect(try await client.execute(uri: good, method: .get, headers: clara.headers).status == .ok, "\(good)")
            }
            let empty = try await client.execute(uri: "/api/v1/queue?agency=", method: .get, headers: clara.headers)
            #expect(empty.status == .unprocessableContent)
            // The page's filter form sends empty fields for "any" and stays lenient.
            #expect(try await client.execute(uri: "/queue?agency=&outcome=", method: .get, headers: clara.headers).status == .ok)
            #expect(try await client.execute(uri: "/queue?overdue=AAA", method: .get, headers: clara.headers).status == .unprocessableContent)
        }
    }

    @Test func reportQueriesAreCheckedAfterTheRoleAndWithinTheirBounds() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara"), audrey = try await client.signIn("audrey")
            // A clerk may not run reports: 403 whatever the query says.
            for uri in ["/api/v1/reports/monthly?from=garbage", "/api/v1/reports/monthly?agency=&to=", "/api/v1/reports/annual?year=1",
                        "/reports?from=nope", "/reports/monthly.csv?to=x"] {
                #expect(try await client.execute(uri: uri, method: .get, headers: clara.headers).status == .forbidden, "\(uri)")
            }
            for uri in ["/api/v1/reports/monthly?agency=&to=", "/api/v1/reports/monthly?to=", "/api/v1/reports/monthly?from=1989-12",
                        "/api/v1/reports/monthly?to=2201-01", "/api/v1/reports/monthly?from=2026-13", "/api/v1/reports/annual?year=2201",
                        "/api/v1/reports/annual?calendar=yes", "/api/v1/reports/annual?agency="] {
                let answer = try await client.execute(uri: uri, method: .get, headers: audrey.headers)
                #expect(answer.status == .unprocessableContent, "\(uri): \(answer.status) \(answer.text.prefix(200))")
            }
            for uri in ["/api/v1/reports/monthly?from=1990-01&to=1990-12", "/api/v1/reports/annual?year=2200&calendar=1"] {
                #expect(try await client.execute(uri: uri, method: .get, headers: audrey.headers).status == .ok, "\(uri)")
            }
        }
    }

    @Test func unknownMethodsOnKnownPathsAre405WithAllow() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let put = try await client.execute(uri: "/api/v1/queue", method: .put, headers: clara.json())
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET, HEAD")
            #expect((put.json["error"] as? [String: Any])?["status"] as? Int == 405)
            let delete = try await client.execute(uri: "/api/v1/detainers/7", method: .delete, headers: clara.headers)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, HEAD")
            let getOnPost = try await client.execute(uri: "/api/v1/detainers/7/review", method: .get, headers: clara.headers)
            #expect(getOnPost.status == .methodNotAllowed && getOnPost.headers[.allow] == "POST")
            let page = try await client.execute(uri: "/intake", method: .patch, headers: clara.headers)
            #expect(page.status == .methodNotAllowed && page.headers[.allow] == "GET, HEAD, POST")
            // An address nobody serves is still 404.
            #expect(try await client.execute(uri: "/api/v1/nothing-here", method: .get, headers: clara.headers).status == .notFound)
        }
    }

    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            for uri in ["/queue", "/api/v1/queue", "/healthz"] {
                let get = try await client.execute(uri: uri, method: .get, headers: clara.headers)
                let head = try await client.execute(uri: uri, method: .head, headers: clara.headers)
                #expect(head.status == get.status, "\(uri)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                #expect(head.body.readableBytes == 0, "\(uri)")
            }
            let missing = try await client.execute(uri: "/api/v1/detainers/999", method: .head, headers: clara.headers)
            #expect(missing.status == .notFound && missing.body.readableBytes == 0)
        }
    }

    @Test func statusBodyAcceptsTheDocumentedCause() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let answer = try await client.postJSON("/api/v1/detainers/999/status", clara, #"{"to": "released", "cause": "holdExpired"}"#)
            // The field is known (no "unknown field"); the detainer is not.
            #expect(answer.status == .notFound, "\(answer.status) \(answer.text)")
        }
    }

    /// What Schemathesis found in the write bodies: fields ignored or dropped instead of refused.
    @Test func writeBodiesRefuseWhatTheyWouldHaveIgnored() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara"), sam = try await client.signIn("sam")
            let created = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let id = try #require(created.json["detainerID"] as? Int)
            func path(_ answer: TestResponse) -> [String] {
                ((answer.json["error"] as? [String: Any])?["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            }
            let approveWithDecision = try await client.postJSON("/api/v1/detainers/\(id)/review", sam, #"{"action": "approve", "decision": "decline"}"#)
            #expect(approveWithDecision.status == .unprocessableContent && path(approveWithDecision) == ["decision"])
            let badDecision = try await client.postJSON("/api/v1/detainers/\(id)/review", sam, #"{"action": "decide", "decision": "AAA", "reason": "x"}"#)
            #expect(badDecision.status == .unprocessableContent && path(badDecision) == ["decision"])
            let added = try await client.postJSON("/api/v1/detainers/\(id)/convictions", clara,
                                                  #"{"conviction": {"statute": "PL 120.05", "convictedOn": "2022-03-02", "felonyClass": "D"}}"#)
            let conviction = try #require(added.json["convictionID"] as? Int, "\(added.text)")
            for (body, field) in [(#"{"conviction": {"sentencedOn": "2022-13-40"}}"#, "conviction.sentencedOn"),
                                  (#"{"conviction": {"incarceratedDaysForThisCrime": -1}}"#, "conviction.incarceratedDaysForThisCrime"),
                                  (#"{"conviction": {"incarceratedDaysForThisCrime": {}}}"#, "conviction.incarceratedDaysForThisCrime"),
                                  (#"{"conviction": {"statute": ""}}"#, "conviction.statute")] {
                let answer = try await client.postJSON("/api/v1/convictions/\(conviction)", clara, body)
                #expect(answer.status == .unprocessableContent && path(answer).contains(field), "\(body): \(answer.status) \(answer.text)")
            }
        }
    }

    @Test func aRefusedFormFocusesItsSummaryWhichUsesTheLabels() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let page = try await client.postForm("/intake", clara, [("person.name", "Ana Example"), ("custody.agency", "")])
            #expect(page.status == .unprocessableContent)
            let html = page.text
            let summary = try #require(html.range(of: "id=\"errors\"").map { String(html[$0.lowerBound...].prefix(1200)) })
            #expect(html.contains("tabindex=\"-1\" autofocus"), "the summary does not take the focus")
            #expect(summary.contains("Agency: ") && summary.contains("Instant arrest date: "), "\(summary)")
            #expect(!summary.contains("custody.agency") && !summary.contains("custody.arrestDate:"), "\(summary)")
            #expect(summary.contains("href=\"#f-custody-agency\""))
            #expect(html.components(separatedBy: "id=\"errors\"").count == 2, "one summary")
            // Without errors there is no summary and no marker left behind.
            let blank = try await client.execute(uri: "/intake", method: .get, headers: clara.headers).text
            #expect(!blank.contains("id=\"errors\"") && !blank.contains("error-summary"))
        }
    }

    @Test func summaryLabelsComeFromThePage() {
        let labels = ErrorSummary.labels(in: #"<label for="f-a">Name &amp; alias<span class="muted"> (required)</span></label><label for="f-b">Role</label>"#)
        #expect(labels == ["f-a": "Name & alias", "f-b": "Role"])
        #expect(ErrorSummary.label(for: "duplicateReason", labels: [:]) == "Duplicate reason")
        #expect(ErrorSummary.label(for: "detainer.probableCause[1]", labels: ["f-detainer-probableCause": "Probable cause"]) == "Probable cause")
    }

    @Test func tablesThatScrollAreKeyboardRegionsAndRequiredSelectsStartEmpty() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let maria = try await client.signIn("maria")
            let audit = try await client.execute(uri: "/audit", method: .get, headers: maria.headers).text
            #expect(audit.contains(#"<div class="table-wrap" role="region" tabindex="0" aria-label="Audit log entries">"#))
            let users = try await client.execute(uri: "/users", method: .get, headers: maria.headers).text
            #expect(users.contains(#"<div class="table-wrap" role="region" tabindex="0" aria-label="Users">"#))
            let role = try #require(users.range(of: #"name="role""#).map { String(users[$0.upperBound...].prefix(300)) })
            #expect(role.contains(#"<option value="" selected>choose…</option>"#), "\(role)")
        }
        #expect(Stylesheet.css.contains("outline: 3px solid #8a4b00"))
        // e2e.py checks colour contrast at one width only: no colour may depend on the width (a
        // width's block only lays out: the phone's cards, issue 25).
        for block in Stylesheet.css.components(separatedBy: "@media").dropFirst() where !block.hasPrefix(" print") {
            let body = block.components(separatedBy: "\n}").first ?? block
            #expect(!body.contains("color") && !body.contains("background"), "\(body)")
        }
    }
}
