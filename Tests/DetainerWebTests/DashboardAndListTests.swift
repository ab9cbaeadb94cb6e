import DetainerDomain
import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Issue 25 §1-2 through the server: each role's home page, deadlines that mean what they say,
/// honoring late only with confirmation, the detainer list with its CSV, search by booking
/// number, and the TRAINING banner. The clock is pinned: Thursday 2026-03-05 11:00 EST.
@Suite struct DashboardAndListTests {
    static let now = UTCInstant(parsing: "2026-03-05T16:00:00Z")!

    /// The fixture's office again, on the pinned clock.
    static func office() throws -> (TemporaryDirectory, Office, String) {
        let (directory, first, path) = try WebFixture.office()
        first.close()
        return (directory, try Office(path: path, clock: .fixed(now), signer: WebFixture.signer), path)
    }

    /// A DOC intake received today at 09:00 EST; `tsdb` true makes it permitted, else decline.
    static func intake(name: String, nysid: String, booking: String, release: String, tsdb: Bool = false) -> String {
        """
        {"person": {"name": \(jsonString(name)), "dateOfBirth": "1985-02-03", "nysid": "\(nysid)"},
         "custody": {"agency": "DOC", "bookingNumber": "\(booking)", "arrestDate": "2026-02-20", "scheduledReleaseAt": "\(release)"},
         "detainer": {"receivedAt": "2026-03-05T14:00:00Z", "warrant": {"type": "judicial", "issuer": "Hon. A. Judge", "date": "2026-03-01"},
                      "terroristScreeningMatch": \(tsdb), "illegalReentryAfterRemoval": false}}
        """
    }

    static func post<Client: TestClientProtocol>(_ client: Client, _ who: Credentials, _ json: String) async throws -> Int {
        let response = try await client.postJSON("/api/v1/detainers", who, json)
        guard response.status == .created, let id = response.json["detainerID"] as? Int else { throw FixtureError("intake: \(response.status) \(response.text)") }
        return id
    }

    @Test func eachRoleLandsOnItsDashboard() async throws {
        let (directory, office, _) = try Self.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            // Released an hour ago with no decision; released tomorrow 10:00 (23 hours away).
            let past = try await Self.post(client, clara, Self.intake(name: "Past Release", nysid: "11111111A", booking: "B-1", release: "2026-03-05T15:00:00Z"))
            let soon = try await Self.post(client, clara, Self.intake(name: "Due Tomorrow", nysid: "22222222B", booking: "B-2", release: "2026-03-06T15:00:00Z"))

            let anonymous = try await client.execute(uri: "/", method: .get)
            #expect(anonymous.status != .ok, "the home page needs a session")

            let page = try await client.execute(uri: "/", method: .get, headers: clara.headers)
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("Past release or deadline: act now (1)"), "\(text)")
            #expect(text.contains("/detainers/\(past)") && text.contains("past the scheduled release: decide now"))
            #expect(text.contains("Due in the next 24 hours (1)") && text.contains("/detainers/\(soon)"))
            #expect(text.contains("Release on time"), "a decline counts down to its release")
            #expect(text.contains("Logged today, 2026-03-05 (2)"))
            #expect(!text.contains("Awaiting a second supervisor"), "a clerk approves nothing")

            let sam = try await client.signIn("sam", clock: .fixed(Self.now))
            #expect(try await client.execute(uri: "/", method: .get, headers: sam.headers).text.contains("Awaiting a second supervisor (0)"))
            let audrey = try await client.signIn("audrey")
            let auditor = try await client.execute(uri: "/", method: .get, headers: audrey.headers).text
            #expect(auditor.contains("Logged today, 2026-03-05 (2)") && auditor.contains("1 past release or deadline"))
            #expect(!auditor.contains("Past release or deadline: act now"), "an auditor does not act on detainers")
            let maria = try await client.signIn("maria", clock: .fixed(Self.now))
            #expect(try await client.execute(uri: "/", method: .get, headers: maria.headers).text.contains("Account changes awaiting a second admin (0)"))

