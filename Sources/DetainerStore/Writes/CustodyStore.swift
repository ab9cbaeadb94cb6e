import DetainerDomain
import SQLite

extension IntakeService {
    /// The custody case for this booking: reused when the agency and booking number match, else
    /// created. A reused case keeps its facts; differences are reported.
    func findOrCreateCustodyCase(_ custody: Intake.Custody, personID: Int64, in context: WriteContext) throws -> (id: Int64, warnings: [String]) {
        let db = context.db
        if let booking = custody.bookingNumber {
            let existing = try db.prepare("SELECT id, person_id, arrest_date, scheduled_release_at FROM custody_cases WHERE agency = ? AND booking_number = ?")
            try existing.bind(custody.agency.rawValue, at: 1)
            try existing.bind(booking, at: 2)
            if let row = try existing.first({ ($0.int64(0), $0.int64(1), $0.string(2), $0.string(3)) }) {
                guard row.1 == personID else {
                    throw InputError(field: "custody.bookingNumber",
                                     "\(custody.agency.rawValue) booking \(booking) belongs to person \(row.1), not person \(personID)")
                }
                var warnings: [String] = []
                if let arrest = custody.arrestDate, let stored = row.2, stored != arrest.description {
                    warnings.append("custody case \(row.0) has arrest date \(stored); \(arrest) was not applied (correct it with `detainer update DETAINER --arrest-date`)")
                }
                if row.2 == nil || row.3 == nil {
                    try CustodyCaseRecord.fill(id: row.0, with: ["arrest_date": custody.arrestDate?.description,
                                                                 "scheduled_release_at": custody.scheduledReleaseAt?.iso8601,
                                                                 "facility": custody.facility], in: context)
                }
                return (row.0, warnings)
            }
        }
        var row = CustodyCaseRecord()
        row.personID = personID
        row.agency = custody.agency.agency
        row.bookingNumber = custody.bookingNumber
        row.facility = custody.facility
        row.arrestDate = custody.arrestDate
        row.scheduledReleaseAt = custody.scheduledReleaseAt
        row.source = .intake
        row.createdAt = context.now
        row.createdBy = try context.actorID
        return (try context.insert(&row), [])
    }
}
