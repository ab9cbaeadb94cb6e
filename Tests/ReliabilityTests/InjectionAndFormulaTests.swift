import Foundation
import TestSupport
import Testing

/// SQL in any text field is data: stored and shown byte for byte, never executed. Text a
/// spreadsheet would run as a formula is defused in CSV exports only.
@Suite struct InjectionAndFormulaTests {
    struct Show: Decodable {
        // Issue 11 §7: show's JSON keys are camelCase throughout (they were snake_case inside records).
        struct Person: Decodable { let name: String?; let countryOfBirth: String? }
        struct Custody: Decodable { let facility: String? }
        struct Detainer: Decodable { let issuingOffice: String?; let warrantIssuer: String? }
        struct Contact: Decodable { let summary: String }
        struct Status: Decodable { let note: String? }
        struct Review: Decodable { let reason: String? }
        let person: Person
        let custodyCase: Custody
        let detainer: Detainer
        let contacts: [Contact]
        let statusEvents: [Status]?
        let reviews: [Review]?
    }

    /// The intake JSON's five free-text fields, then a contact summary, a review reason and a
    /// status note, each carrying SQL; `show --format json` must give each back exactly.
    @Test func sqlInEveryTextFieldIsStoredVerbatim() throws {
        let box = try Sandbox(name: "injection")
        let file = try box.stage(corpusFile: "intake/intake-sql-injection.json")
        let request = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: [String: Any]]
        let tablesBefore = try box.scalar("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema ORDER BY name);")

        let intake = try box.detainer(["intake", "--json", file, "--format", "json"], user: "clerk1")
        try #require(intake.status == 0, "\(intake)")
        #expect(intake.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("TRAINING") }, "\(intake.stderr)")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(intake.stdout.utf8)) as? [String: Any])?["detainerID"] as? Int)  // issue 11 §7: one JSON key style (…ID)

        let summary = "Robert'); DELETE FROM ice_communications WHERE ('1'='1"
        let reason = "'; UPDATE detainers SET status = 'honored'; --"
        let note = "\"); DROP TRIGGER audit_log_append_only_delete; --"
        #expect(try box.detainer(["contact", String(id), "--direction", "out", "--kind", "other", "--summary", summary], user: "clerk1").status == 0)
        let review = try box.detainer(["review", String(id), "--decide", "decline", "--reason", reason, "--confirm-no-search"], user: "sup1")
        #expect(review.status == 0, "\(review)")
        let status = try box.detainer(["status", String(id), "--to", "enteredInError", "--note", note], user: "clerk1")
        #expect(status.status == 0, "\(status)")

        let show = try box.detainer(["show", String(id), "--format", "json"])
        try #require(show.status == 0, "\(show)")
        let record = try JSONDecoder().decode(Show.self, from: Data(show.stdout.utf8))
        #expect(record.person.name == request["person"]?["name"] as? String)
        #expect(record.person.countryOfBirth == request["person"]?["countryOfBirth"] as? String)
        #expect(record.custodyCase.facility == request["custody"]?["facility"] as? String)
        #expect(record.detainer.issuingOffice == request["detainer"]?["issuingOffice"] as? String)
        #expect(record.detainer.warrantIssuer == (request["detainer"]?["warrant"] as? [String: Any])?["issuer"] as? String)
        #expect(record.contacts.contains { $0.summary == summary })
        #expect(record.reviews?.contains { $0.reason == reason } == true)
        #expect(record.statusEvents?.contains { $0.note == note } == true)

        // Nothing ran: the schema is intact, no database was attached or created, check passes.
        #expect(try box.scalar("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema ORDER BY name);") == tablesBefore)
        #expect(!FileManager.default.fileExists(atPath: box.path("pwn.db")))
        let check = try box.detainer("check")
        #expect(check.status == 0, "\(check)")
    }

    /// Imported ICE text fields with SQL are kept exactly as the file had them.
    @Test func sqlInImportedFieldsIsStoredVerbatim() throws {
        let box = try Sandbox(name: "import-injection")
        let file = try box.stage(corpusFile: "import/ice-sql-injection.csv")
        let result = try box.detainer(["import", file], user: "sup1")
        try #require(result.status == 0, "\(result)")
        let stored = try box.sqlite(".mode quote\nSELECT facility, facility_city, facility_state FROM detainers WHERE origin = 'import' ORDER BY id DESC LIMIT 3;")
            .stdout
        for text in ["Robert''); DROP TABLE detainers;--", "''' OR ''1''=''1'", "'\"; DELETE FROM audit_log; SELECT \"'",
                     "x; ATTACH DATABASE ''pwn.db'' AS pwn; --", "1); DROP TABLE imports; --", "RIKERS ISLAND''--",
                     "NY'' UNION SELECT hash FROM audit_log --"] {
            #expect(stored.contains(text), "\(text) not stored verbatim: \(stored)")
        }
        #expect(!FileManager.default.fileExists(atPath: box.path("pwn.db")))
        #expect(try box.detainer("check").status == 0)
    }

    /// Formulas from an intake and from an ICE file come out of `export --format csv` with a
    /// leading apostrophe, and unchanged in JSON.
    @Test func formulasAreNeutralisedInCSVExport() throws {
        let box = try Sandbox(name: "formulas")
        #expect(try box.detainer(["intake", "--json", try box.stage(corpusFile: "intake/intake-formulas.json")], user: "clerk1").status == 0)
        #expect(try box.detainer(["import", try box.stage(corpusFile: "import/ice-formulas.csv")], user: "sup1").status == 0)
        let csv = try box.detainer(["export", "--format", "csv"], user: "aud1")
        try #require(csv.status == 0, "\(csv)")
        let cells = csvCells(csv.stdout)
        for formula in ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "@SUM(A1:A9)", "-2+3", "=cmd|' /C calc'!A0"] {
            #expect(cells.contains("'" + formula), "\(formula) is not neutralised in the CSV export")
            #expect(!cells.contains(formula), "\(formula) appears raw in the CSV export")
        }
        let json = try box.detainer(["export", "--format", "json"], user: "aud1")
        try #require(json.status == 0, "\(json)")
        #expect(json.stdout.contains("\"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\""), "JSON should carry the text unchanged")
    }

    /// A tiny RFC 4180 splitter (quoted fields, doubled quotes), enough to read the export back.
    private func csvCells(_ text: String) -> Set<String> {
        var cells = Set<String>(), field = "", quoted = false, chars = Array(text), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," || c == "\n" || c == "\r\n" {
                cells.insert(field); field = ""
            } else { field.append(c) }
            i += 1
        }
        cells.insert(field)
        return cells
    }
}
