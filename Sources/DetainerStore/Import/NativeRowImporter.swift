import CSVStream
import DetainerDomain
import SQLite

/// Reads `detainer export --format csv` back: persons, custody cases and detainers keep their
/// ids, so export → import into an empty database → export gives the same file. The rows are
/// imported records (they carry no evaluation history, only the latest outcome in brief).
struct NativeRowImporter: RowImporter {
    let index: [String: Int]
    let importID: Int64
    let actorID: Int64?
    let now: UTCInstant
    var tables: [String] { ["persons", "custody_cases", "detainers"] }

    init(header: CSVHeader, importID: Int64, actorID: Int64?, now: UTCInstant) throws {
        var index: [String: Int] = [:]
        // Derived columns are recomputed, so exports made before they existed still import.
        for name in NativeExport.columnNames where !NativeExport.derived.contains(name) {
            guard let position = header.index(of: name) else {
                throw InputError(field: "header", "a native export needs the column \(name)")
            }
            index[name] = position
        }
        self.index = index
        self.importID = importID
        self.actorID = actorID
        self.now = now
    }

    /// The cell, with export's formula guard undone and empty meaning NULL.
    private func value(_ record: CSVRecord, _ name: String) -> String? {
        let text = record[index[name]!]
        return text.isEmpty ? nil : CSVFormulaGuard.restored(text)
    }

    private func integer(_ record: CSVRecord, _ name: String) throws -> Int64? {
        guard let text = value(record, name) else { return nil }
        guard let number = Int64(text) else { throw RowError(column: name, message: "\"\(text)\" is not a whole number") }
        return number
    }

    /// The whole row or nothing: a database rule refusing any part becomes this row's error.
    mutating func importRow(_ record: CSVRecord, into db: Connection) throws {
        do {
            try db.savepoint { try importRowUnguarded(record, into: db) }
        } catch let error as SQLiteError where error.isConstraintViolation {
            throw RowError(column: nil, message: "refused by a database rule: \(error.message)")
        }
    }

    private func importRowUnguarded(_ record: CSVRecord, into db: Connection) throws {
        guard let detainerID = try integer(record, "detainer_id"), detainerID > 0 else {
            throw RowError(column: "detainer_id", message: "is required (a positive whole number)")
        }
        if try db.scalarInt("SELECT 1 FROM detainers WHERE id = ?", detainerID) != nil {
            throw RowError(column: "detainer_id", message: "detainer \(detainerID) already exists in this database")
        }
        for date in ["prepared_on", "received_on", "warrant_date", "decided_on", "closed_on", "ice_msc_conviction_on",
                     "person_date_of_birth", "case_arrest_date"] {
            if let text = value(record, date), CivilDate(parsing: text) == nil {
                throw RowError(column: date, message: "\"\(text)\" is not a date (YYYY-MM-DD)")
            }
        }
        for instant in ["received_at", "status_at", "hold_deadline", "decided_at", "case_scheduled_release_at", "case_released_at"] {
            if let text = value(record, instant), UTCInstant(parsing: text) == nil {
                throw RowError(column: instant, message: "\"\(text)\" is not an ISO 8601 instant")
            }
        }
        let stamp = now.iso8601
        let personID = try integer(record, "person_id")
        if let personID, try db.scalarInt("SELECT 1 FROM persons WHERE id = ?", personID) == nil {
            try insert(db, """
                INSERT INTO persons (id, name, date_of_birth, nysid, a_number, fbi_number, country_of_birth, source, external_system,
                                     import_id, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'import', 'native', ?, ?, ?)
                """, [personID, value(record, "person_name"), value(record, "person_date_of_birth"), value(record, "person_nysid"),
                      value(record, "person_a_number"), value(record, "person_fbi_number"), value(record, "person_country_of_birth"),
                      importID, stamp, actorID])
            try PersonSearchKey.refresh(personID: personID, in: db)
        }
        let caseID = try integer(record, "custody_case_id")
        if let caseID, try db.scalarInt("SELECT 1 FROM custody_cases WHERE id = ?", caseID) == nil {
            guard let personID else { throw RowError(column: "person_id", message: "a custody case needs its person") }
            try insert(db, """
                INSERT INTO custody_cases (id, person_id, agency, booking_number, facility, arrest_date, scheduled_release_at,
                                           released_at, source, import_id, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?)
                """, [caseID, personID, value(record, "case_agency") ?? value(record, "agency") ?? Agency.doc.rawValue, value(record, "case_booking_number"),
                      value(record, "case_facility"), value(record, "case_arrest_date"), value(record, "case_scheduled_release_at"),
                      value(record, "case_released_at"), importID, stamp, actorID])
        }
        var values: [(any SQLiteBindable)?] = [detainerID, importID, personID, caseID]
        let copied = NativeExport.columnNames.filter { !["detainer_id", "person_id", "custody_case_id"].contains($0) && !$0.hasPrefix("person_") && !$0.hasPrefix("case_") && !NativeExport.derived.contains($0) }
        for name in copied {
            if Self.integerColumns.contains(name) { values.append(try integer(record, name)) } else { values.append(value(record, name)) }
        }
        let placeholders = Array(repeating: "?", count: copied.count).joined(separator: ", ")
        try insert(db, "INSERT INTO detainers (id, import_id, person_id, custody_case_id, origin, \(copied.joined(separator: ", "))) VALUES (?, ?, ?, ?, 'import', \(placeholders))", values)
    }

    static let integerColumns: Set<String> = [
        "pc_final_order", "pc_removal_proceedings", "pc_biometric_match", "pc_statements", "tsdb_match", "illegal_reentry",
        "released_after_deadline",
    ]

    private func insert(_ db: Connection, _ sql: String, _ values: [(any SQLiteBindable)?]) throws {
        let statement = try db.cached(sql)
        try statement.bind(values)
        try statement.execute()
    }
}
