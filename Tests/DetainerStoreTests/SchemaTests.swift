import Testing
import SQLite
@testable import DetainerStore
import TestSupport

@Suite struct SchemaTests {
    let dir = TemporaryDirectory()

    @Test func aNewDatabaseIsWALWithForeignKeysAndOnlyStrictTables() throws {
        let db = try dir.database()
        #expect(try db.connection.journalMode() == "wal")
        #expect(try db.connection.foreignKeysEnabled())
        #expect(try db.connection.nonStrictTables().isEmpty)
        #expect(try db.connection.applicationID() == Schema.applicationID)
        #expect(try db.schemaVersion() == Schema.latestVersion)
        let tables = Set(try db.connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").map { $0.string(0) ?? "" })
        for required in ["users", "persons", "custody_cases", "convictions", "pending_charges", "detainers", "evaluations",
                         "reviews", "status_events", "ice_communications", "audit_log"] {
            #expect(tables.contains(required), "missing table \(required)")
        }
    }

    @Test(arguments: Schema.appendOnlyTables)
    func appendOnlyTablesRefuseUpdateAndDelete(table: String) throws {
        let db = try dir.database("append-\(table).db")
        for sql in ["UPDATE \(table) SET id = id", "DELETE FROM \(table)"] {
            // Triggers fire per row; make sure there is a row when the table allows a bare insert.
            do {
                try db.connection.execute(sql + " WHERE 1")
                if try db.connection.scalarInt("SELECT count(*) FROM \(table)") ?? 0 > 0 {
                    Issue.record("\(sql) was allowed on \(table)")
                }
            } catch let error as SQLiteError {
                #expect(error.message.contains("append-only"))
            }
        }
        let trigger = try db.connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name LIKE '%append_only%'", table)
        #expect(trigger == 2)
    }

    @Test func auditLogRowsCannotBeUpdatedOrDeleted() throws {
        let db = try dir.database()
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log") == 2)  // establish + the admin (issue 13)
        #expect(throws: SQLiteError.self) { try db.connection.execute("UPDATE audit_log SET actor_name = 'x'") }
        #expect(throws: SQLiteError.self) { try db.connection.execute("DELETE FROM audit_log") }
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log") == 2)
    }

    @Test func recordsCannotBeDeleted() throws {
        let db = try dir.database()
        #expect(throws: SQLiteError.self) { try db.connection.execute("DELETE FROM users") }
    }

    @Test func openingRefusesMissingAndOutdatedDatabases() throws {
        #expect(throws: StoreError.missingDatabase(path: dir.path("nope.db"))) {
            _ = try DetainerDatabase.open(path: dir.path("nope.db"), access: .write)
        }
        let raw = try Connection(path: dir.path("old.db"), options: .init(mode: .create, applicationID: Schema.applicationID))
        try raw.execute("SELECT 1")
        try raw.close()
        do {
            _ = try DetainerDatabase.open(path: dir.path("old.db"), access: .write)
            Issue.record("expected needsMigration")
        } catch let error as StoreError {
            #expect(error == .needsMigration(path: dir.path("old.db"), version: 0, latest: Schema.latestVersion))
        }
    }

    @Test func initIsIdempotent() throws {
        let db = try dir.database()
        #expect(try db.migrate().isEmpty)
        let again = try DetainerDatabase.open(path: dir.path("store.db"), access: .create)
        #expect(try again.migrate().isEmpty)
        #expect(try again.integrity.healthCheck().ok)
    }
}
