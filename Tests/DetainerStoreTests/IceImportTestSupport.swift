import CSVStream
import Crypto
import Foundation
import SQLite
@testable import DetainerStore
import TestSupport

/// What the ICE import tests share: a database with a supervisor who may import, and a file
/// written into the directory and imported with its SHA-256, as the CLI does.
extension TemporaryDirectory {
    /// `database(_:)` with a supervisor "sup", authorized to import.
    func importingDatabase(_ name: String) throws -> (db: DetainerDatabase, supervisor: Actor) {
        let db = try database(name)
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "sup", role: .supervisor, by: admin)
        return (db, try db.accounts.authorize("sup", for: .importData))
    }

    /// Writes `text` to the file `name` here and imports it as an ICE file.
    func importICE(_ text: String, named name: String, into db: DetainerDatabase, by supervisor: Actor, skipBad: Bool = false,
                   allowDuplicate: Bool = false, rejects: RejectSink? = nil) throws -> ImportSummary {
        let file = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let sha = Array(SHA256.hash(data: Array(text.utf8))).hexString
        return try ImportService(db).importRecords(from: try CSVReader(path: file),
                                                   ImportRequest(fileName: name, fileSHA256: sha, format: .ice, skipBad: skipBad, allowDuplicate: allowDuplicate),
                                                   rejects: rejects, by: supervisor)
    }
}

extension DetainerDatabase {
    /// SHA-256 over every column of the detainer rows (of one import, or all), in id order, as
    /// `RowEncoder` encodes them: what an import's fingerprint must be.
    func storedDetainersDigest(importID: Int64? = nil) throws -> String {
        var hasher = SHA256()
        let statement = try connection.prepare("SELECT * FROM detainers WHERE ?1 IS NULL OR import_id = ?1 ORDER BY id")
        try statement.bind(importID.map(SQLiteValue.integer) ?? .null, at: 1)
        var encoder = RowEncoder(table: "detainers", statement: statement)
        try statement.forEachRow { encoder.update(&hasher, row: $0) }
        return Array(hasher.finalize()).hexString
    }
}
