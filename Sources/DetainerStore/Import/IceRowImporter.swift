import CSVStream
import DetainerDomain
import SQLite

/// Where ICE's columns are, under either the NPR extract's names or the Deportation Data
/// Project's. Only the date and lift reason are required.
struct IceColumns {
    let date: Int
    let dateName: String
    let liftReason: Int
    let liftReasonName: String
    let facility: Int?
    let city: Int?
    let state: Int?
    let type: Int?
    let mscCharge: Int?
    let mscConvictionDate: Int?
    let personRef: Int?

    init?(_ header: CSVHeader) {
        func find(_ names: [String]) -> (Int, String)? {
            for name in names { if let index = header.index(of: name) { return (index, name) } }
            return nil
        }
        guard let date = find(["date", "Detainer Prepare Date"]),
              let lift = find(["lift_reason", "Detainer Lift Reason"]) else { return nil }
        self.date = date.0
        dateName = date.1
        liftReason = lift.0
        liftReasonName = lift.1
        facility = find(["det_facility", "Detention Facility"])?.0
        city = find(["city", "Facility City"])?.0
        state = find(["state", "Facility State"])?.0
        type = find(["detainer_type", "Detainer Type"])?.0
        mscCharge = find(["MSC Charge", "Most Serious Conviction (MSC) Charge"])?.0
        mscConvictionDate = find(["MSC Conviction Date"])?.0
        personRef = find(["Unique Identifier"])?.0
    }
}

/// One ICE record → one imported detainer. ICE's files carry no decision date, so the
/// detainer's own date stands for receipt, decision and closing (documented in the README).
struct IceRowImporter: RowImporter {
    let columns: IceColumns
    let importID: Int64
    let today: CivilDate
    var tables: [String] { ["detainers"] }
    private var startOfDay: [CivilDate: String] = [:]

    static let earliest = CivilDate(year: 1990, month: 1, day: 1)!

    init(columns: IceColumns, importID: Int64, today: CivilDate) {
        self.columns = columns
        self.importID = importID
        self.today = today
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
        guard let mapping = LiftReasons.mapping(for: lift) else {
            throw RowError(column: c.liftReasonName, message: "unknown lift reason \"\(lift)\" (see the README's lift-reason table)")
        }
        let form = try c.type.map { try IceForms.form(record[$0]) } ?? "unknown"
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
        let day = date.description
        let instant = startOfDay[date] ?? {
            let value = NewYorkTime.startOfDay(date).iso8601
            startOfDay[date] = value
            return value
        }()
        let closed = mapping.status.isOpen ? nil : day
        let statement = try db.cached("""
            INSERT INTO detainers (origin, import_id, agency, form, facility, facility_city, facility_state, prepared_on,
                received_at, received_on, warrant_type, status, status_at, decision, decision_basis, decided_at, decided_on,
                closed_on, ice_lift_reason, ice_person_ref, ice_msc_charge, ice_msc_conviction_on)
            VALUES ('import', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, 'unknown', ?9, ?8, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
            """)
        try statement.bind(importID, at: 1)
        try statement.bind(NYCFacilities.agency(facility: facility, state: state), at: 2)
        try statement.bind(form, at: 3)
        try statement.bind(facility, at: 4)
        try statement.bind(city, at: 5)
        try statement.bind(state, at: 6)
        try statement.bind(day, at: 7)
        try statement.bind(instant, at: 8)
        try statement.bind(mapping.status.rawValue, at: 9)
        try statement.bind(mapping.decision?.rawValue, at: 10)
        try statement.bind(mapping.decision.map { $0 == .honor ? LiftReasons.importedHonorBasis : LiftReasons.importedDeclineBasis }, at: 11)
        try statement.bind(mapping.decision == nil ? nil : instant, at: 12)
        try statement.bind(mapping.decision == nil ? nil : day, at: 13)
        try statement.bind(closed, at: 14)
        try statement.bind(lift.isEmpty ? nil : lift, at: 15)
        try statement.bind(person, at: 16)
        try statement.bind(msc, at: 17)
        try statement.bind(mscDate, at: 18)
        try statement.execute()
    }

    private func text(_ record: CSVRecord, _ index: Int?, _ name: String, limit: Int) throws -> String? {
        guard let index else { return nil }
        let value = record[index]
        if value.isEmpty { return nil }
        if value.unicodeScalars.count > limit { throw RowError(column: name, message: "is longer than \(limit) characters") }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw RowError(column: name, message: "contains a control character")
        }
        return value
    }
}

/// Dates as ICE files write them.
enum IceDates {
    /// `YYYY-MM-DD`, optionally followed by a time (`2007-10-02 00:00:00`), or `MM/DD/YYYY`.
    static func parse(_ record: CSVRecord, _ index: Int) -> CivilDate? {
        record.withFieldBytes(index) { bytes -> CivilDate? in
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    let b = bytes[i]
                    guard b >= 48, b <= 57 else { return nil }
                    value = value * 10 + Int(b - 48)
                }
                return value
            }
            if bytes.count >= 10, bytes[4] == 45, bytes[7] == 45, bytes.count == 10 || bytes[10] == 32 || bytes[10] == 84,
               let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) {
                return CivilDate(year: y, month: m, day: d)
            }
            if bytes.count >= 10, bytes[2] == 47, bytes[5] == 47, let m = digits(0..<2), let d = digits(3..<5), let y = digits(6..<10) {
                return CivilDate(year: y, month: m, day: d)
            }
            return nil
        }
    }
}

/// ICE's detainer-type strings → this system's form names.
enum IceForms {
    static func form(_ raw: String) throws -> String {
        let text = raw.trimmingSpaces.uppercased().replacingHyphenAfterI
        if text.isEmpty { return "unknown" }
        for (prefix, form) in [("I247A", "I-247A"), ("I247D", "I-247D"), ("I247N", "I-247N"), ("I247X", "I-247X"), ("I247", "I-247")] {
            if text.hasPrefix(prefix) {
                let rest = text.dropFirst(prefix.count)
                if rest.isEmpty || rest.first == " " || rest.first == "-" { return form }
            }
        }
        throw RowError(column: "detainer type", message: "unknown detainer type \"\(raw)\"")
    }
}

/// NYC facilities as they appear in ICE data: DOC jails and NYPD central booking.
enum NYCFacilities {
    static func agency(facility: String?, state: String?) -> String? {
        guard let facility = facility?.uppercased() else { return nil }
        let inNewYork = state.map { ["NY", "NEW YORK"].contains($0.uppercased()) } ?? facility.hasSuffix(", NY")
        guard inNewYork else { return nil }
        if facility.contains("RIKERS") || facility.contains("VERNON C. BAIN") || facility.contains("NYC DOC") { return "DOC" }
        if facility.contains("CENTRAL BOOKING") { return "NYPD" }
        return nil
    }
}

extension String {
    /// "I-247A …" → "I247A …", so both spellings match.
    var replacingHyphenAfterI: String {
        hasPrefix("I-") ? "I" + dropFirst(2) : self
    }
}
