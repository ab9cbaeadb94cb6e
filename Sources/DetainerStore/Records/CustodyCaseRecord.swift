import DetainerDomain

/// One row of `custody_cases`: the city's custody of a person (one arrest, one book-and-case, or
/// for Probation the probation case).
public struct CustodyCaseRecord: BookkeepingRecord {
    public static let table = "custody_cases"

    public var id: Int64?
    public var personID: Int64 = 0
    public var agency: Agency = .doc
    public var bookingNumber: String?
    public var facility: String?
    public var arrestDate: CivilDate?
    public var admittedAt: UTCInstant?
    public var scheduledReleaseAt: UTCInstant?
    public var releasedAt: UTCInstant?
    public var custodyStatus: String?
    public var source: RecordOrigin = .intake
    public var importID: Int64?
    public var createdAt = UTCInstant(secondsSinceEpoch: 0)
    public var createdBy: Int64 = 0
    public var updatedAt: UTCInstant?
    public var updatedBy: Int64?

    public init() {}

    /// Table order; exported as `case_<name>` (the id as `custody_case_id`).
    static let columns: [Column<CustodyCaseRecord>] = [
        Column("id", \.id),
        Column("person_id", \.personID, export: .none, show: .hidden),
        Column("agency", \.agency),
        Column("booking_number", \.bookingNumber),
        Column("facility", \.facility),
        Column("arrest_date", \.arrestDate),
        Column("admitted_at", \.admittedAt, export: .none, show: .hidden),
        Column("scheduled_release_at", \.scheduledReleaseAt),
        Column("released_at", \.releasedAt, show: .hidden),
        Column("custody_status", \.custodyStatus, export: .none, show: .hidden),
        Column("source", \.source, export: .none, show: .hidden),
    ] + bookkeepingColumns
}
