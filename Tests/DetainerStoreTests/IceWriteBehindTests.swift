import Foundation
import SQLite
@testable import DetainerStore
import Testing
import TestSupport

/// Issue 26 §1: the ICE import writes its batches on a thread of its own (`IceBatchWriter`)
/// while it reads and encodes the next ones. Whatever fails, and on whichever thread, the import
/// must fail as it did before: one error, nothing stored, the connection usable again.
@Suite struct IceWriteBehindTests {
    let dir = TemporaryDirectory()
    static let header = "date,lift_reason,det_facility,city,state,detainer_type\n"
    static let row = "2023-05-01,Lifted,RIKERS ISLAND,EAST ELMHURST,NEW YORK,I247A\n"
    /// More full batches than the writer holds at once, and a partial one.
    static let rows = ImportLimits.rowsPerInsert * (IceBatchWriter.depth + 2) + 5

    func expectNothingImported(_ db: DetainerDatabase) throws {
        #expect(try db.connection.scalarInt("SELECT count(*) FROM detainers") == 0)
        #expect(try db.connection.scalarInt("SELECT count(*) FROM imports") == 0)
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'import'") == 0)
    }

    /// Then a good import on the same connection stores every row from id 1 and `check` passes.
    func expectUsableAgain(_ db: DetainerDatabase, by sup: Actor) throws {
        let summary = try dir.importICE(Self.header + String(repeating: Self.row, count: Self.rows), named: "good.csv", into: db, by: sup, allowDuplicate: true)
        #expect(summary.rowsImported == Self.rows)
        #expect(try db.connection.scalarInt("SELECT min(id) FROM detainers") == 1)
        #expect(try db.connection.scalarInt("SELECT max(id) FROM detainers") == Int64(Self.rows))
        #expect(try db.integrity.healthCheck().ok)
    }

    /// A batch refused by SQLite on the writer's thread (here by a trigger, in the third batch;
    /// not a TEMP one: the import sets `temp_store`, which drops the connection's temp schema)
    /// fails the import on the caller's thread with SQLite's own message, and the transaction
    /// rolls back only after the writer has stopped.
    @Test func aBatchTheDatabaseRefusesFailsTheImportAndStoresNothing() throws {
        let (db, sup) = try dir.importingDatabase("refused.db")
        try db.connection.execute("""
            CREATE TRIGGER refuse_one BEFORE INSERT ON detainers WHEN NEW.received_on = '2023-05-02'
            BEGIN SELECT RAISE(ABORT, 'injected refusal'); END
            """)
        let refused = ImportLimits.rowsPerInsert * 2 + 3
        var text = Self.header
        for index in 0..<Self.rows { text += index == refused ? Self.row.replacingOccurrences(of: "05-01", with: "05-02") : Self.row }
        let error = #expect(throws: (any Error).self) { try dir.importICE(text, named: "refused.csv", into: db, by: sup, allowDuplicate: true) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("injected refusal"), "\(String(describing: error))")
        try expectNothingImported(db)
        try db.connection.execute("DROP TRIGGER refuse_one")
        try expectUsableAgain(db, by: sup)
    }

    /// The reader fails for good (a quote never closed) after several batches went to the
    /// writer: the import names the file, and nothing it wrote stays.
    @Test func aFileThatBreaksOffAfterManyBatchesStoresNothing() throws {
        let (db, sup) = try dir.importingDatabase("broken.db")
        let text = Self.header + String(repeating: Self.row, count: Self.rows) + "2023-05-01,\"Lifted,RIKERS ISLAND\n"
        #expect(throws: InputError.self) { try dir.importICE(text, named: "broken.csv", into: db, by: sup, allowDuplicate: true) }
        try expectNothingImported(db)
        try expectUsableAgain(db, by: sup)
    }
}
