import DetainerDomain

/// One row of `convictions`, as the criminal-history search reports it. The facts are
/// three-valued: nil is "not known" (Sources/DetainerDomain/Law/README.md §12.13), never "no".
public struct ConvictionRecord: TableRecord {
    public static let table = "convictions"

    public var id: Int64?
    public var personID: Int64 = 0
    public var statuteRaw = ""
    public var statuteKind: StatuteKind = .blank
    public var statuteNormalized: String?
    public var objectStatute: String?
    public var convictedOn: CivilDate?
    /// The grade as convicted, in the law engine's spelling (OffenseLevel.label).
    public var felonyClass: String?
    public var jurisdiction: Jurisdiction?
    public var nyEquivalent: String?
    public var termOverOneYear: Bool?
    public var youthfulOffender: Bool?
    public var juvenileDelinquent: Bool?
    public var hateCrime: Bool?
    public var sealed: Bool?
    public var vacated: Bool?
    public var incarceratedDays: Int64?
    public var court: String?
    public var docketNumber: String?
    public var createdAt = UTCInstant(secondsSinceEpoch: 0)
    public var createdBy: Int64 = 0
    public var updatedAt: UTCInstant?
    public var updatedBy: Int64?
    public var sentencedOn: CivilDate?
    public var awaitingSentence: Bool?

    public init() {}

    /// Table order (sentenced_on and awaiting_sentence came with 0002).
    static let columns: [Column<ConvictionRecord>] = [
        Column("id", \.id),
        Column("person_id", \.personID),
        Column("statute_raw", \.statuteRaw),
        Column("statute_kind", \.statuteKind),
        Column("statute_normalized", \.statuteNormalized),
        Column("object_statute", \.objectStatute),
        Column("convicted_on", \.convictedOn),
        Column("felony_class", \.felonyClass),
        Column("jurisdiction", \.jurisdiction),
        Column("ny_equivalent", \.nyEquivalent),
        Column("term_over_one_year", \.termOverOneYear),
        Column("youthful_offender", \.youthfulOffender),
        Column("juvenile_delinquent", \.juvenileDelinquent),
        Column("hate_crime", \.hateCrime),
        Column("sealed", \.sealed),
        Column("vacated", \.vacated),
        Column("incarcerated_days", \.incarceratedDays),
        Column("court", \.court),
        Column("docket_number", \.docketNumber),
        Column("created_at", \.createdAt, show: .hidden),
        Column("created_by", \.createdBy, show: .hidden),
        Column("updated_at", \.updatedAt, show: .hidden),
        Column("updated_by", \.updatedBy, show: .hidden),
        Column("sentenced_on", \.sentencedOn),
        Column("awaiting_sentence", \.awaitingSentence),
    ]

    /// Column name → stored value, for forms that prefill fields by column.
    public var columnValues: [String: JSONValue] { jsonObject }

    /// The facts a conviction flags, with the words `show` uses for them.
    public static let flags: [(column: String, words: String, value: KeyPath<ConvictionRecord, Bool?> & Sendable)] = [
        ("youthful_offender", "youthful offender", \.youthfulOffender), ("juvenile_delinquent", "juvenile delinquent", \.juvenileDelinquent),
        ("hate_crime", "hate crime", \.hateCrime), ("sealed", "sealed", \.sealed), ("vacated", "vacated", \.vacated),
    ]
}

/// One row of `pending_charges`: under the 2014 law they never count, so they are kept apart.
public struct PendingChargeRecord: TableRecord {
    public static let table = "pending_charges"

    public var id: Int64?
    public var personID: Int64 = 0
    public var custodyCaseID: Int64?
    public var statuteRaw = ""
    public var statuteKind: StatuteKind = .blank
    public var statuteNormalized: String?
    public var chargedOn: CivilDate?
    public var source: RecordOrigin = .intake
    public var importID: Int64?
    public var createdAt = UTCInstant(secondsSinceEpoch: 0)
    public var createdBy: Int64 = 0

    public init() {}

    static let columns: [Column<PendingChargeRecord>] = [
        Column("id", \.id),
        Column("person_id", \.personID),
        Column("custody_case_id", \.custodyCaseID),
        Column("statute_raw", \.statuteRaw),
        Column("statute_kind", \.statuteKind),
        Column("statute_normalized", \.statuteNormalized),
        Column("charged_on", \.chargedOn),
        Column("source", \.source),
        Column("import_id", \.importID),
        Column("created_at", \.createdAt),
        Column("created_by", \.createdBy),
    ]
}
