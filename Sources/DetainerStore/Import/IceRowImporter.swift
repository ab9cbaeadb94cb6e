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
    // ICE files repeat a few dozen facilities, lift reasons and forms a million times: map each
    // distinct spelling once.
    private var days: [CivilDate: (day: String, startOfDay: String)] = [:]
    private var liftMappings: [String: LiftReasons.Mapping] = [:]
    private var forms: [String: String] = [:]
    private var agencies: [String: [String: String?]] = [:]
    private var insert: Statement?
    private var expected: ExpectedRow
    private let slot: Slots
    private var hasher = SHA256()
    private var count: Int64 = 0

    static let earliest = CivilDate(year: 1990, month: 1, day: 1)!

    /// Column positions in `detainers`, for the inline fingerprint.
    struct Slots {
        /// For each bound value after import_id (parameters ?2…?20): the columns it fills.
        let layout: [[Int]]

        let id, origin, importID, agency, form, facility, city, state, preparedOn, receivedAt, receivedOn, warrantType,
            status, statusAt, decision, decisionBasis, decidedAt, decidedOn, closedOn, liftReason, personRef, mscCharge,
            mscConvictionOn: Int

        init(_ row: ExpectedRow) {
            id = row.position("id"); origin = row.position("origin"); importID = row.position("import_id")
            agency = row.position("agency"); form = row.position("form"); facility = row.position("facility")
            city = row.position("facility_city"); state = row.position("facility_state"); preparedOn = row.position("prepared_on")
            receivedAt = row.position("received_at"); receivedOn = row.position("received_on"); warrantType = row.position("warrant_type")
            status = row.position("status"); statusAt = row.position("status_at"); decision = row.position("decision")
            decisionBasis = row.position("decision_basis"); decidedAt = row.position("decided_at"); decidedOn = row.position("decided_on")
            closedOn = row.position("closed_on"); liftReason = row.position("ice_lift_reason"); personRef = row.position("ice_person_ref")
            mscCharge = row.position("ice_msc_charge"); mscConvictionOn = row.position("ice_msc_conviction_on")
            layout = [[agency], [form], [facility], [city], [state], [preparedOn, receivedOn], [receivedAt, statusAt], [status], [decision],
                      [decisionBasis], [decidedAt], [decidedOn], [closedOn], [liftReason], [personRef], [mscCharge], [mscConvictionOn],
                      [origin], [warrantType]]
        }
    }

    init(columns: IceColumns, importID: Int64, today: CivilDate, db: Connection) throws {
        self.columns = columns
        self.importID = importID
        self.today = today
        expected = try ExpectedRow(table: "detainers", in: db)
        slot = Slots(expected)
    }

    mutating func fingerprints() -> [ImportFingerprint]? {
        [ImportFingerprint(table: "detainers", importID: importID, count: count, digest: Array(hasher.finalize()).hexString)]
    }

    mutating func importRow(_ record: CSVRecord, into db: Connection) throws {
        let c = columns
        guard let date = IceDates.parse(record, c.date) else {
            let text = record[c.date]
            throw RowError(column: c.dateName, message: text.isEmpty ? "the date is missing" : "\"\(text)\" is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or MM/DD/YYYY)")
        }
        guard date >= Self.earliest, date <= today else {
            throw RowError(column: c.dateName, message: "\(date) is outside \(Self.earliest)…\(today)")
        }
        let lift = record[c.liftReason]
        guard let mapping = liftMappings[lift] ?? LiftReasons.mapping(for: lift) else {
            throw RowError(column: c.liftReasonName, message: "unknown lift reason \"\(lift)\" (see the README's lift-reason table)")
        }
        liftMappings[lift] = mapping
        var form = "unknown"
        if let typeColumn = c.type {
            let raw = record[typeColumn]
            if let known = forms[raw] { form = known } else { form = try IceForms.form(raw); forms[raw] = form }
        }
        let facility = try text(record, c.facility, "facility", limit: 120)
        let city = try text(record, c.city, "city", limit: 80)
        let state = try text(record, c.state, "state", limit: 80)
        let msc = try text(record, c.mscCharge, "MSC Charge", limit: 120)
        let person = try text(record, c.personRef, "Unique Identifier", limit: 80)
        var mscDate: String?
        if let index = c.mscConvictionDate, !record[index].isEmpty {
            guard let value = IceDates.parse(record, index) else {
                throw RowError(column: "MSC Conviction Date", message: "\"\(record[index])\" is not a date")
            }
            mscDate = value.description
        }
        let (day, instant) = days[date] ?? {
            let value = (date.description, NewYorkTime.startOfDay(date).iso8601)
            days[date] = value
            return value
        }()
        let agency: String?
        if let known = agencies[facility ?? ""]?[state ?? ""] { agency = known } else {
            agency = NYCFacilities.agency(facility: facility, state: state)
            agencies[facility ?? "", default: [:]][state ?? ""] = agency
        }
        let decision = mapping.decision?.rawValue
        let basis = mapping.decision.map { $0 == .honor ? LiftReasons.importedHonorBasis : LiftReasons.importedDeclineBasis }
        let decidedAt = mapping.decision == nil ? nil : instant
        let decidedOn = mapping.decision == nil ? nil : day
        let closed = mapping.status.isOpen ? nil : day
        let liftText = lift.isEmpty ? nil : lift

        // One list of values drives both the insert and the fingerprint, so they cannot drift.
        let values: [String?] = [agency, form, facility, city, state, day, instant, mapping.status.rawValue, decision, basis,
                                 decidedAt, decidedOn, closed, liftText, person, msc, mscDate, "import", "unknown"]
        let statement = try insert ?? db.prepare("""
            INSERT INTO detainers (import_id, agency, form, facility, facility_city, facility_state, prepared_on, received_on,
                received_at, status_at, status, decision, decision_basis, decided_at, decided_on, closed_on, ice_lift_reason,
                ice_person_ref, ice_msc_charge, ice_msc_conviction_on, origin, warrant_type)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
            """)
        insert = statement
        try statement.bind(importID, at: 1)
        expected.reset()
        expected.set(slot.importID, importID)
        for (index, value) in values.enumerated() {
            try statement.bind(value, at: Int32(index + 2))
            for position in slot.layout[index] { expected.set(position, value) }
        }
        try statement.execute()
        // The rowid SQLite chose (normally last + 1; read back to be sure).
        expected.set(slot.id, db.lastInsertRowID)
        expected.update(&hasher)
        count += 1
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
