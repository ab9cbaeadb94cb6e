import Crypto
import SQLite

/// The values one ICE row gives the detainer it becomes: the only columns an ICE import sets
/// per row. Every one is text; absent values are NULL.
struct IceDetainerValues {
    var agency: String?
    var form: String = ""
    var facility: String?
    var facilityCity: String?
    var facilityState: String?
    /// `YYYY-MM-DD`: prepared, received and (with a decision) decided on this day; closed on it
    /// unless the detainer is still open.
    var day: String = ""
    /// The New York start of `day`, ISO UTC: received, status and decision instant.
    var instant: String = ""
    var status: String = ""
    var decision: String?
    var decisionBasis: String?
    var closed = false
    var liftReason: String?
    var personRef: String?
    var mscCharge: String?
    var mscConvictionOn: String?

    /// The value of one of the varying columns.
    @inline(__always)
    func value(_ field: IceDetainerInsert.Field) -> String? {
        switch field {
        case .agency: agency
        case .form: form
        case .facility: facility
        case .facilityCity: facilityCity
        case .facilityState: facilityState
        case .preparedOn, .receivedOn: day
        case .receivedAt, .statusAt: instant
        case .status: status
        case .decision: decision
        case .decisionBasis: decisionBasis
        case .decidedAt: decision == nil ? nil : instant
        case .decidedOn: decision == nil ? nil : day
        case .closedOn: closed ? day : nil
        case .iceLiftReason: liftReason
        case .icePersonRef: personRef
        case .iceMscCharge: mscCharge
        case .iceMscConvictionOn: mscConvictionOn
        }
    }
}

/// The ICE import's INSERT into `detainers`, specialised for a million rows (issue 26 §1) but
/// still driven by `DetainerRecord.columns`, the table's one column list: built once from a
/// prototype record holding the import's constant columns (origin, import id, unknown warrant,
/// every flag and field ICE never gives), it binds those once and, per row, only the varying
/// columns, straight from the parsed values. Rows are written `ImportLimits.rowsPerInsert` at a
/// time by one multi-row INSERT (one statement run opens the table and its nine indexes once, not
/// once a row). Each row's canonical encoding (exactly `RowEncoder`'s, which `check` recomputes
/// from the stored row) goes into one reused buffer; the INSERT reads its text from that buffer
/// in place (no copy per value), and the buffer then feeds the import's fingerprint, its id
/// slots filled in. No key paths, no boxed values, no allocation per row. `record(_:)` gives the
/// typed record the same row is, and the tests compare the two.
struct IceDetainerInsert {
    /// The columns an ICE row sets; raw values are the column names.
    enum Field: String, CaseIterable {
        case agency, form, facility
        case facilityCity = "facility_city", facilityState = "facility_state", preparedOn = "prepared_on"
        case receivedAt = "received_at", receivedOn = "received_on", status
        case statusAt = "status_at", decision, decisionBasis = "decision_basis", decidedAt = "decided_at"
        case decidedOn = "decided_on", closedOn = "closed_on", iceLiftReason = "ice_lift_reason"
        case icePersonRef = "ice_person_ref", iceMscCharge = "ice_msc_charge", iceMscConvictionOn = "ice_msc_conviction_on"
    }

    /// One step of the row's canonical encoding, in column order.
    private enum Step {
        /// Bytes every row shares (constant non-NULL columns), a range of `constantBytes`.
        case constant(start: Int, end: Int)
        /// The row id, known after the insert: its position in the table.
        case id(position: UInt16)
        /// A varying text column: its position in the table.
        case field(Field, position: UInt16)
    }

    /// The statement for one row and the one for `ImportLimits.rowsPerInsert` rows; both have
    /// their constant columns bound for every row they write.
    private let single: Statement
    private let batch: Statement
    /// Each varying column and its parameter for the first row; row r's is `perRow * r` more.
    private let parameters: [(Field, Int32)]
    /// Parameters one row takes (every column but the id).
    private let perRow: Int32
    private let steps: [Step]
    private let constantBytes: [UInt8]
    /// The pending rows' encodings, one after another, in insert order.
    private var buffer: [UInt8] = []
    /// For each pending row: where its id goes in `buffer`, then each varying field's bytes there
    /// as (start, count), start -1 for NULL.
    private var idSlots: [Int] = []
    private var spans: [(start: Int, count: Int)] = []
    /// The id of the last row written; SQLite gives a new row the largest id plus one.
    private var lastID: Int64

    /// The record every imported row starts from: what the import sets on every row alike.
    static func prototype(importID: Int64) -> DetainerRecord {
        var row = DetainerRecord()
        row.origin = .import
        row.importID = importID
        row.warrantType = .unknown
        row.form = .unknown
        return row
    }

    /// The INSERT of `rows` rows: `DetainerRecord.insertSQL(withID: false)`, its VALUES repeated.
    static func insertSQL(rows: Int) -> String {
        let one = DetainerRecord.insertSQL(withID: false)
        guard rows > 1, let values = one.range(of: " VALUES ") else { return one }
        let tuple = String(one[values.upperBound...])
        return one + String(repeating: ", " + tuple, count: rows - 1)
    }

