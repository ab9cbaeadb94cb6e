import Crypto
import SQLite

/// The fingerprint encoding of a row we are about to insert, built from the values we bind, so a
/// million-row import need not read its rows back to fingerprint them. It must equal what
/// `RowEncoder` reads from `SELECT *` afterwards; `detainer check` compares the two, and the
/// import tests run it.
struct ExpectedRow {
    private let prefix: [UInt8]
    private let positions: [String: Int]
    /// Integer literal defaults by column position (the only defaults imported tables have).
    private let defaults: [Int64?]
    private var integers: [Int64?]
    private var texts: [String?]
    private var buffer: [UInt8] = []

    /// Reads the table's columns and constant defaults (`PRAGMA table_info`).
    init(table: String, in db: Connection) throws {
        var prefix: [UInt8] = []
        RowEncoder.appendField(&prefix, Array(table.utf8))
        self.prefix = prefix
        var positions: [String: Int] = [:]
        var defaults: [Int64?] = []
        try db.prepare("SELECT name, dflt_value FROM pragma_table_info(?) ORDER BY cid").bindingFirst(table).forEachRow { row in
            positions[row.string(0) ?? ""] = defaults.count
            if let text = row.string(1) {
                // Any other kind of default would be a schema change this encoder must learn.
                guard let value = Int64(text) else { preconditionFailure("unsupported default \(text) in \(table)") }
                defaults.append(value)
            } else {
                defaults.append(nil)
            }
        }
        self.positions = positions
        self.defaults = defaults
        integers = defaults
        texts = Array(repeating: nil, count: defaults.count)
        buffer.reserveCapacity(512)
    }

    func position(_ column: String) -> Int {
        guard let index = positions[column] else { preconditionFailure("no column \(column)") }
        return index
    }

    /// Starts a new row: every column NULL or its default.
    mutating func reset() {
        for index in texts.indices {
            texts[index] = nil
            integers[index] = defaults[index]
        }
    }

    mutating func set(_ position: Int, _ value: String?) { texts[position] = value }

    mutating func set(_ position: Int, _ value: Int64?) { integers[position] = value }

    /// Feeds the row, as `RowEncoder` will read it back, into `hasher`.
    mutating func update(_ hasher: inout SHA256) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: prefix)
        for index in texts.indices {
            if var text = texts[index] {
                buffer.append(UInt8(truncatingIfNeeded: index >> 8))
                buffer.append(UInt8(truncatingIfNeeded: index))
                buffer.append(UInt8(ascii: "t"))
                text.withUTF8 { utf8 in
                    withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { buffer.append(contentsOf: $0) }
                    buffer.append(contentsOf: utf8)
                }
            } else if let number = integers[index] {
                buffer.append(UInt8(truncatingIfNeeded: index >> 8))
                buffer.append(UInt8(truncatingIfNeeded: index))
                buffer.append(UInt8(ascii: "i"))
                withUnsafeBytes(of: number.bigEndian) { buffer.append(contentsOf: $0) }
            }
        }
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }
}
