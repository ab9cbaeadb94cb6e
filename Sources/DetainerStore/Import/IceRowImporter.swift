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
    private var days: [CivilDate: UTCInstant] = [:]
    private var liftMappings: [String: LiftReasons.Mapping] = [:]
    private var forms: [String: KnownOrUnknown<DetainerForm>] = [:]
    private var agencies: [String: [String: Agency?]] = [:]
    /// The one INSERT of `DetainerRecord` (every column, from its definition), prepared once.
    private var insert: Statement?
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
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
        var form = KnownOrUnknown<DetainerForm>.unknown
        if let typeColumn = c.type {
            let raw = record[typeColumn]
            if let known = forms[raw] { form = known } else {
                let spelling = try IceForms.form(raw)
                guard let parsed = KnownOrUnknown<DetainerForm>(stored: .text(spelling)) else { preconditionFailure("IceForms gave \(spelling)") }
                form = parsed
                forms[raw] = parsed
            }
        }
        let facility = try text(record, c.facility, "facility", limit: 120)
        let city = try text(record, c.city, "city", limit: 80)
        let state = try text(record, c.state, "state", limit: 80)
        let msc = try text(record, c.mscCharge, "MSC Charge", limit: 120)
        let person = try text(record, c.personRef, "Unique Identifier", limit: 80)
        var mscDate: CivilDate?
        if let index = c.mscConvictionDate, !record[index].isEmpty {
            guard let value = IceDates.parse(record, index) else {
                throw RowError(column: "MSC Conviction Date", message: "\"\(record[index])\" is not a date")
            }
            mscDate = value
        }
        let instant = days[date] ?? {
            let value = NewYorkTime.startOfDay(date)
            days[date] = value
            return value
        }()
        let agency: Agency?
        if let known = agencies[facility ?? ""]?[state ?? ""] { agency = known } else {
            agency = NYCFacilities.agency(facility: facility, state: state).flatMap(Agency.init(rawValue:))
            agencies[facility ?? "", default: [:]][state ?? ""] = agency
        }

        // One record drives both the insert and the fingerprint, so they cannot drift.
        var row = DetainerRecord()
        row.origin = .import
        row.importID = importID
        row.agency = agency
        row.form = form
        row.facility = facility
        row.facilityCity = city
        row.facilityState = state
        row.preparedOn = date
        row.receivedAt = instant
        row.receivedOn = date
        row.warrantType = .unknown
        row.status = mapping.status
        row.statusAt = instant
        if let decision = mapping.decision {
            row.decision = decision
            row.decisionBasis = decision == .honor ? LiftReasons.importedHonorBasis : LiftReasons.importedDeclineBasis
            row.decidedAt = instant
            row.decidedOn = date
        }
        row.closedOn = mapping.status.isOpen ? nil : date
        row.iceLiftReason = lift.isEmpty ? nil : lift
        row.icePersonRef = person
        row.iceMscCharge = msc
        row.iceMscConvictionOn = mscDate
        let statement = try insert ?? db.prepare(DetainerRecord.insertSQL(withID: false))
        insert = statement
        try row.bind(to: statement, withID: false)
        try statement.execute()
        // The rowid SQLite chose (normally last + 1; read back to be sure).
        row.id = db.lastInsertRowID
        row.fingerprint(into: &hasher, buffer: &buffer)
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
