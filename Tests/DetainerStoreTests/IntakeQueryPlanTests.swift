import DetainerDomain
@testable import DetainerStore
import SQLite
import Testing
import TestSupport

/// Issue 26 §1b: an intake's cost must not grow with the open backlog. Every statement one
/// intake runs (traced on its connection: person lookup, duplicate check, inserts, evaluation,
/// status moves, audit) is put through `EXPLAIN QUERY PLAN`, and none may read a whole table
/// or index, or a range that only an agency, a status or an origin narrows (a walk over every
/// open detainer, as the duplicate check once did over every custody case of the agency).
@Suite struct IntakeQueryPlanTests {
    let dir = TemporaryDirectory()

    /// Columns that split the table into a few large groups: an index range on them alone is
    /// a walk over a fraction of everything.
    static let coarseColumns: Set<String> = ["agency", "status", "origin", "outcome", "decision", "source", "external_system", "form"]

    /// Why a plan line grows with the table, or nil.
    static func growsWithTable(_ detail: String) -> String? {
        if detail.hasPrefix("SCAN ") && detail != "SCAN CONSTANT ROW" { return "scans" }
        guard detail.hasPrefix("SEARCH "), detail.hasSuffix(")"), let open = detail.lastIndex(of: "(") else { return nil }
        let constraints = detail[detail.index(after: open)..<detail.index(before: detail.endIndex)]
            .components(separatedBy: " AND ")
            .map { String($0.prefix { $0.isLetter || $0.isNumber || $0 == "_" }) }
        return constraints.allSatisfy(coarseColumns.contains) ? "searches a range only \(constraints.joined(separator: ", ")) narrows" : nil
    }

    func request(_ n: Int, booking: Bool, agency: String = "DOC") -> IntakeRequest {
        let day = n % 28 + 1
        return IntakeRequest(person: .init(name: "Person \(n)", dateOfBirth: "1980-01-\(day < 10 ? "0" : "")\(day)"),
                      custody: .init(agency: agency, bookingNumber: booking ? "B\(n)" : nil, arrestDate: "2026-02-20",
                                     scheduledReleaseAt: "2026-03-05T15:00:00Z"))
    }

    @Test func noStatementAnIntakeRunsGrowsWithTheBacklog() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        let clara = try db.accounts.authorize("clara", for: .intake)
        let service = IntakeService(db)
        for n in 0..<40 { _ = try service.intake(request(n, booking: n % 2 == 0, agency: n % 3 == 0 ? "NYPD" : "DOC"), by: clara) }

        var statements: [String] = []
        // With and without a booking number, a new person and a known one, and a refused duplicate.
        for (n, booking) in [(100, true), (101, false), (2, true), (1, false)] {
            let traced = try db.connection.statementsRun { try? service.intake(request(n, booking: booking), by: clara) }
            statements += traced.statements
        }
        let writes = Set(statements).filter { sql in
            let verb = sql.trimmingCharacters(in: .whitespacesAndNewlines).prefix(7).uppercased()
            return ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains { verb.hasPrefix($0) }
        }
        #expect(writes.contains { $0.contains("booking_number") }, "the duplicate check was not traced")
        #expect(writes.count >= 10, "too few statements traced: \(writes.count)")
        var problems: [String] = []
        for sql in writes.sorted() {
            let plan = try db.connection.prepare("EXPLAIN QUERY PLAN " + sql).map { $0.string(3) ?? "" }
            for line in plan {
                if let why = Self.growsWithTable(line) { problems.append("\(why): \(line)\n    in \(sql)") }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theClassifierSeesAScanAndAnAgencyRange() {
        #expect(Self.growsWithTable("SCAN detainers") != nil)
        #expect(Self.growsWithTable("SEARCH c USING INDEX sqlite_autoindex_custody_cases_1 (agency=?)") != nil)
        #expect(Self.growsWithTable("SEARCH c USING INDEX sqlite_autoindex_custody_cases_1 (agency=? AND booking_number=?)") == nil)
        #expect(Self.growsWithTable("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)") == nil)
        #expect(Self.growsWithTable("SCAN CONSTANT ROW") == nil)
    }
}
