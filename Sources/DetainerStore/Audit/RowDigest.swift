import Crypto
import SQLite

/// A SHA-256 fingerprint of one stored row, used to notice rows changed outside the tool.
///
/// Only non-NULL columns are encoded, each as name + type + value, so a later migration that
/// adds a nullable column does not change the fingerprint of existing rows.
enum RowDigest {
    /// Tables whose rows are fingerprinted into the audit log.
    static let auditedTables = [
        "users", "persons", "custody_cases", "convictions", "pending_charges", "detainers",
        "evaluations", "reviews", "status_events", "ice_communications", "imports",
    ]

    static func digest(of table: String, id: Int64, in db: Connection) throws -> String? {
        precondition(auditedTables.contains(table), "not an audited table: \(table)")
        let statement = try db.cached("SELECT * FROM \(table) WHERE id = ?")
        try statement.bind(id, at: 1)
        return try statement.first { digest(table: table, row: $0) }
    }

    static func digest(table: String, row: Statement) -> String {
        var hasher = SHA256()
        update(&hasher, table: table, row: row)
        return Array(hasher.finalize()).hexString
    }

    /// Feeds the canonical encoding of the current row into `hasher`.
    static func update(_ hasher: inout SHA256, table: String, row: Statement) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        appendField(&buffer, Array(table.utf8))
        for index in 0..<row.columnCount {
            let value = row.value(index)
            if value == .null { continue }
            appendField(&buffer, Array(row.columnName(index).utf8))
            switch value {
            case .null: break
            case .integer(let v):
                buffer.append(UInt8(ascii: "i"))
                withUnsafeBytes(of: v.bigEndian) { buffer.append(contentsOf: $0) }
            case .real(let v):
                buffer.append(UInt8(ascii: "r"))
                withUnsafeBytes(of: v.bitPattern.bigEndian) { buffer.append(contentsOf: $0) }
            case .text(let v):
                buffer.append(UInt8(ascii: "t"))
                appendField(&buffer, Array(v.utf8))
            case .blob(let v):
                buffer.append(UInt8(ascii: "b"))
                appendField(&buffer, v)
            }
        }
        hasher.update(data: buffer)
    }

    private static func appendField(_ buffer: inout [UInt8], _ bytes: [UInt8]) {
        withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: bytes)
    }
}
