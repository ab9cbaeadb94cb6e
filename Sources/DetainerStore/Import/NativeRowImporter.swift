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
        // Derived columns are recomputed, and columns added later may be missing from older exports.
        for name in NativeExport.columnNames where !NativeExport.derived.contains(name) {
            if NativeExport.appended.contains(name), header.index(of: name) == nil { continue }
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
        guard let position = index[name] else { return nil }
        let text = record[position]
        return text.isEmpty ? nil : CSVFormulaGuard.restored(text)
    }

    /// The whole row or nothing: a database rule refusing any part becomes this row's error.
    mutating func importRow(_ record: CSVRecord, into db: Connection) throws {
        do {
            try db.savepoint { try importRowUnguarded(record, into: db) }
        } catch let error as SQLiteError where error.isConstraintViolation {
            throw RowError(column: nil, message: "refused by a database rule: \(error.message)")
        }
    }

    /// Reads every exported column into the record it came from, typed: a value its column
    /// cannot hold is this row's error, naming the export column and what it expects.
    private func importRowUnguarded(_ record: CSVRecord, into db: Connection) throws {
        guard let actorID else { throw RowError(column: nil, message: "an import needs an acting user") }
        var detainer = DetainerRecord(), person = PersonRecord(), custody = CustodyCaseRecord()
        for (name, sql) in NativeExport.columns where !NativeExport.derived.contains(name) {
            var cell = value(record, name)
            if name == "case_agency" { cell = cell ?? value(record, "agency") ?? Agency.doc.rawValue }
            let parts = sql.split(separator: ".").map(String.init)
            switch parts[0] {
            case "d": try Self.fill(&detainer, parts[1], cell, name)
            case "p": try Self.fill(&person, parts[1], cell, name)
            case "c": try Self.fill(&custody, parts[1], cell, name)
            default: preconditionFailure("export column \(name) reads \(sql)")
            }
        }
        guard let detainerID = detainer.id, detainerID > 0 else {
            throw RowError(column: "detainer_id", message: "is required (a positive whole number)")
        }
        if try db.scalarInt("SELECT 1 FROM detainers WHERE id = ?", detainerID) != nil {
            throw RowError(column: "detainer_id", message: "detainer \(detainerID) already exists in this database")
        }
        let stamp = now
        let personID = person.id
        if let personID, try db.scalarInt("SELECT 1 FROM persons WHERE id = ?", personID) == nil {
            person.source = .import
            person.externalSystem = .native
            person.importID = importID
            person.createdAt = stamp
            person.createdBy = actorID
            try person.insert(into: db, withID: true)
            try PersonSearchKey.refresh(personID: personID, in: db)
        }
        let caseID = custody.id
        if let caseID, try db.scalarInt("SELECT 1 FROM custody_cases WHERE id = ?", caseID) == nil {
            guard let personID else { throw RowError(column: "person_id", message: "a custody case needs its person") }
            custody.personID = personID
            custody.source = .import
            custody.importID = importID
            custody.createdAt = stamp
            custody.createdBy = actorID
            try custody.insert(into: db, withID: true)
        }
        detainer.origin = .import
        detainer.importID = importID
        detainer.personID = personID
        detainer.custodyCaseID = caseID
        try detainer.insert(into: db, withID: true)
    }

    private static func fill<R: TableRecord>(_ record: inout R, _ column: String, _ cell: String?, _ name: String) throws {
        let column = R.column(column)
        guard record.set(column, text: cell) else {
            throw RowError(column: name, message: cell.map { "\"\($0)\" is not \(column.expected)" } ?? "is required (\(column.expected))")
        }
    }
}
