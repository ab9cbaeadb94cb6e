import CSVStream
import DetainerDomain
import SQLite

/// Where the DOC "Daily Inmates In Custody" columns are.
struct DocCustodyColumns {
    let inmateID: Int
    let admitted: Int
    let status: Int?
    let topCharge: Int

    init?(_ header: CSVHeader) {
        guard let inmateID = header.index(of: "INMATEID"), let admitted = header.index(of: "ADMITTED_DT"),
              let topCharge = header.index(of: "TOP_CHARGE") else { return nil }
        self.inmateID = inmateID
        self.admitted = admitted
        self.topCharge = topCharge
        status = header.index(of: "INMATE_STATUS_CODE")
    }
}

/// One DOC snapshot row → the person (by DOC's INMATEID), a DOC custody case (by admission
/// time), and its top charge as a pending charge (parsed by the law engine's statute parser).
/// The same person admitted twice gets one person and two cases; the same admission seen in
/// two snapshots is one case.
struct DocCustodyRowImporter: RowImporter {
    let columns: DocCustodyColumns
    let importID: Int64
    let actorID: Int64?
    let now: UTCInstant
    var tables: [String] { ["persons", "custody_cases", "pending_charges"] }

    init(columns: DocCustodyColumns, importID: Int64, actorID: Int64?, now: UTCInstant) {
        self.columns = columns
        self.importID = importID
        self.actorID = actorID
        self.now = now
    }

    mutating func importRow(_ record: CSVRecord, into db: Connection) throws {
        let inmate = record[columns.inmateID].trimmingSpaces
        guard !inmate.isEmpty, inmate.count <= 12, inmate.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw RowError(column: "INMATEID", message: inmate.isEmpty ? "is missing" : "\"\(inmate)\" is not a DOC inmate id (digits)")
        }
        let admittedText = record[columns.admitted]
        guard let resolution = DocTimes.resolve(admittedText) else {
            throw RowError(column: "ADMITTED_DT", message: "\"\(admittedText)\" is not a time like 05/05/2017 10:37:51 PM")
        }
        let admitted: UTCInstant
        switch resolution {
        case .success(let instant): admitted = instant
        case .failure(let failure): throw RowError(column: "ADMITTED_DT", message: WallClockTime.message(failure, admittedText))
        }
        guard admitted <= now, admitted.utcDate >= CivilDate(year: 1970, month: 1, day: 1)! else {
            throw RowError(column: "ADMITTED_DT", message: "\(admittedText) is outside 1970…today")
        }
        let status = columns.status.map { record[$0].trimmingSpaces }.flatMap { $0.isEmpty || $0 == "NA" ? nil : $0 }
        if let status, status.count > 8 { throw RowError(column: "INMATE_STATUS_CODE", message: "\"\(status)\" is not a status code") }
        let charge = record[columns.topCharge].trimmingSpaces
        if charge.unicodeScalars.count > 100 { throw RowError(column: "TOP_CHARGE", message: "is longer than 100 characters") }

        let personID: Int64
        if let existing = try Self.lookup(db, "SELECT id FROM persons WHERE external_system = 'doc' AND external_id = ?", inmate) {
            personID = existing
        } else {
            var person = PersonRecord()
            person.source = .import
            person.externalSystem = .doc
            person.externalID = inmate
            person.importID = importID
            person.createdAt = now
            person.createdBy = try author()
            try person.insert(into: db)
            personID = db.lastInsertRowID
        }
        let admittedAt = admitted.iso8601
        let caseID: Int64
        if let existing = try Self.lookup(db, "SELECT id FROM custody_cases WHERE person_id = ? AND agency = 'DOC' AND admitted_at = ?", personID, admittedAt) {
            caseID = existing
        } else {
            var custody = CustodyCaseRecord()
            custody.personID = personID
            custody.agency = .doc
            custody.admittedAt = admitted
            custody.custodyStatus = status
            custody.source = .import
            custody.importID = importID
            custody.createdAt = now
            custody.createdBy = try author()
            try custody.insert(into: db)
            caseID = db.lastInsertRowID
        }
        guard !charge.isEmpty else { return }
        let statute = StatuteParser.parse(charge)
        if try Self.lookup(db, "SELECT id FROM pending_charges WHERE custody_case_id = ? AND statute_raw = ?", caseID, charge) == nil {
            var pending = PendingChargeRecord()
            pending.personID = personID
            pending.custodyCaseID = caseID
            pending.statuteRaw = charge
            pending.statuteKind = statute.kind
            pending.statuteNormalized = statute.description
            pending.source = .import
            pending.importID = importID
            pending.createdAt = now
            pending.createdBy = try author()
            try pending.insert(into: db)
        }
    }
}

extension DocCustodyRowImporter {
    /// The id the query finds, through the connection's cached statement (run once per row).
    fileprivate static func lookup(_ db: Connection, _ sql: String, _ values: (any SQLiteBindable)?...) throws -> Int64? {
        let statement = try db.cached(sql)
        try statement.bind(values)
        return try statement.first { $0.optionalInt64(0) } ?? nil
    }

    /// The user the imported rows name as their author.
    fileprivate func author() throws -> Int64 {
        guard let actorID else { throw RowError(column: nil, message: "an import needs an acting user") }
        return actorID
    }
}

/// DOC timestamps: `MM/DD/YYYY hh:mm:ss AM|PM`, New York local time. In the repeated autumn
/// hour the earlier instant is taken.
enum DocTimes {
    /// nil when the text is not a DOC time at all; a `WallClockTime.Failure` when it names an
    /// hour that happens twice or not at all (refused, never shifted: issue 13 §8).
    static func resolve(_ text: String) -> Result<UTCInstant, WallClockTime.Failure>? {
        let parts = text.trimmingSpaces.split(separator: " ")
        guard parts.count == 3 else { return nil }
        let date = parts[0].split(separator: "/").compactMap { Int($0) }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, clock.count == 3, let day = CivilDate(year: date[2], month: date[0], day: date[1]),
              (1...12).contains(clock[0]), (0...59).contains(clock[1]), (0...59).contains(clock[2]) else { return nil }
        let meridiem = parts[2].uppercased()
        guard meridiem == "AM" || meridiem == "PM" else { return nil }
        let hour = clock[0] % 12 + (meridiem == "PM" ? 12 : 0)
        return WallClockTime.resolve(date: day, hour: hour, minute: clock[1], second: clock[2])
    }
}