            // The queue leads with the decision that is late past the release.
            let queue = try await client.execute(uri: "/queue", method: .get, headers: sam.headers).text
            let first = try #require(queue.range(of: "/detainers/\(past)")), second = try #require(queue.range(of: "/detainers/\(soon)"))
            #expect(first.lowerBound < second.lowerBound)
        }
    }

    @Test func honoringAfterTheHoldDeadlineNeedsTheCheckbox() async throws {
        let (directory, office, path) = try Self.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            // Permitted, released Monday 10:00 EST: the hold deadline was Wednesday 10:00 EST.
            let id = try await Self.post(client, clara, Self.intake(name: "Late Honor", nysid: "33333333C", booking: "B-3", release: "2026-03-02T15:00:00Z", tsdb: true))
            let sam = try await client.signIn("sam", clock: .fixed(Self.now))
            let detail = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: sam.headers).text
            #expect(detail.contains("Honor even though the hold deadline has passed"))

            let api = try await client.postJSON("/api/v1/detainers/\(id)/review", sam, #"{"action": "approve"}"#)
            #expect(api.status == .unprocessableContent)
            #expect(api.text.contains("confirmAfterDeadline") && api.text.contains("has already passed"), "\(api.text)")
            let refused = try await client.postForm("/detainers/\(id)/review", sam, [("action", "approve")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("needs confirmation") && refused.text.contains("aria-invalid=\"true\""))
            #expect(try WebFixture.count(path, "SELECT count(*) FROM reviews") == 0)

            let confirmed = try await client.postForm("/detainers/\(id)/review", sam, [("action", "approve"), ("confirmAfterDeadline", "1"), ("confirmNoSearch", "yes")])
            #expect(confirmed.status == .seeOther)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'detainer.review' AND payload ->> '$.details.confirmedAfterHoldDeadline' = 1") == 1)

            // Transferred after the deadline: the page says it was a transfer, and late.
            let transfer = try await client.postForm("/detainers/\(id)/status", clara, [("to", "transferred"), ("note", "ICE took custody")])
            #expect(transfer.headers[.location] == "/detainers/\(id)?done=late-transfer")
            let page = try await client.execute(uri: "/detainers/\(id)?done=late-transfer", method: .get, headers: clara.headers).text
            #expect(page.contains("Transferred AFTER the hold deadline"))
        }
    }

    /// Issue 25 §2: approving a second supervisor's proposal to honor is the honor, so after the
    /// hold deadline it asks for the same confirmation on the page and over the API.
    @Test func approvingAnHonorProposalAfterTheHoldDeadlineNeedsTheCheckbox() async throws {
        let (directory, office, path) = try Self.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            // needsReview (screening match not known), released Monday: the hold deadline has passed.
            let id = try await Self.post(client, clara, Self.intake(name: "Late Proposal", nysid: "33333334C", booking: "B-4", release: "2026-03-02T15:00:00Z")
                .replacingOccurrences(of: "\"terroristScreeningMatch\": false", with: "\"terroristScreeningMatch\": null"))
            // Another supervisor, tess, proposed the honor.
            let proposal = try await office.write { db in
                _ = try db.accounts.addUser(name: "tess", role: .supervisor, by: try db.accounts.authorize("maria", for: .manageUsers))
                return try ProposalService(db).propose(detainerID: Int64(id), .review(.honor, reason: "ICE says TSDB"), by: try db.accounts.authorize("tess", for: .review))
            }
            let sam = try await client.signIn("sam", clock: .fixed(Self.now))
            let action = "/detainers/\(id)/proposals/\(proposal.id)/approve"
            let detail = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: sam.headers).text
            let form = try #require(detail.range(of: "action=\"\(action)\""))
            #expect(detail[form.upperBound...].prefix(3000).contains("Honor even though the hold deadline has passed"), "the approve form offers the confirmation")
            #expect(detail.contains("To approve this honor, confirm: the hold deadline"))

            let refused = try await client.postForm(action, sam, [("note", "checked")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Approving proposal \(proposal.id) to honor detainer \(id) needs confirmation") && refused.text.contains("aria-invalid=\"true\""))
            let api = try await client.postJSON("/api/v1/proposals/\(proposal.id)/approve", sam, #"{"note": "checked"}"#)
            #expect(api.status == .unprocessableContent)
            #expect(api.text.contains("confirmAfterDeadline") && api.text.contains("has already passed"), "\(api.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM proposals WHERE state = 'pending'") == 1)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM reviews") == 0)

            let confirmed = try await client.postForm(action, sam, [("note", "checked"), ("confirmAfterDeadline", "1")])
            #expect(confirmed.status == .seeOther, "\(confirmed.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM detainers WHERE id = \(id) AND status = 'honored'") == 1)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'proposal.approve' AND payload ->> '$.details.confirmedAfterHoldDeadline' = 1") == 1)
        }
    }

    @Test func theDetainerListFiltersPagesAndDownloads() async throws {
        let (directory, office, path) = try Self.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let formula = try await Self.post(client, clara, Self.intake(name: "=HYPERLINK(\"http://x\")", nysid: "44444444D", booking: "BK-77", release: "2026-03-09T15:00:00Z", tsdb: true))
            for n in 0..<51 {
                _ = try await Self.post(client, clara, Self.intake(name: "Person \(n)", nysid: String(format: "%08dE", 50_000_000 + n), booking: "L-\(n)", release: "2026-03-09T15:00:00Z"))
            }
            let first = try await client.execute(uri: "/detainers", method: .get, headers: clara.headers)
            #expect(first.status == .ok)
            #expect(first.text.contains("Detainers 1–50, newest first") && first.text.contains("rel=\"next\""))
            let second = try await client.execute(uri: "/detainers?page=2", method: .get, headers: clara.headers)
            #expect(second.text.contains("Detainers 51–52") && !second.text.contains("rel=\"next\"") && second.text.contains("rel=\"prev\""))
            let permitted = try await client.execute(uri: "/detainers?outcome=permitted&agency=doc", method: .get, headers: clara.headers).text
            #expect(permitted.contains("/detainers/\(formula)\"") && permitted.contains("Detainers 1–1"), "\(permitted)")
            let byBooking = try await client.execute(uri: "/detainers?person=BK-77", method: .get, headers: clara.headers).text
            #expect(byBooking.contains("Detainers 1–1") && byBooking.contains("/detainers/\(formula)\""))
            let bad = try await client.execute(uri: "/detainers?agency=FBI&from=2026-13-01&page=0", method: .get, headers: clara.headers)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("unknown agency") && bad.text.contains("is not a date") && bad.text.contains("page must be"))
            #expect(!first.text.contains("Download all matching as CSV"), "a clerk may not export")
            #expect(try await client.postForm("/detainers.csv", clara, []).status == .forbidden)
            // A download of personal data is a POST (audited); a GET writes nothing and gets none.
            #expect(try await client.execute(uri: "/detainers.csv", method: .get, headers: clara.headers).status == .methodNotAllowed)

            let audrey = try await client.signIn("audrey")
            let csv = try await client.postForm("/detainers.csv", audrey, [("outcome", "permitted")])
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\n")
            #expect(lines.count == 2 && lines[0].hasPrefix("id,received_at"), "\(csv.text)")
            #expect(lines[1].contains("'=HYPERLINK"), "a formula is neutralized as the export does: \(csv.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'export' AND payload ->> '$.details.source' = 'detainer list'") == 1)

            // Search finds the detainer by its booking number and by NYSID.
            for query in ["BK-77", "44444444D"] {
                let search = try await client.execute(uri: "/search?q=\(query)", method: .get, headers: clara.headers).text
                #expect(search.contains("Detainers (1)") && search.contains("/detainers/\(formula)\""), "\(query)")
            }
        }
    }

    @Test func aTrainingDatabaseSaysSoOnEveryPage() async throws {
        let directory = TemporaryDirectory()
        let path = directory.path("training.db")
        let db = try DetainerDatabase.open(path: path, access: .create)
        try db.migrate()
        try db.integrity.establish(mode: .training, publicKey: nil)
        try db.close()
        let office = try Office(path: path, clock: .fixed(Self.now))
        defer { office.close() }
        try await WebFixture.application(office).test(.router) { client in
            for uri in ["/login", "/no-such-page"] {
                let page = try await client.execute(uri: uri, method: .get)
                #expect(page.text.contains("TRAINING database"), "\(uri)")
            }
        }
        let (productionDirectory, production, _) = try Self.office()
        defer { _ = productionDirectory; production.close() }
        try await WebFixture.application(production).test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(!page.text.contains("TRAINING database"))
        }
    }
}
