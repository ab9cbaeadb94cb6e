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
    private var days: [CivilDate: (day: String, instant: String)] = [:]
    private var liftMappings: [String: LiftReasons.Mapping] = [:]
    private var forms: [String: String] = [:]
    private var agencies: [String: [String: String?]] = [:]
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
        try insert!.insert(values, db: db, hasher: &hasher)
        count += 1
    }

    mutating func finish(into db: Connection) throws {
        try insert?.finish(db: db, hasher: &hasher)
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
        let lift = record[c.liftReason]
        let mapping: LiftReasons.Mapping
        if let known = liftMappings[lift] { mapping = known } else {
            guard let found = LiftReasons.mapping(for: lift) else {
                throw RowError(column: c.liftReasonName, message: "unknown lift reason \"\(lift)\" (see the README's lift-reason table)")
            }
            liftMappings[lift] = found
            mapping = found
        }
        var values = IceDetainerValues()
        values.form = KnownOrUnknown<DetainerForm>.unknownSpelling
        if let typeColumn = c.type {
            let raw = record[typeColumn]
            if let known = forms[raw] { values.form = known } else {
                let spelling = try IceForms.form(raw)
                guard KnownOrUnknown<DetainerForm>(stored: .text(spelling)) != nil else { preconditionFailure("IceForms gave \(spelling)") }
                values.form = spelling
                forms[raw] = spelling
            }
        }
        values.facility = try text(record, c.facility, "facility", limit: 120)
        values.facilityCity = try text(record, c.city, "city", limit: 80)
        values.facilityState = try text(record, c.state, "state", limit: 80)
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
        let facility = values.facility ?? "", state = values.facilityState ?? ""
        if let known = agencies[facility]?[state] { values.agency = known } else {
            let agency = NYCFacilities.agency(facility: values.facility, state: values.facilityState).flatMap(Agency.init(rawValue:))?.rawValue
            agencies[facility, default: [:]][state] = .some(agency)
            values.agency = agency
        }
        values.status = mapping.status.rawValue
        if let decision = mapping.decision {
            values.decision = decision.rawValue
            values.decisionBasis = decision == .honor ? LiftReasons.importedHonorBasis : LiftReasons.importedDeclineBasis
        }
        values.closed = !mapping.status.isOpen
        values.liftReason = lift.isEmpty ? nil : lift
        return values
    }

    /// The field as text, or nil when empty; checked on its bytes (the reader has already
    /// validated UTF-8): no control characters, at most `limit` characters.
    private func text(_ record: CSVRecord, _ index: Int?, _ name: String, limit: Int) throws -> String? {
        guard let index else { return nil }
        let problem: String? = record.withFieldBytes(index) { bytes in
            var characters = 0
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F { return "contains a control character" }
                if byte & 0xC0 != 0x80 { characters += 1 }  // count scalars: skip continuation bytes
            }
            return characters > limit ? "is longer than \(limit) characters" : nil
        }
        if let problem { throw RowError(column: name, message: problem) }
        let value = record[index]
        return value.isEmpty ? nil : value
    }
}
