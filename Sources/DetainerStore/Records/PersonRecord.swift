import DetainerDomain

/// One row of `persons`: the subject of detainers. Names are kept exactly as written.
public struct PersonRecord: BookkeepingRecord {
    public static let table = "persons"

    public var id: Int64?
    public var name: String?
    public var dateOfBirth: CivilDate?
    public var nysid: String?
    public var aNumber: String?
    public var fbiNumber: String?
    public var countryOfBirth: String?
    public var source: RecordOrigin = .intake
    public var externalSystem: ExternalSystem?
    public var externalID: String?
    public var importID: Int64?
    public var createdAt = UTCInstant(secondsSinceEpoch: 0)
    public var createdBy: Int64 = 0
    public var updatedAt: UTCInstant?
    public var updatedBy: Int64?

    public init() {}

    /// Table order; exported as `person_<name>` (README, "Import and export").
    static let columns: [Column<PersonRecord>] = [
        Column("id", \.id),
        Column("name", \.name),
        Column("date_of_birth", \.dateOfBirth),
        Column("nysid", \.nysid),
        Column("a_number", \.aNumber),
        Column("fbi_number", \.fbiNumber),
        Column("country_of_birth", \.countryOfBirth),
        Column("source", \.source, export: .none, show: .hidden),
        Column("external_system", \.externalSystem, export: .none, show: .hidden),
        Column("external_id", \.externalID, export: .none, show: .hidden),
    ] + bookkeepingColumns
}
