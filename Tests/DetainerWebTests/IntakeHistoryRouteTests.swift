import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 25 §1: the web intake page and the API intake carry the criminal-history search.
@Suite struct IntakeHistoryRouteTests {
    static let intakeFields: [(String, String)] = [
        ("person.name", "Ana María"), ("person.nysid", "1234567A"), ("custody.agency", "DOC"), ("custody.arrestDate", "2026-01-10"),
        ("custody.scheduledReleaseAt", "2030-01-02T10:00"), ("detainer.warrant.type", "judicial"),
        ("detainer.warrant.issuer", "Hon. A. Judge (E.D.N.Y.)"), ("detainer.warrant.date", "2026-01-11"),
    ]

    /// The rows the page shows, as the browser sends them (each select's default), with row `index` filled in.
    static func rows(_ page: String) throws -> [(String, String)] {
        try ConvictionFormTests.formValues(page, action: "/intake").filter { $0.0.hasPrefix("convictions[") || $0.0.hasPrefix("pendingCharges[") }
    }

    @Test func theIntakePageRecordsAConvictionRowBeforeTheFirstEvaluation() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let page = try await client.execute(uri: "/intake", method: .get, headers: clara.headers).text
            var rows = try Self.rows(page)
            #expect(rows.filter { $0.0.hasSuffix(".vacated") }.map(\.1) == ["no", "no", "no"])
            // The clerk fills the second row (the first left blank) and one pending charge.
            rows = rows.map { key, value in
                switch key {
                case "convictions[1].statute": (key, "PL 160.15")
                case "convictions[1].felonyClass": (key, "B")
                case "convictions[1].convictedOn": (key, "2022-03-02")
                case "convictions[1].sentencedOn": (key, "2022-04-13")
                case "pendingCharges[0].statute": (key, "PL 155.25")
                default: (key, value)
                }
            }
            let response = try await client.postForm("/intake", clara, Self.intakeFields + rows)
            #expect(response.status == .seeOther, "\(response.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM evaluations WHERE sequence = 1 AND outcome = 'permitted' AND trigger = 'intake'") == 1)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM evaluations") == 1)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions WHERE vacated = 0 AND sealed = 0 AND youthful_offender = 0 AND felony_class = 'B'") == 1)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM pending_charges WHERE statute_raw = 'PL 155.25' AND custody_case_id IS NOT NULL") == 1)
        }
    }

    /// A bad field in the third row is shown beside that row's field (not the first's), nothing written.
    @Test func aBadConvictionRowIsNamedBesideItsFieldAndNothingIsWritten() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let response = try await client.postForm("/intake", clara, Self.intakeFields + [
                ("convictions[0].statute", "PL 120.05"), ("convictions[0].convictedOn", "2022-03-02"),
                ("convictions[2].statute", "PL 160.15"), ("convictions[2].convictedOn", "2022-03-02"), ("convictions[2].sentencedOn", "2022-01-01"),
            ])
            #expect(response.status == .unprocessableContent)
            // The summary names the row and the label, and links to that row's field (issue 25 §4).
            #expect(response.text.contains(##"<a href="#f-convictions-2--sentencedOn">Conviction 3: Sentenced on: 2022-01-01 is before convictedOn 2022-03-02</a>"##), "\(response.text)")
            #expect(response.text.contains(#"id="f-convictions-2--sentencedOn-error""#))
            #expect(try WebFixture.count(path, "SELECT count(*) FROM detainers") == 0)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions") == 0)
        }
    }

    @Test func theAPIIntakeCarriesConvictionsAndCharges() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            var body = intakeJSON()
            body.removeLast(1)   // the closing brace
            body += #", "convictions": [{"statute": "PL 160.15", "felonyClass": "B", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13"}], "pendingCharges": [{"statute": "PL 155.25"}]}"#
            let intake = try await client.postJSON("/api/v1/detainers", clara, body)
            #expect(intake.status == .created, "\(intake.text)")
            #expect(intake.json["outcome"] as? String == "permitted")
            #expect((intake.json["convictionIDs"] as? [Int])?.count == 1)
            #expect((intake.json["pendingChargeIDs"] as? [Int])?.count == 1)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions") == 1)
            let unknown = try await client.postJSON("/api/v1/detainers", clara, intakeJSON(name: "Ana Pérez", nysid: "87654321B")
                .replacingOccurrences(of: "\"detainer\":", with: #""convictions": [{"statute": "PL 120.05", "vacatd": true}], "detainer":"#))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("convictions[0].vacatd"), "\(unknown.text)")
        }
    }
}
