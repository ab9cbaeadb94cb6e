import DetainerDomain

/// One row of `detainers` (Migrations/0001_initial.sql): an ICE detainer, logged at intake or
/// imported, with its latest evaluation in brief, its decision and its current status.
public struct DetainerRecord: TableRecord {
    public static let table = "detainers"

    public var id: Int64?
    public var origin: RecordOrigin = .intake
    public var importID: Int64?
    public var personID: Int64?
    public var custodyCaseID: Int64?
    public var agency: Agency?
    public var form: KnownOrUnknown<DetainerForm> = .unknown
    public var iceSubjectID: String?
    public var eventNumber: String?
    public var aNumber: String?
    public var issuingOffice: String?
    public var facility: String?
    public var facilityCity: String?
    public var facilityState: String?
    public var preparedOn: CivilDate?
    public var receivedAt = UTCInstant(secondsSinceEpoch: 0)
    public var receivedOn = CivilDate(dayNumber: 0)
    public var receivedBy: Int64?
    public var pcFinalOrder = false
    public var pcRemovalProceedings = false
    public var pcBiometricMatch = false
    public var pcStatements = false
    public var warrantType: KnownOrUnknown<WarrantKind> = .unknown
    public var warrantIssuer: String?
    public var warrantDate: CivilDate?
    /// nil: not yet known (the engine treats it as unknown, never as "no").
    public var tsdbMatch: Bool?
    public var illegalReentry: Bool?
    public var status: DetainerStatus = .received
    public var statusAt = UTCInstant(secondsSinceEpoch: 0)
    public var holdDeadline: UTCInstant?
    public var evaluationID: Int64?
    public var outcome: Outcome?
    public var ruleVersion: String?
    public var reasons: ReasonList?
    public var decision: Decision?
    public var decisionBasis: String?
    public var decidedAt: UTCInstant?
    public var decidedOn: CivilDate?
    public var closedOn: CivilDate?
    public var releasedAfterDeadline: Bool?
    public var iceLiftReason: String?
    public var icePersonRef: String?
    public var iceMscCharge: String?
    public var iceMscConvictionOn: CivilDate?
    /// When the hold began (status held) and its New York date (Migrations/0010_statutory_reports.sql).
    public var holdBeganAt: UTCInstant?
    public var holdBeganOn: CivilDate?
    /// Why the hold ended without a transfer.
    public var holdEndCause: HoldEndCause?
    /// The I-247A as received beyond Box 1: Box 2, the administrative warrant form, NTA served.
    public var i247aBox2: Bool?
    public var i247aAdminWarrant: AdministrativeWarrantForm?
    public var i247aNtaServed: Bool?
    /// The detainer this one replaces: ICE lodged it anew with the warrant (migration 0012).
    public var supersedesID: Int64?

    public init() {}

    /// Table order. `export`: the columns `detainer export` writes (id as `detainer_id`);
    /// `show`: how `detainer show` prints them.
    static let columns: [Column<DetainerRecord>] = [
        Column("id", \.id),
        Column("origin", \.origin, export: .none, show: .layout),
        Column("import_id", \.importID, export: .none, show: .hidden),
        Column("person_id", \.personID, export: .none, show: .hidden),
        Column("custody_case_id", \.custodyCaseID, export: .none, show: .hidden),
        Column("agency", \.agency),
        Column("form", \.form),
        Column("ice_subject_id", \.iceSubjectID, show: .hidden),
        Column("event_number", \.eventNumber, show: .hidden),
        Column("a_number", \.aNumber, show: .hidden),
        Column("issuing_office", \.issuingOffice, show: .hidden),
        Column("facility", \.facility, show: .hidden),
        Column("facility_city", \.facilityCity, show: .hidden),
        Column("facility_state", \.facilityState, show: .hidden),
        Column("prepared_on", \.preparedOn, show: .hidden),
        Column("received_at", \.receivedAt, show: .hidden),
        Column("received_on", \.receivedOn, show: .hidden),
        Column("received_by", \.receivedBy, export: .none, show: .hidden),
        Column("pc_final_order", \.pcFinalOrder),
        Column("pc_removal_proceedings", \.pcRemovalProceedings),
        Column("pc_biometric_match", \.pcBiometricMatch),
        Column("pc_statements", \.pcStatements),
        Column("warrant_type", \.warrantType),
        Column("warrant_issuer", \.warrantIssuer),
        Column("warrant_date", \.warrantDate),
        Column("tsdb_match", \.tsdbMatch),
        Column("illegal_reentry", \.illegalReentry),
        Column("status", \.status),
        Column("status_at", \.statusAt),
        Column("hold_deadline", \.holdDeadline),
        Column("evaluation_id", \.evaluationID, export: .none, show: .hidden),
        Column("outcome", \.outcome),
        Column("rule_version", \.ruleVersion, show: .hidden),
        Column("reasons", \.reasons, show: .hidden),
        Column("decision", \.decision),
        Column("decision_basis", \.decisionBasis),
        Column("decided_at", \.decidedAt, show: .hidden),
        Column("decided_on", \.decidedOn),
        Column("closed_on", \.closedOn, show: .hidden),
        Column("released_after_deadline", \.releasedAfterDeadline, show: .hidden),
        Column("ice_lift_reason", \.iceLiftReason, show: .hidden),
        Column("ice_person_ref", \.icePersonRef, show: .hidden),
        Column("ice_msc_charge", \.iceMscCharge, show: .hidden),
        Column("ice_msc_conviction_on", \.iceMscConvictionOn, show: .hidden),
        Column("hold_began_at", \.holdBeganAt, export: .none, show: .listed("Hold began")),
        Column("hold_began_on", \.holdBeganOn, export: .none, show: .hidden),
        Column("hold_end_cause", \.holdEndCause, export: .none, show: .listed("Hold ended because")),
        Column("i247a_box2", \.i247aBox2, export: .none, show: .listed("I-247A Box 2 (DHS transfer)")),
        Column("i247a_admin_warrant", \.i247aAdminWarrant, export: .none, show: .listed("Administrative warrant form")),
        Column("i247a_nta_served", \.i247aNtaServed, export: .none, show: .listed("Notice to appear served")),
        Column("supersedes_id", \.supersedesID, export: .none, show: .listed("Replaces detainer")),
    ]
}
