import CSVStream
import Crypto
import Foundation
import DetainerDomain
import SQLite
@testable import DetainerStore
import Testing
import TestSupport

/// Issue 26 §1: the ICE import's hot path was specialised (one prepared statement with its
/// constant columns bound once, values bound straight from the parsed fields, the fingerprint
/// written from the same values). What it stores must not change: these digests were taken
/// with the typed-record importer it replaced (commit ed28d89), over every stored column of
/// every imported row and over the import's audit fingerprint.
@Suite struct IceImportGoldenTests {
    let dir = TemporaryDirectory()

    /// Both ICE layouts, every lift-reason branch (open, honored, declined, lifted, released),
    /// every form, NYC and other facilities, quoted fields, blanks, MSC dates and person refs.
    static let npr = """
        date,lift_reason,det_facility,city,state,detainer_type
        2023-03-17 00:00:00,Lifted,"RIKERS ISLAND, QUEENS, NY",EAST ELMHURST,NEW YORK,I247A - Immigration Detainer - Notice of Action
        2023-03-28 00:00:00,Booked into Detention,"CHESTER CNTY JAIL, PA",WEST CHESTER,PENNSYLVANIA,I-247D
        2023-06-05 00:00:00,Detainer Declined by LEA,CURRAN FROMHOLD CORR.FAC.,PHILADELPHIA,PENNSYLVANIA,I247N
        2024-01-03 00:00:00,,"MONTGOMERY CNTY JAIL, PA",NORRISTOWN,PENNSYLVANIA,
        2024-01-11 00:00:00,United States Citizen Interviewed,BROOKLYN CENTRAL BOOKING,BROOKLYN,NEW YORK,I247 - Immigration Detainer
        2024-03-10 00:00:00,Early Release,,,,I247X
        2024-11-03 00:00:00,Booked into Detention,MANHATTAN CENTRAL BOOKING,NEW YORK,NY,I247A
        12/31/2015,Lifted - Lack of Space,"VERNON C. BAIN CENTER, NY",BRONX,NY,
        2024-03-10,Case Closed,"Café ""Ñandú"" jail",,,I247A

        """
    static let ddp = """
        Detainer Prepare Date,Facility State,Detention Facility,Facility City,Detainer Lift Reason,Detainer Type,MSC Charge,MSC Conviction Date,Unique Identifier
        2022-07-04,NEW YORK,RIKERS ISLAND,EAST ELMHURST,Transferred,I247A,Assault,2019-02-28,P-0001
        2022-07-05,TEXAS,HARRIS COUNTY JAIL,HOUSTON,,,,,
        2022-07-06,NY,QUEENS CENTRAL BOOKING,QUEENS,Detainer Declined by LEA,I247D,"Burglary, 2nd",2001-01-01,P-0002
        2020-02-29,CALIFORNIA,,,Prosecutorial Discretion,I247N,,,P-0003

        """

    /// SHA-256 over every column of every detainer row (`SELECT *`, in id order, as RowEncoder
    /// encodes rows), then the audit entry's import fingerprints, for each file.
    func digests(_ text: String, name: String) throws -> (rows: String, fingerprint: String, count: Int) {
        let (db, sup) = try dir.importingDatabase(name + ".db")
        let summary = try dir.importICE(text, named: name + ".csv", into: db, by: sup)
        let rows = try db.storedDetainersDigest()
        let imported = try db.connection.scalarText("SELECT json_extract(payload, '$.imported') FROM audit_log WHERE action = 'import'") ?? ""
        #expect(try db.integrity.healthCheck().ok)
        return (rows, imported, summary.rowsImported)
    }

    @Test func nprLayoutStoresWhatItStoredBefore() throws {
        let result = try digests(Self.npr, name: "npr")
        #expect(result.count == 9)
        #expect(result.rows == "ff67f90c9840e4bb1775d40c8b6b8e7fcc6cfcf53b1657d7dfc13aa6b9e7982d")
        #expect(result.fingerprint == #"[{"count":9,"digest":"ff67f90c9840e4bb1775d40c8b6b8e7fcc6cfcf53b1657d7dfc13aa6b9e7982d","importID":1,"table":"detainers"}]"#)
    }

    @Test func ddpLayoutStoresWhatItStoredBefore() throws {
        let result = try digests(Self.ddp, name: "ddp")
        #expect(result.count == 4)
        #expect(result.rows == "ba51aaf9ffba16cdf5289949c0b6d76eb0084372eafe0a43e2cf52d774b85357")
        #expect(result.fingerprint == #"[{"count":4,"digest":"ba51aaf9ffba16cdf5289949c0b6d76eb0084372eafe0a43e2cf52d774b85357","importID":1,"table":"detainers"}]"#)
    }

