import DetainerDomain
import SQLite

/// Persons: found by NYSID or A-number, else created. Probable duplicates (same name and date of
/// birth under other identifiers) are reported to the clerk, never merged silently.
extension IntakeService {
    struct PersonMatch {
        let id: Int64
        let reused: Bool
        let warnings: [String]
    }

    func findOrCreatePerson(_ person: Intake.Person, in context: WriteContext) throws -> PersonMatch {
        let db = context.db
        var warnings: [String] = []
        let byNYSID = try person.nysid.flatMap { try db.scalarInt("SELECT id FROM persons WHERE nysid = ?", $0) }
        let byANumber = try person.aNumber.flatMap { try db.scalarInt("SELECT id FROM persons WHERE a_number = ?", $0) }
        if let byNYSID, let byANumber, byNYSID != byANumber {
            throw InputError(field: "person.aNumber",
                             "NYSID \(person.nysid!) belongs to person \(byNYSID) but A-number \(person.aNumber!) to person \(byANumber); resolve the records before logging this detainer")
        }
        if let existing = byNYSID ?? byANumber {
            let stored = try db.prepare("SELECT name, date_of_birth, nysid, a_number, fbi_number, country_of_birth FROM persons WHERE id = ?")
            try stored.bind(existing, at: 1)
            guard let row = try stored.first({ ($0.string(0), $0.string(1), $0.string(2), $0.string(3), $0.string(4), $0.string(5)) }) else {
                throw NotFound(entity: "person", key: String(existing))
            }
            if let name = row.0, name != person.name {
                warnings.append("person \(existing) is recorded as \"\(name)\", not \"\(person.name)\"; the record was reused by its identifiers and its name kept")
            }
            if let dob = row.1, let given = person.dateOfBirth, dob != given.description {
                warnings.append("person \(existing) has date of birth \(dob), not \(given); check the identifiers")
            }
            // Fill identifiers the record lacked; never overwrite what is there.
            try PersonRecord.fill(id: existing, with: ["date_of_birth": person.dateOfBirth?.description, "nysid": person.nysid,
                                                       "a_number": person.aNumber, "fbi_number": person.fbiNumber,
                                                       "country_of_birth": person.countryOfBirth], in: context)
            return PersonMatch(id: existing, reused: true, warnings: warnings)
        }
        if let dob = person.dateOfBirth {
            let twins = try db.prepare("SELECT id, nysid, a_number FROM persons WHERE name = ? AND date_of_birth = ?")
            try twins.bind(person.name, at: 1)
            try twins.bind(dob.description, at: 2)
            try twins.forEachRow { row in
                let ids = [row.string(1).map { "NYSID \($0)" }, row.string(2).map { "A-number \($0)" }].compactMap { $0 }
                warnings.append("possible duplicate: person \(row.int64(0)) has the same name and date of birth (\(ids.isEmpty ? "no identifiers" : ids.joined(separator: ", "))); a new person was created")
            }
        }
        var row = PersonRecord()
        row.name = person.name
        row.dateOfBirth = person.dateOfBirth
        row.nysid = person.nysid
        row.aNumber = person.aNumber
        row.fbiNumber = person.fbiNumber
        row.countryOfBirth = person.countryOfBirth
        row.source = .intake
        row.createdAt = context.now
        row.createdBy = try context.actorID
        return PersonMatch(id: try context.insert(&row), reused: false, warnings: warnings)
    }

}

extension HistoryService {
    /// Resolves what a clerk types for a person: the record id, a NYSID or an A-number.
    public func personID(for reference: String) throws -> Int64 {
        let text = reference.trimmingSpaces
        if let id = Int64(text), try connection.scalarInt("SELECT id FROM persons WHERE id = ?", id) != nil { return id }
        if let id = try connection.scalarInt("SELECT id FROM persons WHERE nysid = ?", text.uppercased()) { return id }
        var validator = FieldValidator()
        if let aNumber = validator.aNumber(text, "person"),
           let id = try connection.scalarInt("SELECT id FROM persons WHERE a_number = ?", aNumber) { return id }
        throw NotFound(entity: "person", key: "\"\(reference)\" (give a person id, NYSID or A-number)")
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
