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
/// from the stored row) goes into the batch's buffer with the id the row will get; the buffer
/// feeds the import's fingerprint, and the INSERT reads its text from it in place (no copy per
/// value). A full batch is written by `IceBatchWriter` on its own thread while the next one is
/// encoded into a second buffer. No key paths, no boxed values, no allocation per row.
/// `record(_:)` gives the typed record the same row is, and the tests compare the two.
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
        /// The row id: its position in the table.
        case id(position: UInt16)
        /// A varying text column: its position in the table.
        case field(Field, position: UInt16)
    }

    private let steps: [Step]
    private let constantBytes: [UInt8]
    private let writer: IceBatchWriter
    /// The rows being encoded (as in `IceBatch`), swapped into a batch when there are enough.
    private var buffer: [UInt8] = []
    private var spans: [(start: Int, count: Int)] = []
    private var rows = 0
    /// Batches in turn: the one after the last submitted has been written (the writer holds at
    /// most `IceBatchWriter.depth`).
    private let batches: [IceBatch]
    private var next = 0
    /// The id of the last row encoded; SQLite gives a new row the largest id plus one.
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
        let perRow = Int32(DetainerRecord.columns.count - 1)
        let single = try db.prepare(Self.insertSQL(rows: 1))
        let batch = try db.prepare(Self.insertSQL(rows: ImportLimits.rowsPerInsert))
        var parameters: [Int32] = []
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
                parameters.append(parameter)
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
            for row in 0..<Int32(ImportLimits.rowsPerInsert) { try batch.bind(value, at: parameter + row * perRow) }
        }
        self.steps = steps
        constantBytes = constants
        writer = IceBatchWriter(single: single, batch: batch, parameters: parameters, perRow: perRow, db: db)
        batches = (0...IceBatchWriter.depth).map { _ in IceBatch() }
        buffer.reserveCapacity(512 * ImportLimits.rowsPerInsert)
        spans.reserveCapacity(ImportLimits.rowsPerInsert * parameters.count)
        lastID = try db.scalarInt("SELECT max(id) FROM detainers") ?? 0
    }

    /// Adds the row; every `ImportLimits.rowsPerInsert` rows, feeds the batch's encodings to
    /// `hasher` and hands the batch to the writer. `finish` writes the rest and waits for the writer.
    mutating func insert(_ values: IceDetainerValues, hasher: inout SHA256) throws {
        lastID += 1
        constantBytes.withUnsafeBufferPointer { constants in
            for step in steps {
                switch step {
                case .constant(let start, let end):
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: constants[start..<end]))
                case .id(let position):
                    buffer.append(UInt8(truncatingIfNeeded: position >> 8))
                    buffer.append(UInt8(truncatingIfNeeded: position))
                    buffer.append(UInt8(ascii: "i"))
                    withUnsafeBytes(of: lastID.bigEndian) { buffer.append(contentsOf: $0) }
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
        rows += 1
        if rows == ImportLimits.rowsPerInsert { try submit(hasher: &hasher) }
    }

    /// Writes the last, partial batch once the writer is done; after it the connection is free.
    mutating func finish(hasher: inout SHA256) throws {
        try writer.wait()
        guard rows > 0 else { return }
        let batch = take(hasher: &hasher)
        try writer.write(batch)
    }

    /// Waits until no batch is being written, whatever became of it: the connection is then the
    /// caller's again (the import calls it before its transaction commits or rolls back).
    func settle() {
        try? writer.wait()
    }

    private mutating func submit(hasher: inout SHA256) throws {
        try writer.submit(take(hasher: &hasher))
    }

    /// The encoded rows as the next batch in turn, fed to `hasher`; the encoder goes on with
    /// that batch's old (written) arrays, emptied.
    private mutating func take(hasher: inout SHA256) -> IceBatch {
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let batch = batches[next]
        next = (next + 1) % batches.count
        swap(&buffer, &batch.buffer)
        swap(&spans, &batch.spans)
        batch.rows = rows
        batch.lastID = lastID
        buffer.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        rows = 0
        return batch
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
