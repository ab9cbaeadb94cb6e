import Testing
import SQLite
@testable import DetainerStore
import TestSupport

@Suite struct AuditTests {
    let dir = TemporaryDirectory()

    func populated() throws -> DetainerDatabase {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        _ = try db.accounts.deactivateUser(name: "clara", by: admin)
        return db
    }

    @Test func aFreshlyWrittenDatabasePassesEveryCheck() throws {
        let db = try populated()
        let report = try db.integrity.healthCheck()
        #expect(report.ok, "\(report.items.filter { !$0.ok }.map(\.summary))")
        // +1: the database.establish row that records the mode (issue 13)
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log") == 5)
    }

    @Test func chainLinksEachRowToThePreviousOne() throws {
        let db = try populated()
        let rows = try db.connection.prepare("SELECT prev_hash, hash FROM audit_log ORDER BY id").map { ($0.string(0)!, $0.string(1)!) }
        #expect(rows.first?.0 == AuditLog.genesisHash)
        for index in 1..<rows.count { #expect(rows[index].0 == rows[index - 1].1) }
    }

    /// Simulates someone using the sqlite3 shell: drop the guard, then edit.
    func tamper(_ db: DetainerDatabase, _ sql: String) throws {
        try db.connection.execute("DROP TRIGGER IF EXISTS audit_log_append_only_update; DROP TRIGGER IF EXISTS audit_log_append_only_delete; DROP TRIGGER IF EXISTS users_no_delete;")
        try db.connection.execute(sql)
    }

    @Test func anEditedAuditRowIsNamed() throws {
        let db = try populated()
        try tamper(db, "UPDATE audit_log SET actor_name = 'someone else' WHERE id = 3")
        let chain = try AuditLog.verifyChain(db.connection)
        #expect(chain.firstBreak?.auditID == 3)
    }

    @Test func aDeletedAuditRowIsNamed() throws {
        let db = try populated()
        try tamper(db, "DELETE FROM audit_log WHERE id = 2")
        let chain = try AuditLog.verifyChain(db.connection)
        #expect(chain.firstBreak?.auditID == 3)
    }

    @Test func aRecordChangedBehindTheToolsBackIsFound() throws {
        let db = try populated()
        try db.connection.execute("UPDATE users SET role = 'admin' WHERE name = 'sam'")
        let findings = try TamperCheck.run(db.connection)
        #expect(findings == [.init(table: "users", key: "3", kind: .changed, auditID: 4)])
        #expect(try !db.integrity.healthCheck().ok)
    }

    @Test func insertedAndDeletedRecordsAreFound() throws {
        let db = try populated()
        try db.connection.execute("INSERT INTO users (name, role, created_at) VALUES ('mallory', 'admin', '2026-01-01T00:00:00Z')")
        try tamper(db, "DELETE FROM users WHERE name = 'sam'")
        let kinds = try TamperCheck.run(db.connection).map { "\($0.table):\($0.key):\($0.kind)" }
        #expect(Set(kinds) == ["users:4:inserted", "users:3:deleted"])
    }
}
