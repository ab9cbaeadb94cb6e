import DetainerDomain
import SQLite

/// Issue 13 §9: one open detainer per custody case. The same intake taken in twice (a retried
/// command, a re-sent JSON file) or a second detainer on a booking whose detainer was already
/// honored is refused, naming the existing detainer, unless the clerk says why a second one is
/// real (`--allow-duplicate --reason TEXT`, recorded in the audit entry).
public struct DuplicateDetainer: Error, Equatable, CustomStringConvertible {
    public let existingID: Int64
    public let status: String
    public let custodyCaseID: Int64

    public var description: String {
        "detainer \(existingID) (\(status)) is already open on custody case \(custodyCaseID); a second one is refused (if ICE really sent another, use --allow-duplicate --reason TEXT)"
    }
}

extension IntakeService {
    /// The open detainer on the same custody case, as `DuplicateRule` defines it. The SQL only
    /// narrows to the candidates (same agency, open, same booking number, or — with none — the
    /// same arrest date); the rule decides, in detainer order.
    func openDetainerOnSameCase(personID: Int64, person: Intake.Person, custody: Intake.Custody, in db: Connection) throws -> DuplicateDetainer? {
        let open = DetainerStatus.open.map { $0.rawValue as (any SQLiteBindable)? }
        let statement = try db.prepare("""
            SELECT d.id, d.status, c.id, c.booking_number, c.arrest_date, c.person_id, p.name, p.date_of_birth
            FROM detainers AS d JOIN custody_cases AS c ON c.id = d.custody_case_id LEFT JOIN persons AS p ON p.id = c.person_id
            WHERE c.agency = ?1 AND d.status IN (\((0..<open.count).map { "?\($0 + 4)" }.joined(separator: ", ")))
              AND ((?2 IS NOT NULL AND c.booking_number = ?2) OR (?2 IS NULL AND c.arrest_date IS ?3))
            ORDER BY d.id
            """)
        try statement.bind([custody.agency.rawValue, custody.bookingNumber, custody.arrestDate?.description] + open)
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
