import DetainerDomain

// The tables the statutory reports read beside the detainers (Migrations/0010_statutory_reports.sql,
// 0012): SCAAP amounts, assistance requests, frozen publications and public figures. All but the
// publications (which gain their approval once) are append-only.

extension RequestingAgency: TextEnumColumn {}
extension AssistanceKind: TextEnumColumn {}
extension AssistanceResponse: TextEnumColumn {}
extension DisclosureExemption: TextEnumColumn {}
extension PublicFigure.Qualifier: TextEnumColumn {}

/// §9-131(f)(6): SCAAP funding requested and received for one city fiscal year; a correction is
/// a new row.
struct ScaapAmountRecord: TableRecord {
    static let table = "scaap_amounts"

    var id: Int64?
    var fiscalYear: Int64 = 0
    var requestedCents: Int64?
    var receivedCents: Int64?
    var sourceReference = ""
    var recordedAt = UTCInstant(secondsSinceEpoch: 0)
    var actorID: Int64 = 0

    init() {}

    static let columns: [Column<ScaapAmountRecord>] = [
        Column("id", \.id),
        Column("fiscal_year", \.fiscalYear),
        Column("requested_cents", \.requestedCents),
        Column("received_cents", \.receivedCents),
        Column("source_reference", \.sourceReference),
        Column("recorded_at", \.recordedAt),
        Column("actor_id", \.actorID),
    ]
}

/// §10-178(d): one request for assistance from a non-local agency, and the response.
struct AssistanceRequestRecord: TableRecord {
    static let table = "assistance_requests"

    var id: Int64?
    var requestingAgency: RequestingAgency = .other
    var requestingOther: String?
    var receivingAgency = ""
    var assistanceKind: AssistanceKind = .other
    var response: AssistanceResponse = .pending
    var exemption: DisclosureExemption?
    var receivedAt = UTCInstant(secondsSinceEpoch: 0)
    var receivedOn = CivilDate(dayNumber: 0)
    var summary = ""
    var recordedAt = UTCInstant(secondsSinceEpoch: 0)
    var actorID: Int64 = 0

    init() {}

    static let columns: [Column<AssistanceRequestRecord>] = [
        Column("id", \.id),
        Column("requesting_agency", \.requestingAgency),
        Column("requesting_other", \.requestingOther),
        Column("receiving_agency", \.receivingAgency),
        Column("assistance_kind", \.assistanceKind),
        Column("response", \.response),
        Column("exemption", \.exemption),
        Column("received_at", \.receivedAt),
        Column("received_on", \.receivedOn),
        Column("summary", \.summary),
        Column("recorded_at", \.recordedAt),
        Column("actor_id", \.actorID),
    ]
}

/// A frozen annual report (`report publish`): every number, the audit head it was computed at,
/// who prepared it and the second person who approved it.
struct ReportPublicationRecord: TableRecord {
    static let table = "report_publications"

    var id: Int64?
    var agency: Agency = .nypd
    var year: Int64 = 0
    var calendar = false
    var reportJSON = JSONText(.object([:]))
    var reportSHA256 = ""
    var auditHeadID: Int64 = 0
    var auditHead = ""
    var preparedBy: Int64 = 0
    var preparedAt = UTCInstant(secondsSinceEpoch: 0)
    var approvedBy: Int64?
    var approvedAt: UTCInstant?
    /// The approved publication of the same report this one revises.
    var revises: Int64?

    init() {}

    static let columns: [Column<ReportPublicationRecord>] = [
        Column("id", \.id),
        Column("agency", \.agency),
        Column("year", \.year),
        Column("calendar", \.calendar),
        Column("report_json", \.reportJSON),
        Column("report_sha256", \.reportSHA256),
        Column("audit_head_id", \.auditHeadID),
        Column("audit_head", \.auditHead),
        Column("prepared_by", \.preparedBy),
        Column("prepared_at", \.preparedAt),
        Column("approved_by", \.approvedBy),
        Column("approved_at", \.approvedAt),
        Column("revises", \.revises),
    ]
}

/// A figure someone published about the city's detainers, with who claimed it and the source
/// (`report figure`), set beside the city's own count by `report reconcile`.
struct PublicFigureRecord: TableRecord {
    static let table = "public_figures"

    var id: Int64?
    var measure = ""
    var value: Int64 = 0
    var qualifier: PublicFigure.Qualifier = .exactly
    var periodFrom = CivilDate(dayNumber: 0)
    var periodTo = CivilDate(dayNumber: 0)
    var agency: Agency?
    var claimedBy = ""
    var source = ""
    var recordedAt = UTCInstant(secondsSinceEpoch: 0)
    var recordedBy: Int64 = 0

    init() {}

    static let columns: [Column<PublicFigureRecord>] = [
        Column("id", \.id),
        Column("measure", \.measure),
        Column("value", \.value),
        Column("qualifier", \.qualifier),
        Column("period_from", \.periodFrom),
        Column("period_to", \.periodTo),
        Column("agency", \.agency),
        Column("claimed_by", \.claimedBy),
        Column("source", \.source),
        Column("recorded_at", \.recordedAt),
        Column("recorded_by", \.recordedBy),
    ]
}
