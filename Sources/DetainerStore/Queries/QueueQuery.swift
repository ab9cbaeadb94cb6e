import DetainerDomain
import SQLite

/// The supervisor's review queue: open detainers awaiting a decision, most urgent first (hold
/// deadline, then time received). Honored detainers whose latest evaluation now says decline
/// are included and flagged: the law no longer allows the hold.
public struct QueueFilter: Sendable {
    public var agency: String?
    public var outcome: Outcome?
    public var overdueOnly = false

    public init(agency: String? = nil, outcome: Outcome? = nil, overdueOnly: Bool = false) {
        self.agency = agency
        self.outcome = outcome
        self.overdueOnly = overdueOnly
    }
}

public struct QueueItem: Sendable {
    public let detainerID: Int64
    public let agency: String
    public let person: String
    public let status: DetainerStatus
    public let receivedAt: UTCInstant
    public let outcome: Outcome?
    public let reasons: [String]
    public let holdDeadline: UTCInstant?
    /// Seconds until the hold deadline (negative when overdue); nil without a release time.
    public let secondsLeft: Int64?

    public var isOverdue: Bool { (secondsLeft ?? 1) < 0 }
    /// Honored, but the current evaluation forbids it.
    public var needsAttention: Bool { status == .honored && outcome == .decline }
}

extension DetainerDatabase {
    /// `limit`: the most urgent entries only (the web queue shows a page; the CLI lists all).
    public func queue(_ filter: QueueFilter, limit: Int? = nil) throws -> [QueueItem] {
        let now = clock.now()
        let statement = try connection.prepare("""
            SELECT d.id, d.agency, p.name, d.status, d.received_at, d.outcome, e.reasons, d.hold_deadline
            FROM detainers AS d
            LEFT JOIN persons AS p ON p.id = d.person_id
            LEFT JOIN evaluations AS e ON e.id = d.evaluation_id
            WHERE d.origin = 'intake'
              -- Implied by the next line; spelt as the partial index detainers_queue spells it so
              -- SQLite uses the index instead of scanning every imported row.
              AND (d.status = 'received' OR d.status = 'pendingReview' OR d.status = 'honored')
              AND (d.status IN ('received', 'pendingReview') OR (d.status = 'honored' AND d.outcome = 'decline'))
              AND (?1 IS NULL OR d.agency = ?1)
              AND (?2 IS NULL OR d.outcome = ?2)
              AND (?3 = 0 OR (d.hold_deadline IS NOT NULL AND d.hold_deadline < ?4))
            ORDER BY d.hold_deadline IS NULL, d.hold_deadline, d.received_at, d.id
            LIMIT ?5
            """)
        try statement.bind([filter.agency, filter.outcome?.rawValue, filter.overdueOnly, now.iso8601, limit ?? -1])
        return try statement.map { row in
            let deadline = row.string(7).flatMap(UTCInstant.init(parsing:))
            let reasons: [String] = if case .array(let codes)? = row.string(6).flatMap(JSONValue.init(parsing:)) {
                codes.compactMap { if case .string(let code) = $0 { code } else { nil } }
            } else { [] }
            return QueueItem(detainerID: row.int64(0), agency: row.string(1) ?? "", person: row.string(2) ?? "",
                             status: DetainerStatus(rawValue: row.string(3) ?? "") ?? .received,
                             receivedAt: UTCInstant(parsing: row.string(4) ?? "") ?? now,
                             outcome: row.string(5).flatMap(Outcome.init(rawValue:)), reasons: reasons,
                             holdDeadline: deadline, secondsLeft: deadline.map { $0.secondsSinceEpoch - now.secondsSinceEpoch })
        }
    }
}
