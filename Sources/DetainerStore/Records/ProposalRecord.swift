import DetainerDomain

/// One row of `proposals` (Migrations/0012_four_eyes_and_session_lifetime.sql): the first
/// person's act that takes effect only when a second person approves it. Pending until decided;
/// a decided row is frozen (the schema's trigger).
struct ProposalRecord: TableRecord {
    static let table = "proposals"

    var id: Int64?
    /// review, status or user (the schema's CHECK).
    var kind = ""
    var detainerID: Int64?
    var payload = JSONText(.object([:]))
    var reason = ""
    var proposedAt = UTCInstant(secondsSinceEpoch: 0)
    var proposedBy: Int64 = 0
    /// pending, approved, rejected or withdrawn (the schema's CHECK).
    var state = "pending"
    var decidedAt: UTCInstant?
    var decidedBy: Int64?
    var decisionNote: String?
    /// What the approval made: reviews, status_events or users, and its row.
    var effectTable: String?
    var effectID: Int64?

    init() {}

    static let columns: [Column<ProposalRecord>] = [
        Column("id", \.id),
        Column("kind", \.kind),
        Column("detainer_id", \.detainerID),
        Column("payload", \.payload),
        Column("reason", \.reason),
        Column("proposed_at", \.proposedAt),
        Column("proposed_by", \.proposedBy),
        Column("state", \.state),
        Column("decided_at", \.decidedAt),
        Column("decided_by", \.decidedBy),
        Column("decision_note", \.decisionNote),
        Column("effect_table", \.effectTable),
        Column("effect_id", \.effectID),
    ]
}
