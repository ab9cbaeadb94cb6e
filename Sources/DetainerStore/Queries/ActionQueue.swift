import DetainerDomain
import SQLite

/// Everything in the office that needs someone to act, for the web home page and
/// `GET /api/v1/queue`: the review queue (as `detainer queue`) plus the holds that are running.
/// Each list is most urgent first (hold deadline, then time received).
public struct ActionQueue: Sendable {
    /// Awaiting a supervisor's review (exactly `detainer queue`'s list).
    public let pendingReview: [QueueItem]
    /// Honored and still in city custody: ICE must take custody before the deadline.
    public let awaitingTransfer: [QueueItem]
    /// NYPD holds the engine allowed for 48 business hours while ICE obtains a judicial warrant.
    public let holdsPendingWarrant: [QueueItem]
    /// Open detainers whose hold deadline has passed.
    public let pastDeadline: [QueueItem]
    /// The most rows returned per list; `truncated` says when a list was cut.
    public static let limit = 500
    public let truncated: Bool
}

extension DetainerDatabase {
    public func actionQueue(_ filter: QueueFilter) throws -> ActionQueue {
        let review = try queue(filter, limit: ActionQueue.limit)
        let transfer = try openItems(.awaitingTransfer, filter)
        let holds = try openItems(.holdsPendingWarrant, filter)
        let past = try openItems(.pastDeadline, filter)
        return ActionQueue(pendingReview: Array(review.prefix(ActionQueue.limit)), awaitingTransfer: transfer, holdsPendingWarrant: holds,
                           pastDeadline: past,
                           truncated: [review.count, transfer.count, holds.count, past.count].contains { $0 >= ActionQueue.limit })
    }

    private enum OpenScope {
        case awaitingTransfer, holdsPendingWarrant, pastDeadline

        /// Fixed SQL predicates (no input is ever spliced in; values are bound). Open statuses are
        /// spelt exactly as the partial index detainers_queue spells them (an IN-list is not
        /// matched to it, and the page then scanned every imported row).
        static let open = "(d.status = 'received' OR d.status = 'pendingReview' OR d.status = 'honored')"
        var predicate: String {
            switch self {
            case .awaitingTransfer: return "d.status = 'honored'"
            case .holdsPendingWarrant: return "d.outcome = 'holdPendingWarrant' AND \(Self.open)"
            case .pastDeadline: return "d.hold_deadline IS NOT NULL AND d.hold_deadline < ?3 AND \(Self.open)"
            }
        }
    }

    private func openItems(_ scope: OpenScope, _ filter: QueueFilter) throws -> [QueueItem] {
        let now = clock.now()
        let statement = try connection.prepare("""
            SELECT d.id, d.agency, p.name, d.status, d.received_at, d.outcome, e.reasons, d.hold_deadline
            FROM detainers AS d
            LEFT JOIN persons AS p ON p.id = d.person_id
            LEFT JOIN evaluations AS e ON e.id = d.evaluation_id
            WHERE d.origin = 'intake' AND \(scope.predicate)
              AND (?1 IS NULL OR d.agency = ?1)
              AND (?2 IS NULL OR d.outcome = ?2)
              AND ?3 IS NOT NULL
            ORDER BY d.hold_deadline IS NULL, d.hold_deadline, d.received_at, d.id
            LIMIT \(ActionQueue.limit)
            """)
        try statement.bind([filter.agency, filter.outcome?.rawValue, now.iso8601])
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
