import Crypto
import CSVStream
import DetainerDomain
import SQLite

/// One ICE record → one imported detainer. ICE's files carry no decision date, so the
/// detainer's own date stands for receipt, decision and closing (documented in the README).
struct IceRowImporter: RowImporter {
    let columns: IceColumns
    let importID: Int64
    let today: CivilDate
    var tables: [String] { ["detainers"] }
    // ICE files repeat a few thousand days and a few dozen facilities, lift reasons and forms a
    // million times: map each distinct spelling once, to the text that is stored.
    // Each is looked up by the field's bytes (`SpellingCache`), so a repeated spelling builds
    // no String and is checked once.
    private var days: [CivilDate: (day: String, instant: String)] = [:]
    private var liftMappings = SpellingCache<(mapping: LiftReasons.Mapping, text: String?)>(capacity: 256)
    private var forms = SpellingCache<String>(capacity: 256)
    private var facilities = SpellingCache<String?>()
    private var cities = SpellingCache<String?>()
    private var states = SpellingCache<String?>(capacity: 1024)
    /// Facility and state bytes joined by `SpellingCache.separator` → the NYC agency, if any.
    private var agencies = SpellingCache<String?>()
    private var agencyKey: [UInt8] = []
    /// The one INSERT of `DetainerRecord`, prepared once, its constant columns bound once.
    private var insert: IceDetainerInsert?
    private var hasher = SHA256()
    private var count: Int64 = 0

    static let earliest = CivilDate(year: 1990, month: 1, day: 1)!

    init(columns: IceColumns, importID: Int64, today: CivilDate) {
        self.columns = columns
        self.importID = importID
        self.today = today
    }

    mutating func fingerprints() -> [ImportFingerprint]? {
        [ImportFingerprint(table: "detainers", importID: importID, count: count, digest: Array(hasher.finalize()).hexString)]
    }

    mutating func importRow(_ record: CSVRecord, into db: Connection) throws {
        let values = try values(record)
        if insert == nil { insert = try IceDetainerInsert(importID: importID, db: db) }
        try insert!.insert(values, hasher: &hasher)
        count += 1
    }

    mutating func finish(into db: Connection) throws {
        try insert?.finish(hasher: &hasher)
    }

    func settle() {
        insert?.settle()
    }

    /// Validates one ICE row and maps it onto the detainer's varying columns (README: "Import
    /// and export" documents the mapping). Throws `RowError` naming the column.
    mutating func values(_ record: CSVRecord) throws -> IceDetainerValues {
        let c = columns
        guard let date = IceDates.parse(record, c.date) else {
            let text = record[c.date]
            throw RowError(column: c.dateName, message: text.isEmpty ? "the date is missing" : "\"\(text)\" is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or MM/DD/YYYY)")
        }
        guard date >= Self.earliest, date <= today else {
            throw RowError(column: c.dateName, message: "\(date) is outside \(Self.earliest)…\(today)")
        }
        let lift = try record.withFieldBytes(c.liftReason) { bytes throws(RowError) in
            try liftMappings.value(for: bytes) { () throws(RowError) in
                let text = String(decoding: bytes, as: UTF8.self)
                guard let found = LiftReasons.mapping(for: text) else {
                    throw RowError(column: c.liftReasonName, message: "unknown lift reason \"\(text)\" (see the README's lift-reason table)")
                }
                return (found, text.isEmpty ? nil : text)
            }
        }
        let mapping = lift.mapping
        var values = IceDetainerValues()
        values.form = KnownOrUnknown<DetainerForm>.unknownSpelling
        if let typeColumn = c.type {
            values.form = try record.withFieldBytes(typeColumn) { bytes throws(RowError) in
                try forms.value(for: bytes) { () throws(RowError) in
                    let spelling: String
                    do { spelling = try IceForms.form(String(decoding: bytes, as: UTF8.self)) } catch let error as RowError { throw error } catch {
                        throw RowError(column: "detainer type", message: "\(error)")
                    }
                    guard KnownOrUnknown<DetainerForm>(stored: .text(spelling)) != nil else { preconditionFailure("IceForms gave \(spelling)") }
                    return spelling
                }
            }
        }
        values.facility = try text(record, c.facility, "facility", limit: 120, cache: &facilities)
        values.facilityCity = try text(record, c.city, "city", limit: 80, cache: &cities)
        values.facilityState = try text(record, c.state, "state", limit: 80, cache: &states)
        values.mscCharge = try text(record, c.mscCharge, "MSC Charge", limit: 120)
        values.personRef = try text(record, c.personRef, "Unique Identifier", limit: 80)
        if let index = c.mscConvictionDate, record.fieldLength(index) > 0 {
            guard let value = IceDates.parse(record, index) else {
                throw RowError(column: "MSC Conviction Date", message: "\"\(record[index])\" is not a date")
            }
            values.mscConvictionOn = value.description
        }
        let day = days[date] ?? {
            let value = (day: date.description, instant: NewYorkTime.startOfDay(date).description)
            days[date] = value
            return value
        }()
        values.day = day.day
        values.instant = day.instant
        agencyKey.removeAll(keepingCapacity: true)
        if let index = c.facility { record.withFieldBytes(index) { agencyKey.append(contentsOf: $0) } }
        agencyKey.append(SpellingCache<String?>.separator)
        if let index = c.state { record.withFieldBytes(index) { agencyKey.append(contentsOf: $0) } }
        let (facility, state) = (values.facility, values.facilityState)
        values.agency = agencyKey.withUnsafeBytes { key in
            agencies.value(for: key) {
                NYCFacilities.agency(facility: facility, state: state).flatMap(Agency.init(rawValue:))?.rawValue
            }
        }
        values.status = mapping.status.rawValue
        if let decision = mapping.decision {
            values.decision = decision.rawValue
            values.decisionBasis = decision == .honor ? LiftReasons.importedHonorBasis : LiftReasons.importedDeclineBasis
        }
        values.closed = !mapping.status.isOpen
        values.liftReason = lift.text
        return values
    }

    /// The field as text, or nil when empty; checked on its bytes (the reader has already
    /// validated UTF-8): no control characters, at most `limit` characters.
    private func text(_ record: CSVRecord, _ index: Int?, _ name: String, limit: Int) throws -> String? {
        guard let index else { return nil }
        return try record.withFieldBytes(index) { bytes throws(RowError) in try Self.checkedText(bytes, name, limit: limit) }
    }

    /// The same for a column whose spellings repeat: each distinct spelling is checked once.
    private func text(_ record: CSVRecord, _ index: Int?, _ name: String, limit: Int, cache: inout SpellingCache<String?>) throws -> String? {
        guard let index else { return nil }
        return try record.withFieldBytes(index) { bytes throws(RowError) in
            try cache.value(for: bytes) { () throws(RowError) in try Self.checkedText(bytes, name, limit: limit) }
        }
    }

    private static func checkedText(_ bytes: UnsafeRawBufferPointer, _ name: String, limit: Int) throws(RowError) -> String? {
        var characters = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { throw RowError(column: name, message: "contains a control character") }
            if byte & 0xC0 != 0x80 { characters += 1 }  // count scalars: skip continuation bytes
        }
        if characters > limit { throw RowError(column: name, message: "is longer than \(limit) characters") }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
