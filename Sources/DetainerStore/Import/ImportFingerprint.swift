import Crypto
import SQLite

/// One SHA-256 over every row an import wrote to a table, in id order: the audit entry vouches
/// for a million imported rows without a million entries.
struct ImportFingerprint {
    let table: String
    let importID: Int64
    let count: Int64
    let digest: String

    var json: JSONValue {
        ["table": .string(table), "importID": .int(importID), "count": .int(count), "digest": .string(digest)]
    }

    init(table: String, importID: Int64, count: Int64, digest: String) {
        self.table = table
        self.importID = importID
        self.count = count
        self.digest = digest
    }

    static func compute(table: String, importID: Int64, in db: Connection) throws -> ImportFingerprint {
        precondition(TamperCheck.importedTables.contains(table), "\(table) rows are not fingerprinted per import")
        var hasher = SHA256()
        var count: Int64 = 0
        let statement = try db.prepare("SELECT * FROM \(table) WHERE import_id = ? ORDER BY id")
        try statement.bind(importID, at: 1)
        var encoder = RowEncoder(table: table, statement: statement)
        try statement.forEachRow { row in
            encoder.update(&hasher, row: row)
            count += 1
        }
        return ImportFingerprint(table: table, importID: importID, count: count, digest: Array(hasher.finalize()).hexString)
    }
}
