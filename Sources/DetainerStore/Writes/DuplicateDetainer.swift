import DetainerDomain
import SQLite

/// Issue 13 §9: one open detainer per custody case. The same intake taken in twice (a retried
/// command, a re-sent JSON file) or a second detainer on a booking whose detainer was already
/// honored is refused, naming the existing detainer, unless the clerk says why a second one is
/// real (recorded in the audit entry). The message names no front end's control: each names its
/// own (`--allow-duplicate --reason` on the CLI, a confirmation on the intake page, the
/// `allowDuplicate` and `duplicateReason` keys in the API, which its `fieldIssues` path names).
public struct DuplicateDetainer: Error, Equatable, CustomStringConvertible, FieldIssues {
    public let existingID: Int64
    public let status: String
    public let custodyCaseID: Int64

    public var description: String {
        "detainer \(existingID) (\(status)) is already open on custody case \(custodyCaseID); a second one is refused unless you confirm it and say why ICE really sent another"
    }

    /// The confirmation it lacks, by its path in the intake request (`allowDuplicate`).
    public var fieldIssues: [ValidationIssue] {
        [ValidationIssue(path: "allowDuplicate", message: "detainer \(existingID) is already open on this custody case; confirm a second one and say why (duplicateReason)")]
    }
}

extension IntakeService {
    /// The open detainer on the same custody case, as `DuplicateRule` defines it. The SQL only
    /// narrows to the candidates the rule can accept, through indexes that name one case or one
    /// person, so the check costs the same with 100 or 100,000 open detainers (issue 26 §1b; it
    /// once walked every open case of the agency): with a booking number, the case with that
    /// number (the (agency, booking_number) key); without one, the cases of this person and of
    /// persons with the same name and date of birth, on the same arrest date. The rule decides,
    /// in detainer order.
    func openDetainerOnSameCase(personID: Int64, person: Intake.Person, custody: Intake.Custody, in db: Connection) throws -> DuplicateDetainer? {
        let open = DetainerStatus.open.map { $0.rawValue as (any SQLiteBindable)? }
        let statuses = { (first: Int) in (0..<open.count).map { "?\($0 + first)" }.joined(separator: ", ") }
        let columns = "d.id, d.status, c.id, c.booking_number, c.arrest_date, c.person_id, p.name, p.date_of_birth"
        let joins = "custody_cases AS c JOIN detainers AS d ON d.custody_case_id = c.id LEFT JOIN persons AS p ON p.id = c.person_id"
        let statement: Statement
        if let booking = custody.bookingNumber {
            statement = try db.cached("SELECT \(columns) FROM \(joins) WHERE c.agency = ?1 AND c.booking_number = ?2 AND d.status IN (\(statuses(3))) ORDER BY d.id")
            try statement.bind([custody.agency.rawValue, booking] + open)
        } else {
            // `+c.agency`: the person decides the index, never the agency (every case of it).
            statement = try db.cached("""
                SELECT \(columns) FROM \(joins)
                WHERE c.person_id IN (SELECT ?1 UNION SELECT id FROM persons WHERE name = ?2 AND date_of_birth IS ?3)
                  AND +c.agency = ?4 AND c.arrest_date IS ?5 AND d.status IN (\(statuses(6))) ORDER BY d.id
                """)
            try statement.bind([personID, person.name, person.dateOfBirth?.description, custody.agency.rawValue, custody.arrestDate?.description] + open)
        }
        let incoming = DuplicateRule.CaseKey(agency: custody.agency, bookingNumber: custody.bookingNumber, arrestDate: custody.arrestDate,
                                             personID: personID, name: person.name, dateOfBirth: person.dateOfBirth)
        var found: DuplicateDetainer?
        try statement.forEachRow { row in
            guard found == nil else { return }
            let detainerID = row.int64(0)
            guard let status = DetainerStatus(rawValue: row.string(1) ?? "") else {
                throw StoreError.badStoredValue(table: "detainers", column: "status", rowID: detainerID, value: row.string(1).map { "\"\($0.prefix(80))\"" } ?? "NULL")
            }
            let existing = DuplicateRule.CaseKey(agency: custody.agency, bookingNumber: row.string(3), arrestDate: row.string(4).flatMap(CivilDate.init(parsing:)),
                                                 personID: row.optionalInt64(5), name: row.string(6) ?? "",
                                                 dateOfBirth: row.string(7).flatMap(CivilDate.init(parsing:)))
            if DuplicateRule.blocks(existing: existing, status: status, incoming: incoming) {
                found = DuplicateDetainer(existingID: detainerID, status: status.rawValue, custodyCaseID: row.int64(2))
            }
        }
        return found
    }
}
