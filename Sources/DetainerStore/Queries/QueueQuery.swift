import DetainerDomain
import SQLite

/// The office's queue: every open detainer that needs action, most urgent first (hold deadline,
/// then time received) — pending reviews, honored detainers awaiting transfer, NYPD holds
/// awaiting a warrant, honored detainers the law no longer allows, anything past its deadline.
/// What counts as needing action is `Deadlines.needs` (DetainerDomain), not SQL.
public struct QueueFilter: Sendable {
    public var agency: Agency?
    public var outcome: Outcome?
    public var overdueOnly = false

    public init(agency: Agency? = nil, outcome: Outcome? = nil, overdueOnly: Bool = false) {
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
    /// What the office must do, from `Deadlines.needs`; never empty for a queued item.
    public let needs: [ActionNeed]

    public var isOverdue: Bool { needs.contains(.overdue) }
    /// Honored, but the current evaluation forbids it.
    public var needsAttention: Bool { needs.contains(.attention) }
}

extension DetainerDatabase {
    public func queue(_ filter: QueueFilter) throws -> [QueueItem] {
        let now = clock.now()
        // Every open intake detainer (the partial index detainers_queue holds exactly these). The
        // reasons are the copy the store keeps on the detainer row with its current evaluation:
        // reading them from `evaluations` pulled each row's multi-KB input and result JSON in too.
        // which of them need action is decided in Swift by the domain's rules.
        let statement = try connection.prepare("""
            SELECT d.id, d.agency, p.name, d.status, d.received_at, d.outcome, d.reasons, d.hold_deadline
            FROM detainers AS d
            LEFT JOIN persons AS p ON p.id = d.person_id
            WHERE d.origin = 'intake' AND (d.status = 'received' OR d.status = 'pendingReview' OR d.status = 'honored')
              AND (?1 IS NULL OR d.agency = ?1)
              AND (?2 IS NULL OR d.outcome = ?2)
            ORDER BY d.hold_deadline IS NULL, d.hold_deadline, d.received_at, d.id
            """)
        try statement.bind([filter.agency?.rawValue, filter.outcome?.rawValue])
        var items: [QueueItem] = []
        try statement.forEachRow { row in
            let deadline = row.string(7).flatMap(UTCInstant.init(parsing:))
            let status = DetainerStatus(rawValue: row.string(3) ?? "") ?? .received
            let outcome = row.string(5).flatMap(Outcome.init(rawValue:))
            let needs = Deadlines.needs(status: status, outcome: outcome, holdDeadline: deadline, now: now)
            if needs.isEmpty || (filter.overdueOnly && !needs.contains(.overdue)) { return }
            let reasons: [String] = if case .array(let codes)? = row.string(6).flatMap(JSONValue.init(parsing:)) {
                codes.compactMap { if case .string(let code) = $0 { code } else { nil } }
            } else { [] }
            items.append(QueueItem(detainerID: row.int64(0), agency: row.string(1) ?? "", person: row.string(2) ?? "",
                                   status: status, receivedAt: UTCInstant(parsing: row.string(4) ?? "") ?? now,
                                   outcome: outcome, reasons: reasons, holdDeadline: deadline,
                                   secondsLeft: deadline.map { $0.secondsSinceEpoch - now.secondsSinceEpoch }, needs: needs))
        }
        return items
    }
}
