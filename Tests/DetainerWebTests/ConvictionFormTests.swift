import DetainerDomain
import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 25 §1 and §4: the browser and the API record a judgment that counts, exactly as the CLI
/// does: every conviction field, the CLI's defaults, and corrections that reach the service.
@Suite struct ConvictionFormTests {
    /// The values the browser would submit from a form on the page: each input's value and each
    /// select's selected option, read from the HTML the server sent.
    static func formValues(_ page: String, action: String) throws -> [(String, String)] {
        let start = try #require(page.range(of: "action=\"\(action)\">"))
        let end = try #require(page.range(of: "</form>", range: start.upperBound..<page.endIndex))
        let form = String(page[start.upperBound..<end.lowerBound])
        var values: [(String, String)] = []
        let input = /<input type="[^"]*" id="[^"]*" name="([^"]+)" value="([^"]*)"/
        for match in form.matches(of: input) where match.1 != "csrf_token" { values.append((String(match.1), String(match.2))) }
        let select = /<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)<\/select>/.dotMatchesNewlines()
        for match in form.matches(of: select) {
            let chosen = String(match.2).firstMatch(of: /<option value="([^"]*)" selected>/).map { String($0.1) }
                ?? String(match.2).firstMatch(of: /<option value="([^"]*)"/).map { String($0.1) } ?? ""
            values.append((String(match.1), chosen))
        }
        return values
    }

    static func detainer(_ client: some TestClientProtocol, _ who: Credentials, _ id: Int) async throws -> [String: Any] {
        let detail = try await client.execute(uri: "/api/v1/detainers/\(id)", method: .get, headers: who.headers)
        var detainer = try #require(detail.json["detainer"] as? [String: Any])
        // The latest evaluation's reason codes (the detainer row keeps them hidden).
        detainer["reasons"] = ((detail.json["evaluations"] as? [[String: Any]])?.last?["reasons"] as? [String]) ?? []
        return detainer
    }

    /// A PL 160.15 class B conviction added in the browser with the form's defaults gives the
    /// evaluation the same conviction gives when added as the CLI adds it (only the flags typed).
    @Test func aConvictionAddedInTheBrowserWithDefaultsCountsAsOnTheCLI() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let first = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let second = try await client.postJSON("/api/v1/detainers", clara, intakeJSON(name: "Ana Pérez", nysid: "87654321B")
                .replacingOccurrences(of: "3411700123", with: "3411700999"))
            let web = try #require(first.json["detainerID"] as? Int), cli = try #require(second.json["detainerID"] as? Int)

            let page = try await client.execute(uri: "/detainers/\(web)", method: .get, headers: clara.headers).text
            var fields = try Self.formValues(page, action: "/detainers/\(web)/convictions")
            // The form shows the CLI's defaults, never "not known" for the facts the CLI reads as no.
            let shown = Dictionary(fields, uniquingKeysWith: { a, _ in a })
            for key in ["youthfulOffender", "juvenileDelinquent", "hateCrime", "sealed", "vacated", "awaitingSentence"] {
                #expect(shown[key] == "no", "\(key): \(shown[key] ?? "absent")")
            }
            #expect(shown["incarceratedDaysForThisCrime"] == "0")
            #expect(shown["jurisdiction"] == "NY")
            #expect(shown["sentencedOn"] == "")
            // The same help as the CLI's, from the one list.
            #expect(page.contains(ConvictionFields.sentencedOn.formHint))
            fields = fields.map { key, value in
                switch key {
                case "statute": (key, "PL 160.15")
                case "felonyClass": (key, "B")
                case "convictedOn": (key, "2022-03-02")
                case "sentencedOn": (key, "2022-04-13")
                default: (key, value)
                }
            }
            let added = try await client.postForm("/detainers/\(web)/convictions", clara, fields)
            #expect(added.status == .seeOther, "\(added.text)")

            // The CLI's `conviction add PERSON --statute "PL 160.15" --felony-class B --convicted-on 2022-03-02 --sentenced-on 2022-04-13`.
            try await office.write { db in
                let history = HistoryService(db)
                let entry = try ConvictionFields.entry(["statute": "PL 160.15", "felonyClass": "B", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13"], name: \.flag)
                _ = try history.addConviction(personID: try #require(try history.personID(ofDetainer: Int64(cli))), entry,
                                              by: try db.accounts.authorize("clara", for: .recordHistory))
            }
            let fromWeb = try await Self.detainer(client, clara, web), fromCLI = try await Self.detainer(client, clara, cli)
            #expect(fromWeb["outcome"] as? String == fromCLI["outcome"] as? String)
            #expect(fromWeb["outcome"] as? String == "permitted", "\(fromWeb["reasons"] ?? "")")
            #expect(fromWeb["reasons"] as? [String] == fromCLI["reasons"] as? [String])
        }
    }

    /// `{"conviction":{"vacated":true}}` marks it vacated and re-evaluates; every fact the CLI
    /// corrects, the API corrects (a fact left out keeps its stored value).
    @Test func theAPICorrectsEveryFactTheCLICorrects() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let id = try #require(intake.json["detainerID"] as? Int)
            let added = try await client.postJSON("/api/v1/detainers/\(id)/convictions", clara,
                                                  #"{"conviction": {"statute": "PL 160.15", "felonyClass": "B", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13"}}"#)
            #expect(added.status == .created, "\(added.text)")
            let conviction = try #require(added.json["convictionID"] as? Int)
            let counted = try await Self.detainer(client, clara, id)["outcome"] as? String
            #expect(counted != "decline")

            let vacated = try await client.postJSON("/api/v1/convictions/\(conviction)", clara, #"{"conviction": {"vacated": true}}"#)
            #expect(vacated.status == .ok, "\(vacated.text)")
            #expect((vacated.json["reevaluations"] as? [Any])?.count == 1)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions WHERE id = \(conviction) AND vacated = 1 AND sentenced_on = '2022-04-13'") == 1)
            #expect(try await Self.detainer(client, clara, id)["outcome"] as? String == "decline")

            // One field at a time, each reaching the stored row (column, SQL value expected).
            let cases: [(String, String, String)] = [
                (#"{"vacated": false}"#, "vacated", "0"),
                (#"{"sealed": true}"#, "sealed", "1"),
                (#"{"sealed": null}"#, "sealed", "NULL"),
                (#"{"youthfulOffender": true}"#, "youthful_offender", "1"),
                (#"{"juvenileDelinquent": null}"#, "juvenile_delinquent", "NULL"),
                (#"{"hateCrime": true}"#, "hate_crime", "1"),
                (#"{"incarceratedDaysForThisCrime": 40}"#, "incarcerated_days", "40"),
                (#"{"incarceratedDaysForThisCrime": null}"#, "incarcerated_days", "NULL"),
                (#"{"sentencedOn": "2022-05-01"}"#, "sentenced_on", "'2022-05-01'"),
                (#"{"sentencedOn": null}"#, "sentenced_on", "NULL"),
                (#"{"awaitingSentence": true}"#, "awaiting_sentence", "1"),
                (#"{"awaitingSentence": null}"#, "awaiting_sentence", "NULL"),
                (#"{"felonyClass": "C"}"#, "felony_class", "'C'"),
                (#"{"jurisdiction": "federal", "nyEquivalent": "PL 160.10", "authorizedTermOverOneYear": true}"#, "term_over_one_year", "1"),
                (#"{"jurisdiction": null}"#, "jurisdiction", "NULL"),
            ]
            for (fields, column, expected) in cases {
                let answer = try await client.postJSON("/api/v1/convictions/\(conviction)", clara, #"{"conviction": \#(fields)}"#)
                #expect(answer.status == .ok, "\(fields): \(answer.text)")
                let test = expected == "NULL" ? "\(column) IS NULL" : "\(column) = \(expected)"
                #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions WHERE id = \(conviction) AND \(test)") == 1, "\(fields)")
            }
            // The earlier facts stayed: each correction changed only what it named.
            #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions WHERE id = \(conviction) AND vacated = 0 AND youthful_offender = 1 AND hate_crime = 1") == 1)
        }
    }

    /// The CLI's checks, not stricter ones: a new plea date with its new sentence date is accepted;
    /// a plea date after the stored sentence date, alone, is refused by both and changes nothing.
    @Test func theAPIAppliesTheCLIsChecksToACorrection() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let id = try #require(try await client.postJSON("/api/v1/detainers", clara, intakeJSON()).json["detainerID"] as? Int)
            let added = try await client.postJSON("/api/v1/detainers/\(id)/convictions", clara,
                                                  #"{"conviction": {"statute": "PL 120.05", "felonyClass": "D", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13"}}"#)
            let conviction = try #require(added.json["convictionID"] as? Int)
            let moved = try await client.postJSON("/api/v1/convictions/\(conviction)", clara,
                                                  #"{"conviction": {"convictedOn": "2022-05-01", "sentencedOn": "2022-06-01"}}"#)
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions WHERE convicted_on = '2022-05-01' AND sentenced_on = '2022-06-01'") == 1)

            let before = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
            let late = try await client.postJSON("/api/v1/convictions/\(conviction)", clara, #"{"conviction": {"convictedOn": "2022-07-01"}}"#)
            #expect(late.status == .unprocessableContent)
            var cliRefused = false
            do {
                try await office.write { db in
                    _ = try HistoryService(db).updateConviction(id: Int64(conviction), changes: try ConvictionFields.entry(["convictedOn": "2022-07-01"]),
                                                                by: try db.accounts.authorize("clara", for: .recordHistory))
                }
            } catch is InputErrors { cliRefused = true }
            #expect(cliRefused)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == before)
        }
    }

    /// The browser's correction form: it shows the stored facts and saves every one it submits.
    @Test func theCorrectionFormMarksAJudgmentVacated() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let id = try #require(try await client.postJSON("/api/v1/detainers", clara, intakeJSON()).json["detainerID"] as? Int)
            let added = try await client.postJSON("/api/v1/detainers/\(id)/convictions", clara,
                                                  #"{"conviction": {"statute": "PL 160.15", "felonyClass": "B", "convictedOn": "2022-03-02", "sentencedOn": null}}"#)
            let conviction = try #require(added.json["convictionID"] as? Int)
            let page = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: clara.headers).text
            var fields = try Self.formValues(page, action: "/detainers/\(id)/convictions/\(conviction)")
            let shown = Dictionary(fields, uniquingKeysWith: { a, _ in a })
            #expect(shown["sentencedOn"] == "")
            #expect(shown["vacated"] == "no")
            #expect(shown["authorizedTermOverOneYear"] == "unknown")
            fields = fields.map { $0.0 == "vacated" ? ($0.0, "yes") : ($0.0 == "sealed" ? ($0.0, "unknown") : $0) }
            let saved = try await client.postForm("/detainers/\(id)/convictions/\(conviction)", clara, fields)
            #expect(saved.status == .seeOther, "\(saved.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions WHERE id = \(conviction) AND vacated = 1 AND sealed IS NULL AND felony_class = 'B'") == 1)
            #expect(try await Self.detainer(client, clara, id)["outcome"] as? String == "decline")

            // A value none of yes, no, unknown is refused beside its field, nothing written.
            let before = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
            let bad = try await client.postForm("/detainers/\(id)/convictions/\(conviction)", clara, [("vacated", "maybe")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("is not one of yes, no, unknown"))
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == before)
        }
    }

    /// A correction takes a sentence date back to "not known" in the browser as `conviction update
    /// --sentenced-on unknown` does on the CLI (the date emptied), and every other optional fact
    /// the CLI can return to unknown the form can too; a form that leaves the date out keeps it.
    @Test func theCorrectionFormReturnsTheSentenceDateAndOtherFactsToNotKnown() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let id = try #require(try await client.postJSON("/api/v1/detainers", clara, intakeJSON()).json["detainerID"] as? Int)
            let added = try await client.postJSON("/api/v1/detainers/\(id)/convictions", clara,
                                                  #"{"conviction": {"statute": "PL 160.15", "felonyClass": "B", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13", "incarceratedDaysForThisCrime": 12}}"#)
            let conviction = try #require(added.json["convictionID"] as? Int)
            let action = "/detainers/\(id)/convictions/\(conviction)"

            // Only the vacated fact posted (no sentence date field at all): the date stays.
            let partial = try await client.postForm(action, clara, [("vacated", "yes")])
            #expect(partial.status == .seeOther, "\(partial.text)")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM convictions WHERE id = \(conviction) AND sentenced_on = '2022-04-13' AND vacated = 1") == 1)

            let page = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: clara.headers).text
            var fields = try Self.formValues(page, action: action)
            #expect(Dictionary(fields, uniquingKeysWith: { a, _ in a })["sentencedOn"] == "2022-04-13")
            fields = fields.map { key, value in
                switch key {
                case "sentencedOn": (key, "")
                case "awaitingSentence", "youthfulOffender", "juvenileDelinquent", "hateCrime", "sealed", "vacated", "jurisdiction": (key, "unknown")
                case "incarceratedDaysForThisCrime": (key, "unknown")
                default: (key, value)
                }
            }
            let saved = try await client.postForm(action, clara, fields)
            #expect(saved.status == .seeOther, "\(saved.text)")
            #expect(try WebFixture.count(path, """
                SELECT count(*) FROM convictions WHERE id = \(conviction) AND sentenced_on IS NULL AND awaiting_sentence IS NULL
                  AND youthful_offender IS NULL AND juvenile_delinquent IS NULL AND hate_crime IS NULL AND sealed IS NULL
                  AND vacated IS NULL AND jurisdiction IS NULL AND incarcerated_days IS NULL
                  AND convicted_on = '2022-03-02' AND felony_class = 'B'
                """) == 1)
            // The form now shows them as not known, and the engine reads them so (never as no).
            let after = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: clara.headers).text
            let shown = Dictionary(try Self.formValues(after, action: action), uniquingKeysWith: { a, _ in a })
            #expect(shown["sentencedOn"] == "")
            #expect(shown["vacated"] == "unknown")
            #expect(shown["incarceratedDaysForThisCrime"] == "unknown")
            #expect(try await Self.detainer(client, clara, id)["outcome"] as? String == "needsReview")

            // The same correction again changes nothing and says so, as the CLI does.
            let again = try await client.postForm(action, clara, fields)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("nothing changes"))
        }
    }

    /// Issue 25 §4: a refused form on the detainer page comes back with each error beside its
    /// field and, at the top, a focused summary whose entries link to those fields by their
    /// labels; a problem with no field links to the form's card.
    @Test func aRefusedFormOnTheDetainerPageSummarizesAndLinksEachField() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let id = try #require(try await client.postJSON("/api/v1/detainers", clara, intakeJSON()).json["detainerID"] as? Int)
            let added = try await client.postJSON("/api/v1/detainers/\(id)/convictions", clara,
                                                  #"{"conviction": {"statute": "PL 160.15", "felonyClass": "B", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13"}}"#)
            let conviction = try #require(added.json["convictionID"] as? Int)
            let action = "/detainers/\(id)/convictions/\(conviction)"

            let bad = try await client.postForm(action, clara, [("incarceratedDaysForThisCrime", "many"), ("vacated", "maybe")])
            #expect(bad.status == .unprocessableContent)
            let page = bad.text
            let summary = try #require(page.range(of: "<div class=\"notice error\" id=\"errors\""))
            let end = try #require(page.range(of: "</div>", range: summary.upperBound..<page.endIndex))
            let box = String(page[summary.lowerBound..<end.upperBound])
            #expect(box.contains("autofocus") && box.contains("tabindex=\"-1\""), "\(box)")
            let days = "f-conviction-\(conviction)-incarceratedDaysForThisCrime", plea = "f-conviction-\(conviction)-vacated"
            #expect(box.contains("<a href=\"#\(days)\">Days incarcerated for it: "), "\(box)")
            #expect(box.contains("<a href=\"#\(plea)\">Vacated: "), "\(box)")
            #expect(!box.contains("conviction.") && !box.contains(">incarceratedDays"), "internal keys: \(box)")
            // Beside the fields, in the correction form, which is open.
            #expect(page.contains("id=\"\(days)-error\"") && page.contains("id=\"\(plea)-error\""))
            #expect(page.contains("<details open><summary>Correct conviction #\(conviction)"), "the refused form is unfolded")
            // Only one summary: the page's message box is not shown beside it.
            #expect(page.components(separatedBy: "id=\"errors\"").count == 2)

            // A refusal without a field ("nothing changes") links to the conviction card.
            let same = try await client.postForm(action, clara, [("vacated", "no")])
            #expect(same.status == .unprocessableContent)
            #expect(same.text.contains("<a href=\"#convictions\">Convictions: nothing changes"), "\(same.text)")

            // Another form on the page: the status form's field, by its own scope.
            let status = try await client.postForm("/detainers/\(id)/status", clara, [("to", "nonsense")])
            #expect(status.status == .unprocessableContent)
            #expect(status.text.contains("<a href=\"#f-status-to\">New status: "), "\(status.text)")
        }
    }
}