    init(importID: Int64, db: Connection) throws {
        let prototype = Self.prototype(importID: importID)
        let perRowCount = Int32(DetainerRecord.columns.count - 1)
        let single = try db.prepare(Self.insertSQL(rows: 1))
        let batch = try db.prepare(Self.insertSQL(rows: ImportLimits.rowsPerInsert))
        var parameters: [(Field, Int32)] = []
        var constantParameters: [(SQLiteValue, Int32)] = []
        var steps: [Step] = []
        var constants: [UInt8] = []
        RowEncoder.appendField(&constants, Array(DetainerRecord.table.utf8))
        var pending = 0
        func flush() {
            if pending < constants.count { steps.append(.constant(start: pending, end: constants.count)) }
            pending = constants.count
        }
        var parameter: Int32 = 0
        for (position, column) in DetainerRecord.columns.enumerated() {
            if column.name == "id" {
                flush()
                steps.append(.id(position: UInt16(position)))
                continue
            }
            parameter += 1
            if let field = Field(rawValue: column.name) {
                parameters.append((field, parameter))
                flush()
                steps.append(.field(field, position: UInt16(position)))
            } else {
                let value = column.read(prototype)
                constantParameters.append((value, parameter))
                RowEncoder.append(value, position: position, into: &constants)
            }
        }
        flush()
        precondition(parameters.count == Field.allCases.count, "an ICE field names no column of detainers")
        for (value, parameter) in constantParameters {
            try single.bind(value, at: parameter)
            for row in 0..<Int32(ImportLimits.rowsPerInsert) { try batch.bind(value, at: parameter + row * perRowCount) }
        }
        self.single = single
        self.batch = batch
        self.parameters = parameters
        perRow = perRowCount
        self.steps = steps
        constantBytes = constants
        lastID = try db.scalarInt("SELECT max(id) FROM detainers") ?? 0
        buffer.reserveCapacity(512 * ImportLimits.rowsPerInsert)
        idSlots.reserveCapacity(ImportLimits.rowsPerInsert)
        spans.reserveCapacity(ImportLimits.rowsPerInsert * parameters.count)
    }

    /// Adds the row; every `ImportLimits.rowsPerInsert` rows, writes them and feeds their
    /// encodings to `hasher`. `finish` writes the rest.
    mutating func insert(_ values: IceDetainerValues, db: Connection, hasher: inout SHA256) throws {
        constantBytes.withUnsafeBufferPointer { constants in
            for step in steps {
                switch step {
                case .constant(let start, let end):
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: constants[start..<end]))
                case .id(let position):
                    buffer.append(UInt8(truncatingIfNeeded: position >> 8))
                    buffer.append(UInt8(truncatingIfNeeded: position))
                    buffer.append(UInt8(ascii: "i"))
                    idSlots.append(buffer.count)
                    buffer.append(contentsOf: repeatElement(0, count: 8))  // filled in once the row has its id
                case .field(let field, let position):
                    guard var text = values.value(field) else {
                        spans.append((-1, 0))
                        continue
                    }
                    buffer.append(UInt8(truncatingIfNeeded: position >> 8))
                    buffer.append(UInt8(truncatingIfNeeded: position))
                    buffer.append(UInt8(ascii: "t"))
                    text.withUTF8 { utf8 in
                        withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { buffer.append(contentsOf: $0) }
                        spans.append((buffer.count, utf8.count))
                        buffer.append(contentsOf: utf8)
                    }
                }
            }
        }
        if idSlots.count == ImportLimits.rowsPerInsert { try write(db: db, hasher: &hasher) }
    }

    /// Writes the pending rows (the last, partial batch of the file).
    mutating func finish(db: Connection, hasher: inout SHA256) throws {
        if !idSlots.isEmpty { try write(db: db, hasher: &hasher) }
    }

    private mutating func write(db: Connection, hasher: inout SHA256) throws {
        let rows = idSlots.count
        let fields = parameters.count
        try buffer.withUnsafeBytes { bytes in
            // The bytes are bound in place: nothing touches `buffer` until the statements are reset.
            func bindRow(_ row: Int, on statement: Statement, offset: Int32) throws {
                for (index, (_, parameter)) in parameters.enumerated() {
                    let span = spans[row * fields + index]
                    if span.start < 0 {
                        try statement.bindNull(at: parameter + offset)
                    } else {
                        try statement.bind(borrowingUTF8: UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.start + span.count]),
                                           at: parameter + offset)
                    }
                }
            }
            if rows == ImportLimits.rowsPerInsert {
                for row in 0..<rows { try bindRow(row, on: batch, offset: perRow * Int32(row)) }
                try batch.execute()
            } else {
                for row in 0..<rows {
                    try bindRow(row, on: single, offset: 0)
                    try single.execute()
                }
            }
        }
        // Ids follow the largest one (no AUTOINCREMENT, no other writer inside this transaction):
        // the rows got lastID + 1 … lastID + rows. Anything else is refused, never guessed.
        let expected = lastID + Int64(rows)
        guard db.lastInsertRowID == expected else {
            throw StoreError.badStoredValue(table: DetainerRecord.table, column: "id", rowID: db.lastInsertRowID,
                                            value: "an id out of sequence for an import (expected \(expected))")
        }
        for (row, slot) in idSlots.enumerated() {
            withUnsafeBytes(of: (lastID + 1 + Int64(row)).bigEndian) { id in
                buffer.withUnsafeMutableBytes { $0.baseAddress!.advanced(by: slot).copyMemory(from: id.baseAddress!, byteCount: 8) }
            }
        }
        lastID = expected
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
        idSlots.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }

    /// The typed record `values` become (for tests: the same columns through the record's own
    /// definition must give the same stored row and the same fingerprint).
    static func record(_ values: IceDetainerValues, importID: Int64, id: Int64?) -> DetainerRecord {
        var row = prototype(importID: importID)
        row.id = id
        for field in Field.allCases {
            _ = row.set(DetainerRecord.column(field.rawValue), text: values.value(field))
        }
        return row
    }
}
