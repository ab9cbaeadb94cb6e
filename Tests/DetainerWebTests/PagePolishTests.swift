import DetainerDomain
import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Error pages inside the layout, status words, the warrant line, the queue's group sizes and the
/// streamed export.
@Suite struct PagePolishTests {
    @Test func errorPagesKeepTheSignedInLayoutAndTheirStatus() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let forbidden = try await client.execute(uri: "/reports", method: .get, headers: clara.headers)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.text.contains(#"<nav aria-label="Main">"#))
            #expect(forbidden.text.contains("clara (clerk)"))
            let missing = try await client.execute(uri: "/detainers/999999", method: .get, headers: clara.headers)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains(#"<nav aria-label="Main">"#))
            let noRoute = try await client.execute(uri: "/no-such-page", method: .get, headers: clara.headers)
            #expect(noRoute.status == .notFound)
            #expect(noRoute.text.contains(#"<nav aria-label="Main">"#))
            // Signed out: the same page, without anyone's navigation.
            let anonymous = try await client.execute(uri: "/no-such-page", method: .get)
            #expect(anonymous.status == .notFound)
            #expect(!anonymous.text.contains(#"<nav aria-label="Main">"#))
        }
    }

    @Test func pagesShowStatusWordsAndTheAPIKeepsRawValues() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let created = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let id = try #require(created.json["detainerID"] as? Int)
            let queue = try await client.execute(uri: "/queue", method: .get, headers: clara.headers)
            #expect(queue.text.contains(">Pending review</span>"))
            #expect(!queue.text.contains(">pendingReview<"))
            #expect(queue.text.contains("Pending review (1)"))
            let page = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: clara.headers)
            #expect(page.text.contains(">Pending review</span>"))
            #expect(!page.text.contains(">pendingReview<"))
            #expect(page.text.contains("Judicial (signed by a federal judge) — Hon. A. Judge (E.D.N.Y.), 2026-01-11"))
            // The timeline and the contact form speak the office's words, not stored names.
            #expect(page.text.contains("Pending review</li>") || page.text.contains("→ Pending review"))
            #expect(!page.text.contains("→ pendingReview"))
            #expect(page.text.contains(">Information request</option>") && page.text.contains(">Administrative (ICE I-200/I-205)</option>"))
            #expect(!page.text.contains(">informationRequest<"))
            let api = try await client.execute(uri: "/api/v1/queue", method: .get, headers: clara.headers)
            let pending = try #require(api.json["pendingReview"] as? [[String: Any]])
            #expect(pending.first?["status"] as? String == "pendingReview")
            #expect(pending.first?["agency"] as? String == "DOC")
            let totals = try #require(api.json["totals"] as? [String: Int])
            #expect(totals == ["pendingReview": 1, "awaitingTransfer": 0, "holdsPendingWarrant": 0, "pastDeadline": 0])
        }
    }

    /// Issue 25 at 390 px: the work lists are cards on a phone (each value named by its column)
    /// rather than tables that scroll sideways; the convictions table says "New York", and the
    /// declined-by-reason table names its reasons in words.
    @Test func narrowScreensGetCardsAndWordsNotCodes() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let id = try #require(try await client.postJSON("/api/v1/detainers", clara, intakeJSON()).json["detainerID"] as? Int)
            _ = try await client.postJSON("/api/v1/detainers/\(id)/convictions", clara,
                                          #"{"conviction": {"statute": "PL 160.15", "felonyClass": "B", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13"}}"#)
            for path in ["/queue", "/detainers"] {   // the home page's tables share the markup; this intake is due on no day the fixture sees
                let page = try await client.execute(uri: path, method: .get, headers: clara.headers).text
                #expect(page.contains("<table class=\"cards\">") && page.contains("data-label=\"Person\""), "\(path)")
            }
            let audrey = try await client.signIn("audrey")
            let audit = try await client.execute(uri: "/audit", method: .get, headers: audrey.headers).text
            #expect(audit.contains("<table class=\"cards\">") && !audit.contains("`detainer check`"))
            let css = Stylesheet.css
            #expect(css.contains("@media (max-width: 40rem)") && css.contains("table.cards td[data-label]::before { content: attr(data-label)"))
            let page = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: clara.headers).text
            #expect(page.contains("<td>New York</td>") && !page.contains("<td>NY</td>"))
        }
    }

    @Test func declineReasonsHaveWords() {
        #expect(MonthlyReport.declineReasonLabel("NO_JUDICIAL_WARRANT") == "no judicial warrant")
        #expect(MonthlyReport.declineReasonLabel("OVERRIDE_BY_SUPERVISOR") == "supervisor override")
        #expect(MonthlyReport.declineReasonLabel("DECIDED_ON_REVIEW") == "decided on review")
        #expect(MonthlyReport.declineReasonLabel(MonthlyReport.otherDeclineReason) == "other")
        for code in MonthlyReport.declineReasonCodes { #expect(MonthlyReport.declineReasonLabel(code) != code) }
        // The annual report's breakdown keys, likewise; the law's sub-items keep their numbering.
        #expect(BreakdownWords.label("noVSC.byInformationType.releaseDate.responses")
                == "no violent or serious conviction › by information type › release date › responses")
        #expect(BreakdownWords.label("TSDBOnly") == "TSDB match only" && BreakdownWords.label("ii") == "(ii)")
        #expect(BreakdownWords.label("requested") == "requested")
    }

    @Test func warrantLineHasOnlyThePartsOnRecord() {
        #expect(DetainerPage.warrantText(type: "judicial", issuer: "Hon. A. Judge", date: "2026-01-11") == "judicial — Hon. A. Judge, 2026-01-11")
        #expect(DetainerPage.warrantText(type: "administrative", issuer: "SDDO Smith", date: "") == "administrative — SDDO Smith")
        #expect(DetainerPage.warrantText(type: "judicial", issuer: "", date: "2026-01-11") == "judicial — 2026-01-11")
        #expect(DetainerPage.warrantText(type: "none", issuer: "", date: "") == "none")
    }

    @Test func statusLabelsCoverEveryStatus() {
        #expect(Labels.status(.pendingReview) == "Pending review")
        #expect(Labels.status("enteredInError") == "Entered in error")
        #expect(Set(DetainerStatus.allCases.map { Labels.status($0) }).count == DetainerStatus.allCases.count)
    }

    /// Thousands of rows, several chunks: every row arrives, once, in order, after the header.
    @Test func theExportStreamsEveryRow() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            _ = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            // Copies of that detainer row (the export reads detainers with their person and case).
            try await office.write { db in
                let columns = try db.connection.prepare("SELECT group_concat(name, ', ') FROM pragma_table_info('detainers') WHERE name <> 'id'")
                    .first { $0.string(0) ?? "" } ?? ""
                try db.connection.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2999)
                    INSERT INTO detainers (\(columns)) SELECT \(columns) FROM detainers, n
                    """)
            }
            let audrey = try await client.signIn("audrey")
            let export = try await client.postForm("/reports/export.csv", audrey, [("from", "2026-01"), ("to", "2026-01")])
            #expect(export.status == .ok)
            #expect(export.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(export.headers[.contentDisposition]?.contains("detainers-export-2026-01-2026-01.csv") == true)
            #expect(export.body.readableBytes > 3 * ExportStream.chunkBytes)
            let lines = export.text.split(separator: "\n")
            #expect(lines.first?.hasPrefix("detainer_id,agency,") == true)
            let ids = lines.dropFirst().map { $0.prefix { $0 != "," } }.compactMap { Int64($0) }
            #expect(ids.count == 3000)
            #expect(ids == ids.sorted() && Set(ids).count == 3000)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM detainers") == 3000)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'export' AND actor_name = 'audrey'") == 1)
    }
}
