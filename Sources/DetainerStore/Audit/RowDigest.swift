import Crypto
import SQLite

/// A SHA-256 fingerprint of one stored row, used to notice rows changed outside the tool.
///
/// Only non-NULL columns are encoded, each as its position + type + value, so a later migration
/// that appends a nullable column (SQLite's ALTER TABLE ADD COLUMN) does not change the
/// fingerprint of existing rows. Positions rather than names keep the hashed bytes small: checks
/// and imports fingerprint millions of rows.
enum RowDigest {
    /// Tables whose rows are fingerprinted into the audit log.
    static let auditedTables = [
        "users", "persons", "custody_cases", "convictions", "pending_charges", "detainers",
        "evaluations", "reviews", "status_events", "ice_communications", "imports", "corrections",
        "scaap_amounts", "assistance_requests", "report_publications", "proposals", "public_figures",
        "documents",
    ]

    static func digest(of table: String, id: Int64, in db: Connection) throws -> String? {
        precondition(auditedTables.contains(table), "not an audited table: \(table)")
        let statement = try db.cached("SELECT * FROM \(table) WHERE id = ?")
        try statement.bind(id, at: 1)
        var encoder = RowEncoder(table: table, statement: statement)
        return try statement.first { encoder.digest($0) }
    }
}

/// Encodes rows of one `SELECT *` statement canonically, reusing one buffer.
struct RowEncoder {
    private let prefix: [UInt8]
    private let columnCount: Int32
    private var buffer: [UInt8] = []

    init(table: String, statement: Statement) {
        var prefix: [UInt8] = []
        Self.appendField(&prefix, Array(table.utf8))
        self.prefix = prefix
        columnCount = statement.columnCount
        buffer.reserveCapacity(512)
    }

    mutating func digest(_ row: Statement) -> String {
        var hasher = SHA256()
        update(&hasher, row: row)
        return Array(hasher.finalize()).hexString
    }

    /// Feeds the canonical encoding of the current row into `hasher`.
    mutating func update(_ hasher: inout SHA256, row: Statement) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: prefix)
        for index in 0..<columnCount {
            let type = row.columnType(index)
            if type == .null { continue }
            buffer.append(UInt8(truncatingIfNeeded: index >> 8))
            buffer.append(UInt8(truncatingIfNeeded: index))
            switch type {
            case .integer:
                buffer.append(UInt8(ascii: "i"))
                withUnsafeBytes(of: row.int64(index).bigEndian) { buffer.append(contentsOf: $0) }
            case .real:
                buffer.append(UInt8(ascii: "r"))
                withUnsafeBytes(of: row.double(index).bitPattern.bigEndian) { buffer.append(contentsOf: $0) }
            case .text, .blob:
                buffer.append(UInt8(ascii: type == .text ? "t" : "b"))
                row.withBytes(index) { bytes in
                    withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { buffer.append(contentsOf: $0) }
                    buffer.append(contentsOf: bytes)
                }
            case .null:
                break
            }
        }
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// Appends one value of a row held in Swift (a record, an import's bound value) exactly as
    /// `update` encodes it read back: nothing for NULL, else position, type and value.
    static func append(_ value: SQLiteValue, position: Int, into buffer: inout [UInt8]) {
        if value == .null { return }
        buffer.append(UInt8(truncatingIfNeeded: position >> 8))
        buffer.append(UInt8(truncatingIfNeeded: position))
        switch value {
        case .integer(let number):
            buffer.append(UInt8(ascii: "i"))
            withUnsafeBytes(of: number.bigEndian) { buffer.append(contentsOf: $0) }
        case .real(let number):
            buffer.append(UInt8(ascii: "r"))
            withUnsafeBytes(of: number.bitPattern.bigEndian) { buffer.append(contentsOf: $0) }
        case .text(var text):
            buffer.append(UInt8(ascii: "t"))
            text.withUTF8 { utf8 in
                withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { buffer.append(contentsOf: $0) }
                buffer.append(contentsOf: utf8)
            }
        case .blob(let bytes):
            buffer.append(UInt8(ascii: "b"))
            appendField(&buffer, bytes)
        case .null:
            break
        }
    }

    static func appendField(_ buffer: inout [UInt8], _ bytes: [UInt8]) {
        withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: bytes)
    }
}