    /// The specialised insert and the typed record agree: each stored row is exactly the
    /// `DetainerRecord` its values make (same digest, column by column through the record's
    /// one definition), for both layouts.
    @Test(arguments: ["npr", "ddp"])
    func eachStoredRowIsTheTypedRecordOfItsValues(layout: String) throws {
        let text = layout == "npr" ? Self.npr : Self.ddp
        _ = try digests(text, name: layout + "-records")
        let db = try DetainerDatabase.open(path: dir.path(layout + "-records.db"), access: .read)
        defer { try? db.close() }
        let reader = try CSVReader(path: dir.path(layout + "-records.csv"))
        let header = try reader.readHeader()
        var importer = IceRowImporter(columns: try #require(IceColumns(header)), importID: 1, today: CivilDate(year: 2026, month: 3, day: 2)!)
        var id: Int64 = 0
        while let record = try reader.next() {
            if record.isBlank { continue }
            id += 1
            let row = IceDetainerInsert.record(try importer.values(record), importID: 1, id: id)
            let stored = try #require(try DetainerRecord.fetch(db.connection, id: id))
            #expect(row.storedValues == stored.storedValues, "row \(id)")
            #expect(row.rowDigest == (try RowDigest.digest(of: "detainers", id: id, in: db.connection)), "row \(id)")
        }
        #expect(id == (layout == "npr" ? 9 : 4))
    }

    /// Issue 26 §1: rows go in `ImportLimits.rowsPerInsert` at a time, written behind the
    /// reading by `IceBatchWriter`. The file is several full multi-row INSERTs (more than the
    /// writer holds at once) and single rows for the rest; imported twice into one database (the
    /// second import's ids follow the first's), each import's fingerprint is the digest of the
    /// rows it stored, each row is the typed record of its values, and `check` passes.
    @Test func multiRowInsertsStoreEachRowAndFingerprintIt() throws {
        let body = Self.npr.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().joined(separator: "\n") + "\n"
        let copies = (ImportLimits.rowsPerInsert * (IceBatchWriter.depth + 2)) / 9 + 1
        let rows = 9 * copies
        let text = "date,lift_reason,det_facility,city,state,detainer_type\n" + String(repeating: body, count: copies)
        #expect(rows > ImportLimits.rowsPerInsert * (IceBatchWriter.depth + 1) && rows % ImportLimits.rowsPerInsert != 0)
        let (db, sup) = try dir.importingDatabase("batches.db")
        for importID in Int64(1)...2 {
            let summary = try dir.importICE(text, named: "batches.csv", into: db, by: sup, allowDuplicate: true)
            #expect(summary.rowsImported == rows)
            #expect(summary.importID == importID)
            let recorded = try db.connection.scalarText("SELECT json_extract(payload, '$.imported[0].digest') FROM audit_log WHERE action = 'import' AND entity_id = ?", importID)
            #expect(recorded == (try db.storedDetainersDigest(importID: importID)), "import \(importID)")
        }
        #expect(try db.connection.scalarInt("SELECT min(id) FROM detainers WHERE import_id = 2") == Int64(rows + 1))
        #expect(try db.connection.scalarInt("SELECT max(id) FROM detainers WHERE import_id = 2") == Int64(2 * rows))
        let reader = try CSVReader(path: dir.path("batches.csv"))
        var importer = IceRowImporter(columns: try #require(IceColumns(try reader.readHeader())), importID: 2, today: CivilDate(year: 2026, month: 3, day: 2)!)
        var id = Int64(rows)
        while let record = try reader.next() {
            if record.isBlank { continue }
            id += 1
            let row = IceDetainerInsert.record(try importer.values(record), importID: 2, id: id)
            let stored = try #require(try DetainerRecord.fetch(db.connection, id: id))
            #expect(row.storedValues == stored.storedValues, "row \(id)")
        }
        #expect(id == Int64(2 * rows))
        #expect(try db.integrity.healthCheck().ok)
    }

    /// Spellings are checked once and remembered (`SpellingCache`), but a refused spelling is
    /// refused again on every row that has it, and a good one is stored the same each time.
    @Test func aRefusedSpellingIsRefusedOnEveryRow() throws {
        let text = """
            date,lift_reason,det_facility,city,state,detainer_type
            2024-01-02,Released to Mars,RIKERS ISLAND,EAST ELMHURST,NEW YORK,I247A
            2024-01-03,Lifted,RIKERS ISLAND,EAST ELMHURST,NEW YORK,I247A
            2024-01-04,Released to Mars,RIKERS ISLAND,EAST ELMHURST,NEW YORK,I247A
            2024-01-05,Lifted,"RIKERS\u{7}ISLAND",EAST ELMHURST,NEW YORK,I247Q
            2024-01-06,Lifted,"RIKERS\u{7}ISLAND",EAST ELMHURST,NEW YORK,I247A
            2024-01-07,Lifted,RIKERS ISLAND,EAST ELMHURST,NEW YORK,I247Q
            2024-01-08,Lifted,RIKERS ISLAND,EAST ELMHURST,NEW YORK,I247A

            """
        let (db, sup) = try dir.importingDatabase("spellings.db")
        var rejected: [String] = []
        let summary = try dir.importICE(text, named: "spellings.csv", into: db, by: sup, skipBad: true,
                                        rejects: { _, problem in rejected.append("\(problem.line) \(problem.column ?? "") \(problem.message)") })
        #expect(summary.rowsImported == 2)
        #expect(rejected.count == 5, "\(rejected)")
        #expect(rejected.filter { $0.contains("unknown lift reason \"Released to Mars\"") }.count == 2)
        #expect(rejected.filter { $0.contains("control character") }.count == 1)
        #expect(rejected.filter { $0.contains("unknown detainer type \"I247Q\"") }.count == 2)
        let agencies = try db.connection.prepare("SELECT agency, facility FROM detainers ORDER BY id").map { ($0.string(0), $0.string(1)) }
        #expect(agencies.map(\.0) == ["DOC", "DOC"])
        #expect(agencies.map(\.1) == ["RIKERS ISLAND", "RIKERS ISLAND"])
        #expect(try db.integrity.healthCheck().ok)
    }
}
