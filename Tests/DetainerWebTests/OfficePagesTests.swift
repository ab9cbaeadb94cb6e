import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Search, reports, audit log and users admin.
@Suite struct OfficePagesTests {
    @Test func searchIgnoresCaseAndAccentsAndFindsIdentifiers() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            _ = try await client.postJSON("/api/v1/detainers", clara, intakeJSON(name: "José Nuñez", nysid: "12345678K"))
            for query in ["jose%20nunez", "NUÑEZ", "12345678k", "3411700123"] {
                let page = try await client.execute(uri: "/search?q=\(query)", method: .get, headers: clara.headers)
                #expect(page.status == .ok)
                #expect(page.text.contains("José Nuñez"), "query \(query)")
            }
            let none = try await client.execute(uri: "/search?q=nobody", method: .get, headers: clara.headers)
            #expect(none.text.contains("No person matches"))
        }
    }

    /// Issue 23 §4: report pages and downloads are GETs and write no audit row; the export of
    /// every record (personal data leaving the system) is a POST with the anti-forgery token,
    /// recorded before its first byte.
    @Test func reportsHaveAChartAndDownloadsAndOnlyTheExportIsAudited() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            _ = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            #expect(try await client.execute(uri: "/reports", method: .get, headers: clara.headers).status == .forbidden)
            let audrey = try await client.signIn("audrey")
            let page = try await client.execute(uri: "/reports?from=2026-01&to=2026-03", method: .get, headers: audrey.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("<svg"))
            #expect(page.text.contains(#"<rect class="received""#))
            #expect(page.text.contains("/>"))   // SVG shapes are closed, or they would swallow the rest
            #expect(page.text.contains("Published annual reports") && page.text.contains("Nothing published yet"))   // issue 22: the history
            let csv = try await client.execute(uri: "/reports/monthly.csv?from=2026-01&to=2026-03", method: .get, headers: audrey.headers)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\n")
            #expect(lines.first?.hasPrefix("month,received,honored,declined,declined_NO_JUDICIAL_WARRANT") == true)
            #expect(lines.count == 5)   // header, three months, total
            #expect(lines[1].hasPrefix("2026-01,1,"))
            let api = try await client.execute(uri: "/api/v1/reports/monthly?from=2026-01&to=2026-01", method: .get, headers: audrey.headers)
            #expect((api.json["total"] as? [String: Any])?["received"] as? Int == 1)
            let before = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
            #expect(try await client.execute(uri: "/reports/export.csv?from=2026-01&to=2026-01", method: .get, headers: audrey.headers).status != .ok)
            let forged = try await client.postForm("/reports/export.csv", audrey, [("from", "2026-01"), ("to", "2026-01")], csrf: false)
            #expect(forged.status == .forbidden)
            let export = try await client.postForm("/reports/export.csv", audrey, [("from", "2026-01"), ("to", "2026-01")])
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == before + 1)
            #expect(export.text.hasPrefix("detainer_id,agency,"))
            #expect(export.text.contains("José Nuñez"))
            let bad = try await client.execute(uri: "/api/v1/reports/monthly?from=2026-13", method: .get, headers: audrey.headers)
            #expect(bad.status == .unprocessableContent)
            // Issue 22: the annual report of one agency, its definitions, the quarterly report, the publishable page.
            let reports = try await client.execute(uri: "/reports?annualAgency=NYPD&year=2026&qyear=2026&quarter=1", method: .get, headers: audrey.headers)
            #expect(reports.text.contains("Admin. Code §14-154(f)"))
            #expect(reports.text.contains("Definitions and readings") && reports.text.contains("dated by"))
            #expect(reports.text.contains("Quarterly report (Admin. Code §10-178(d))"))
            let annual = try await client.execute(uri: "/api/v1/reports/annual?agency=DOC&year=2026", method: .get, headers: audrey.headers)
            #expect((annual.json["items"] as? [[String: Any]])?.map { $0["id"] as? String ?? "" } == (1...9).map { "f\($0)" })
            let published = try await client.execute(uri: "/reports/annual.html?agency=DOC&year=2026", method: .get, headers: audrey.headers)
            #expect(published.text.hasPrefix("<!DOCTYPE html>") && published.text.contains("@media print"))
            let badAgency = try await client.execute(uri: "/api/v1/reports/annual?agency=ICE", method: .get, headers: audrey.headers)
            #expect(badAgency.status == .unprocessableContent)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'export' AND actor_name = 'audrey'") == 1)
        // Everything audrey wrote: her sign-in and the export; none of the GETs.
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE actor_name = 'audrey' AND action NOT IN ('auth.signin', 'export')") == 0)
    }

    @Test func auditLogShowsTheCheck() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let audrey = try await client.signIn("audrey")
            let page = try await client.execute(uri: "/audit?check=1", method: .get, headers: audrey.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("all checks passed"))
            #expect(page.text.contains("auth.signin"))
            // The full check is for auditors and admins (issue 23 §4); others still read the log.
            let sam = try await client.signIn("sam")
            #expect(try await client.execute(uri: "/audit?check=1", method: .get, headers: sam.headers).status == .forbidden)
            #expect(try await client.execute(uri: "/audit", method: .get, headers: sam.headers).status == .ok)
            // One at a time: while the slot is taken, another check is refused with 503.
            #expect(office.beginCheck())
            #expect(try await client.execute(uri: "/audit?check=1", method: .get, headers: audrey.headers).status == .serviceUnavailable)
            office.endCheck()
            #expect(try await client.execute(uri: "/audit?check=1", method: .get, headers: audrey.headers).status == .ok)
        }
    }

    @Test func onlyAdminsManageUsers() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            #expect(try await client.execute(uri: "/users", method: .get, headers: clara.headers).status == .forbidden)
            let forged = try await client.postForm("/users", clara, [("name", "mallory"), ("role", "admin")])
            #expect(forged.status == .forbidden)
            let maria = try await client.signIn("maria")
            let added = try await client.postForm("/users", maria, [("name", "nadia"), ("role", "clerk"), ("password", "another long pass phrase")])
            #expect(added.status == .seeOther)
            let short = try await client.postForm("/users", maria, [("name", "omar"), ("role", "clerk"), ("password", "short")])
            #expect(short.status == .unprocessableContent)
            _ = try await client.signIn("nadia", password: "another long pass phrase")
            // Whether each can sign in (issue 25 §1): password, second factor, failed sign-ins.
            let failed = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "username=nadia&password=wrong+guess+entirely"))
            #expect(failed.status == .unauthorized)
            let page = try await client.execute(uri: "/users", method: .get, headers: maria.headers).text
            #expect(page.contains("password set; second factor active"), "sam and maria enrolled")
            #expect(page.contains("password set; no second factor; 1 failed sign-in since the last success"), "\(page)")
            // Deactivating asks for a deliberate tick (issue 25 §1): without it nothing changes.
            let unconfirmed = try await client.postForm("/users/nadia/deactivate", maria, [])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(String(buffer: unconfirmed.body).contains("Yes, deactivate nadia"))
            let confirmed = try await client.postForm("/users/nadia/deactivate", maria, [("confirm", "yes")])
            #expect(confirmed.status == .seeOther)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM users WHERE name IN ('mallory', 'omar')") == 0)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM users WHERE name = 'nadia' AND role = 'clerk' AND active = 0") == 1)
    }
}
