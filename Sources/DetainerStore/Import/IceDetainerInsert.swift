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
/// every flag and field ICE never gives), it binds those once on one prepared statement and, per
/// row, binds only the varying columns straight from the parsed values, then feeds the row's
/// canonical encoding (exactly `RowEncoder`'s, which `check` recomputes from the stored row) into
/// the import's fingerprint from the same values, through one reused buffer. No key paths, no
/// boxed values, no allocation per row. `record(_:)` gives the typed record the same row is,
/// and the tests compare the two.
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

    private let statement: Statement
    /// Each varying column and its parameter in `DetainerRecord.insertSQL(withID: false)`.
    private let parameters: [(Field, Int32)]
    private let steps: [Step]
    private let constantBytes: [UInt8]
    private var buffer: [UInt8] = []

    /// The record every imported row starts from: what the import sets on every row alike.
    static func prototype(importID: Int64) -> DetainerRecord {
        var row = DetainerRecord()
        row.origin = .import
        row.importID = importID
        row.warrantType = .unknown
        row.form = .unknown
        return row
    }

    init(importID: Int64, db: Connection) throws {
        let prototype = Self.prototype(importID: importID)
        let statement = try db.prepare(DetainerRecord.insertSQL(withID: false))
        var parameters: [(Field, Int32)] = []
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
                try statement.bind(value, at: parameter)
                RowEncoder.append(value, position: position, into: &constants)
            }
        }
        flush()
        precondition(parameters.count == Field.allCases.count, "an ICE field names no column of detainers")
        self.statement = statement
        self.parameters = parameters
        self.steps = steps
        constantBytes = constants
        buffer.reserveCapacity(1024)
    }

    /// Inserts the row, feeds its encoding to `hasher`, and returns its id.
    @discardableResult
    mutating func insert(_ values: IceDetainerValues, db: Connection, hasher: inout SHA256) throws -> Int64 {
        for (field, parameter) in parameters {
            try statement.bind(values.value(field), at: parameter)
        }
        try statement.execute()
        // The rowid SQLite chose (normally last + 1; read back to be sure).
        let id = db.lastInsertRowID
        buffer.removeAll(keepingCapacity: true)
        constantBytes.withUnsafeBufferPointer { constants in
            for step in steps {
                switch step {
                case .constant(let start, let end):
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: constants[start..<end]))
                case .id(let position):
                    buffer.append(UInt8(truncatingIfNeeded: position >> 8))
                    buffer.append(UInt8(truncatingIfNeeded: position))
                    buffer.append(UInt8(ascii: "i"))
                    withUnsafeBytes(of: id.bigEndian) { buffer.append(contentsOf: $0) }
                case .field(let field, let position):
                    guard var text = values.value(field) else { continue }
                    buffer.append(UInt8(truncatingIfNeeded: position >> 8))
                    buffer.append(UInt8(truncatingIfNeeded: position))
                    buffer.append(UInt8(ascii: "t"))
                    text.withUTF8 { utf8 in
                        withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { buffer.append(contentsOf: $0) }
                        buffer.append(contentsOf: utf8)
                    }
                }
            }
        }
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return id
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
