import Foundation
import TestSupport
import Testing

/// Rows changed, deleted or inserted with the sqlite3 shell, behind the tool's back, in every
/// audited table: `detainer check` exits 1 and names the row and the first bad audit row.
///
/// The tamperer is careful: the append-only and no-delete triggers are dropped for the edit and
/// put back exactly as they were, so only the audit trail can give the edit away.
@Suite struct TamperingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let table: String
        let kind: String
        /// SQL run with the table's triggers dropped.
        let sql: String
        /// Substrings `check` must print.
        let expected: [String]
        var testDescription: String { "\(kind) \(table)" }
    }

    /// Audit rows of the fixture (see Fixture.template): 1 the database's mode (issue 13),
    /// 2–5 users (admin, aud1, clerk1, sup1), 6–8 intakes of detainers 1–3, 9 conviction 1,
    /// 10 charge 1, 11 review of detainer 3, 12 status of detainer 2, 13 contact 4, 14 ICE
    /// import 1 (detainers 4–6), 15 DOC import 2 (persons, cases and charges from 4 and 2 on).
    static let cases: [Case] = {
        func changed(_ table: String, _ id: Int, _ set: String, audit: Int) -> Case {
            Case(table: table, kind: "change", sql: "UPDATE \(table) SET \(set) WHERE id = \(id);",
                 expected: ["\(table) row \(id) was changed outside detainer (last audited in audit row \(audit))", "first bad audit row \(audit)"])
        }
        func deleted(_ table: String, _ id: Int, audit: Int) -> Case {
            Case(table: table, kind: "delete", sql: "DELETE FROM \(table) WHERE id = \(id);",
                 expected: ["\(table) row \(id) was deleted outside detainer (recorded in audit row \(audit))", "first bad audit row \(audit)"])
        }
        func inserted(_ table: String, copying id: Int, _ tweak: String = "") -> Case {
            Case(table: table, kind: "insert",
                 sql: """
                     CREATE TEMP TABLE copy AS SELECT * FROM \(table) WHERE id = \(id);
                     UPDATE copy SET id = 1000\(tweak.isEmpty ? "" : ", " + tweak);
                     INSERT INTO \(table) SELECT * FROM copy;
                     """,
                 expected: ["\(table) row 1000 was inserted outside detainer (no audit row records it)"])
        }
        // Imported rows are vouched for per import (count + one digest), so any edit of them is
        // reported against the import's first row in that table.
        func importedEdit(_ table: String, _ kind: String, _ sql: String, firstID: Int, audit: Int) -> Case {
            Case(table: table, kind: kind + " imported", sql: sql,
                 expected: ["\(table) row \(firstID) was changed outside detainer (last audited in audit row \(audit))", "first bad audit row \(audit)"])
        }
        return [
            changed("users", 3, "role = 'admin'", audit: 4),
            deleted("users", 2, audit: 3),
            inserted("users", copying: 3, "name = 'mallory', name_key = 'mallory', role = 'admin'"),
            changed("persons", 3, "name = 'Someone Else'", audit: 8),
            deleted("persons", 3, audit: 8),
            inserted("persons", copying: 3),
            importedEdit("persons", "change", "UPDATE persons SET date_of_birth = '1970-01-01' WHERE id = 5;", firstID: 4, audit: 15),
            changed("custody_cases", 3, "facility = 'Elsewhere'", audit: 8),
            deleted("custody_cases", 3, audit: 8),
            inserted("custody_cases", copying: 3, "booking_number = 'X1000'"),
            importedEdit("custody_cases", "delete", "DELETE FROM custody_cases WHERE id = 5;", firstID: 4, audit: 15),
            changed("convictions", 1, "felony_class = 'A'", audit: 9),
            deleted("convictions", 1, audit: 9),
            inserted("convictions", copying: 1),
            changed("pending_charges", 1, "charged_on = '2026-01-01'", audit: 10),
            deleted("pending_charges", 1, audit: 10),
            inserted("pending_charges", copying: 1),
            importedEdit("pending_charges", "insert",
                         "INSERT INTO pending_charges (id, person_id, statute_raw, statute_kind, source, import_id, created_at, created_by) VALUES (1000, 4, 'PL 125.25', 'penal', 'import', 2, '2026-03-02T15:00:00Z', 4);",
                         firstID: 2, audit: 15),
            changed("detainers", 2, "warrant_type = 'judicial'", audit: 12),
            deleted("detainers", 2, audit: 12),
            inserted("detainers", copying: 2),
            importedEdit("detainers", "change", "UPDATE detainers SET facility = 'ELSEWHERE' WHERE id = 5;", firstID: 4, audit: 14),
            importedEdit("detainers", "delete", "DELETE FROM detainers WHERE id = 6;", firstID: 4, audit: 14),
            changed("evaluations", 2, "outcome = 'permitted'", audit: 7),
            deleted("evaluations", 2, audit: 7),
            inserted("evaluations", copying: 2, "sequence = 99"),
            changed("reviews", 1, "decision = 'honor'", audit: 11),
            deleted("reviews", 1, audit: 11),
            inserted("reviews", copying: 1),
            changed("status_events", 3, "occurred_at = '2020-01-01T00:00:00Z'", audit: 7),
            deleted("status_events", 3, audit: 7),
            inserted("status_events", copying: 3),
            changed("ice_communications", 4, "summary = 'nothing was asked'", audit: 13),
            deleted("ice_communications", 4, audit: 13),
            inserted("ice_communications", copying: 4),
            changed("imports", 1, "file_name = 'other.csv'", audit: 14),
            deleted("imports", 2, audit: 15),
            inserted("imports", copying: 1),
            Case(table: "audit_log", kind: "change", sql: "UPDATE audit_log SET actor_name = 'nobody' WHERE id = 7;",
                 expected: ["broken at audit row 7", "audit row 7: its content does not match its hash"]),
            Case(table: "audit_log", kind: "delete", sql: "DELETE FROM audit_log WHERE id = 7;",
                 expected: ["broken at audit row 8", "expected audit row 7 next, found 8"]),
            Case(table: "audit_log", kind: "insert",
                 sql: """
                     INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, payload, prev_hash, hash)
                     SELECT id + 1, at, actor_id, 'mallory', action, entity, entity_id, payload, hash, printf('%064d', 7)
                     FROM audit_log ORDER BY id DESC LIMIT 1;
                     """,
                 expected: ["broken at audit row 16", "audit row 16: its content does not match its hash"]),
            Case(table: "audit_log", kind: "rewrite payload of", sql: "UPDATE audit_log SET payload = json_set(payload, '$.rows', json('[]')) WHERE id = 9;",
                 expected: ["broken at audit row 9"]),
        ]
    }()

    @Test func theFixtureHasTheAuditRowsTheCasesName() throws {
        let box = try Sandbox(name: "tamper-fixture")
        #expect(try box.count("SELECT count(*) FROM audit_log;") == 15)
        for table in ["users", "persons", "custody_cases", "convictions", "pending_charges", "detainers", "evaluations",
                      "reviews", "status_events", "ice_communications", "imports"] {
            #expect(try box.count("SELECT count(*) FROM \(table);") >= 1, "the fixture has no \(table) row")
        }
        let covered = Set(Self.cases.map(\.table))
        #expect(covered.count == 12, "every audited table and the audit log itself: \(covered.sorted())")
    }

    @Test(arguments: TamperingTests.cases)
    func tamperingIsReported(_ entry: Case) throws {
        let box = try Sandbox(name: "tamper-\(entry.table)")
        #expect(try box.detainer("check").status == 0)
        try Self.tamper(box, table: entry.table, sql: entry.sql)
        let check = try box.detainer("check")
        #expect(check.status == 1, "\(entry.testDescription): check should fail: \(check)")
        for text in entry.expected {
            #expect(check.stdout.contains(text), "\(entry.testDescription): check does not say \"\(text)\":\n\(check.stdout)\(check.stderr)")
        }
        #expect(check.stdout.contains("FAIL"))
        // The guards were put back: only the audit trail can have told.
        #expect(!check.stdout.contains("append-only guards removed"), "\(check.stdout)")
        #expect(!check.stderr.contains("error"), "\(check.stderr)")
    }

    /// Drops the table's triggers, runs `sql`, recreates the triggers from their saved SQL — all
    /// in one transaction of the sqlite3 shell.
    static func tamper(_ box: Sandbox, table: String, sql: String) throws {
        let triggers = try box.sqlite(".mode json\nSELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = '\(table)';").stdout
        let rows = triggers.isEmpty ? [] : (try JSONSerialization.jsonObject(with: Data(triggers.utf8)) as? [[String: String]] ?? [])
        var script = "BEGIN;\n"
        for row in rows { script += "DROP TRIGGER \(row["name"]!);\n" }
        script += sql + "\n"
        for row in rows { script += row["sql"]! + ";\n" }
        script += "COMMIT;\n"
        let result = try box.sqlite(script)
        try #require(result.status == 0 && result.stderr.isEmpty, "tampering failed: \(result)")
    }
}
