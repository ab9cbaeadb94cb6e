import DetainerDomain

// The append-only event tables of a detainer's history (Migrations/0001_initial.sql, 0003):
// evaluations, reviews, status changes, contacts with ICE and corrections.

/// One run of the law engine, with its inputs and its explained result. Never rewritten.
public struct EvaluationRecord: TableRecord {
    public static let table = "evaluations"

    public var id: Int64?
    public var detainerID: Int64 = 0
    public var sequence: Int64 = 0
    public var evaluatedAt = UTCInstant(secondsSinceEpoch: 0)
    public var evaluatedOn = CivilDate(dayNumber: 0)
    public var ruleVersion = ""
    public var outcome: Outcome = .needsReview
    public var reasons = ReasonList([])
    public var inputJSON = JSONText(.null)
    public var resultJSON = JSONText(.null)
    /// intake, conviction, charge, detainer or manual (the schema's CHECK).
    public var trigger = ""
    public var actorID: Int64 = 0

    public init() {}

    static let columns: [Column<EvaluationRecord>] = [
        Column("id", \.id),
        Column("detainer_id", \.detainerID),
        Column("sequence", \.sequence),
        Column("evaluated_at", \.evaluatedAt),
        Column("evaluated_on", \.evaluatedOn),
        Column("rule_version", \.ruleVersion),
        Column("outcome", \.outcome),
        Column("reasons", \.reasons),
        Column("input_json", \.inputJSON),
        Column("result_json", \.resultJSON),
        Column("trigger", \.trigger),
        Column("actor_id", \.actorID),
    ]
}

/// A supervisor's decision on an evaluation; a change of mind is a new review.
public struct ReviewRecord: TableRecord {
    public static let table = "reviews"

    public var id: Int64?
    public var detainerID: Int64 = 0
    public var evaluationID: Int64 = 0
    /// approve or override (the schema's CHECK).
    public var action = ""
    public var decision: Decision = .decline
    public var reason: String?
    public var reviewedAt = UTCInstant(secondsSinceEpoch: 0)
    public var actorID: Int64 = 0

    public init() {}

    static let columns: [Column<ReviewRecord>] = [
        Column("id", \.id),
        Column("detainer_id", \.detainerID),
        Column("evaluation_id", \.evaluationID),
        Column("action", \.action),
        Column("decision", \.decision),
        Column("reason", \.reason),
        Column("reviewed_at", \.reviewedAt),
        Column("actor_id", \.actorID),
    ]
}

/// One move of the status machine, at the instant it really happened (`occurred_at`).
public struct StatusEventRecord: TableRecord {
    public static let table = "status_events"

    public var id: Int64?
    public var detainerID: Int64 = 0
    public var fromStatus: DetainerStatus?
    public var toStatus: DetainerStatus = .received
    public var occurredAt = UTCInstant(secondsSinceEpoch: 0)
    public var recordedAt = UTCInstant(secondsSinceEpoch: 0)
    public var actorID: Int64 = 0
    public var note: String?
    public var afterDeadline = false
    /// Why a hold ended (a release or lift; Migrations/0010_statutory_reports.sql).
    public var cause: HoldEndCause?

    public init() {}

    static let columns: [Column<StatusEventRecord>] = [
        Column("id", \.id),
        Column("detainer_id", \.detainerID),
        Column("from_status", \.fromStatus),
        Column("to_status", \.toStatus),
        Column("occurred_at", \.occurredAt),
        Column("recorded_at", \.recordedAt),
        Column("actor_id", \.actorID),
        Column("note", \.note),
        Column("after_deadline", \.afterDeadline),
        Column("cause", \.cause),
    ]
}

extension ContactKind: TextEnumColumn {}
extension ContactDirection: TextEnumColumn {}
extension InformationType: TextEnumColumn {}
extension ResponseOutcome: TextEnumColumn {}
extension WarrantKind: TextEnumColumn {}
extension HoldEndCause: TextEnumColumn {}

/// One communication with ICE (`ice_communications`).
public struct ContactRecord: TableRecord {
    public static let table = "ice_communications"

    public var id: Int64?
    public var detainerID: Int64?
    public var personID: Int64?
    public var direction: ContactDirection = .incoming
    public var kind: ContactKind = .other
    public var infoType: InformationType?
    public var inReplyTo: Int64?
    public var facilitatedTransfer = false
    public var occurredAt = UTCInstant(secondsSinceEpoch: 0)
    public var occurredOn = CivilDate(dayNumber: 0)
    public var recordedAt = UTCInstant(secondsSinceEpoch: 0)
    public var actorID: Int64 = 0
    public var summary = ""
    public var responseOutcome: ResponseOutcome?
    /// For a `warrant` contact (migration 0009): the warrant ICE presented at `occurredAt`, after
    /// the detainer. nil on other contacts and on warrant contacts recorded before 0009.
    public var warrantType: WarrantKind?
    public var warrantIssuer: String?
    public var warrantDate: CivilDate?
    /// A provided response the clerk confirmed despite the §9-131(h) warning.
    public var confirmedDespite9131h = false
    /// The agency the contact was made with (a request about a person with no detainer has no
    /// detainer to take it from).
    public var agency: Agency?

    public init() {}

    static let columns: [Column<ContactRecord>] = [
        Column("id", \.id),
        Column("detainer_id", \.detainerID),
        Column("person_id", \.personID),
        Column("direction", \.direction),
        Column("kind", \.kind),
        Column("info_type", \.infoType),
        Column("in_reply_to", \.inReplyTo),
        Column("facilitated_transfer", \.facilitatedTransfer),
        Column("occurred_at", \.occurredAt),
        Column("occurred_on", \.occurredOn),
        Column("recorded_at", \.recordedAt),
        Column("actor_id", \.actorID),
        Column("summary", \.summary),
        Column("response_outcome", \.responseOutcome),
        Column("warrant_type", \.warrantType),
        Column("warrant_issuer", \.warrantIssuer),
        Column("warrant_date", \.warrantDate),
        Column("confirmed_despite_9_131h", \.confirmedDespite9131h),
        Column("agency", \.agency),
    ]
}

/// One corrected intake field (`detainer update`): field, old → new, why.
public struct CorrectionRecord: TableRecord {
    public static let table = "corrections"

    public var id: Int64?
    public var detainerID: Int64 = 0
    public var personID: Int64 = 0
    public var custodyCaseID: Int64 = 0
    public var field: IntakeField = .name
    public var oldValue: String?
    public var newValue: String?
    public var reason = ""
    public var correctedAt = UTCInstant(secondsSinceEpoch: 0)
    public var actorID: Int64 = 0

    public init() {}

    static let columns: [Column<CorrectionRecord>] = [
        Column("id", \.id),
        Column("detainer_id", \.detainerID),
        Column("person_id", \.personID),
        Column("custody_case_id", \.custodyCaseID),
        Column("field", \.field),
        Column("old_value", \.oldValue),
        Column("new_value", \.newValue),
        Column("reason", \.reason),
        Column("corrected_at", \.correctedAt),
        Column("actor_id", \.actorID),
    ]
}
