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

extension DetainerDatabase {
    /// Statuses in which a detainer still governs the custody case.
    static let openStatuses = ["received", "pendingReview", "honored"]

    /// The open detainer on the same custody case: by agency and booking number, or — with no
    /// booking number — by agency and arrest date for the same person (the same record, or one
    /// with the same name and date of birth: without an identifier intake makes a new record).
    func openDetainerOnSameCase(personID: Int64, person: Intake.Person, custody: Intake.Custody, in db: Connection) throws -> DuplicateDetainer? {
        let statement = try db.prepare("""
            SELECT d.id, d.status, c.id FROM detainers AS d JOIN custody_cases AS c ON c.id = d.custody_case_id
            WHERE c.agency = ?1 AND (d.status = 'received' OR d.status = 'pendingReview' OR d.status = 'honored')
              AND ((?2 IS NOT NULL AND c.booking_number = ?2)
                   OR (?2 IS NULL AND c.arrest_date IS ?4
                       AND (c.person_id = ?3 OR EXISTS (SELECT 1 FROM persons AS p WHERE p.id = c.person_id AND p.name = ?5 AND p.date_of_birth IS ?6))))
            ORDER BY d.id LIMIT 1
            """)
        try statement.bind([custody.agency.rawValue, custody.bookingNumber, personID, custody.arrestDate?.description, person.name, person.dateOfBirth?.description])
        return try statement.first { DuplicateDetainer(existingID: $0.int64(0), status: $0.string(1) ?? "", custodyCaseID: $0.int64(2)) }
    }
}
