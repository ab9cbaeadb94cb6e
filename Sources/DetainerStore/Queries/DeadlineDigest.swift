import DetainerDomain
import SQLite

/// What is due, for each person's home page and `detainer digest` (issue 25 §2): open detainers
/// past their countdown or awaiting a decision after the scheduled release, those due within the
/// window, today's intakes (the New York date of "now"), and acts awaiting a second person. Every
/// instant comes from the database's clock, never the wall clock, so a pinned clock gives a
/// pinned digest.
public struct DeadlineDigest: Sendable {
    public let now: UTCInstant
    /// The New York date of `now`: whose intakes are "today's".
    public let today: CivilDate
    public let hours: Int
    /// Past the countdown or awaiting a decision after release, most urgent first.
    public let past: [QueueItem]
    /// Due within `hours`, soonest first.
    public let dueSoon: [QueueItem]
    public let intakesToday: [IntakeSummary]
    public let proposals: [Proposal]
    /// True when a list was cut at its limit (the queue and intake pages list the rest).
    public let truncated: Bool

    /// The most rows each list reads.
    public static let limit = 500

    /// True when nothing needs anyone now or within the window (today's intakes are news, not due).
    public var nothingDue: Bool { past.isEmpty && dueSoon.isEmpty && proposals.isEmpty }

    public var json: JSONValue {
        func item(_ i: QueueItem) -> JSONValue {
            .object(["detainerID": .int(i.detainerID), "agency": .string(i.agency.rawValue), "person": .string(i.person),
                     "status": .string(i.status.rawValue), "needs": .array(i.needs.map { .string($0.rawValue) }),
                     "reviewPastRelease": .bool(i.reviewPastRelease),
                     "countdown": .optional(i.countdown?.kind.rawValue), "due": .optional(i.countdown?.at.iso8601),
                     "secondsLeft": .optional(i.secondsLeft)])
        }
        return .object([
            "now": .string(now.iso8601), "today": .string(today.description), "hours": .int(Int64(hours)),
            "past": .array(past.map(item)), "dueSoon": .array(dueSoon.map(item)),
            "intakesToday": .array(intakesToday.map(\.json)), "proposals": .array(proposals.map(\.json)),
            "truncated": .bool(truncated),
        ])
    }
}

/// One detainer logged at intake, as the dashboards list today's.
public struct IntakeSummary: Sendable, Equatable {
    public let detainerID: Int64
    public let agency: String
    public let person: String?
    public let status: DetainerStatus
    public let receivedAt: UTCInstant
    public let outcome: Outcome?

    public var json: JSONValue {
        .object(["detainerID": .int(detainerID), "agency": .string(agency), "person": .optional(person),
                 "status": .string(status.rawValue), "receivedAt": .string(receivedAt.iso8601), "outcome": .optional(outcome?.rawValue)])
    }
}

extension Queries {
    /// The digest at the database clock's "now", over a window of `hours` (1 to 168).
    public func deadlineDigest(hours: Int = DueWindow.standardHours) throws -> DeadlineDigest {
        let now = clock.now()
        let today = now.newYorkDate
        let limit = DeadlineDigest.limit
        // The queue's order is most urgent first, so its first rows hold every past and soon row
        // unless more than `limit` are open (then `truncated` says so).
        func lists() throws -> ([QueueItem], [IntakeSummary]) {
            (try queueItems(needing: Set(ActionNeed.allCases), QueueFilter(), limit: limit + 1), try intakesReceived(on: today, limit: limit + 1))
        }
        // One snapshot for both lists, as the queue reads its groups.
        let (queue, intakes) = connection.isInTransaction ? try lists() : try connection.read { try lists() }
        let proposals = try ProposalService(store).pending(limit: limit + 1)
        var past: [QueueItem] = [], soon: [QueueItem] = []
        for item in queue.prefix(limit) {
            switch DueWindow.of(countdown: item.countdown?.at, reviewPastRelease: item.reviewPastRelease, now: now, hours: hours) {
            case .past: past.append(item)
            case .dueSoon: soon.append(item)
            case .later: break
            }
        }
        soon.sort { ($0.countdown?.at ?? now) < ($1.countdown?.at ?? now) }
        return DeadlineDigest(now: now, today: today, hours: hours, past: past, dueSoon: soon,
                              intakesToday: Array(intakes.prefix(limit)), proposals: Array(proposals.prefix(limit)),
                              truncated: queue.count > limit || intakes.count > limit || proposals.count > limit)
    }

    /// Detainers logged at intake on New York date `date`, newest first (index detainers_received_on).
    func intakesReceived(on date: CivilDate, limit: Int) throws -> [IntakeSummary] {
        let statement = try connection.cached("""
            SELECT d.id, d.agency, p.name, d.status, d.received_at, d.outcome
            FROM detainers AS d LEFT JOIN persons AS p ON p.id = d.person_id
            WHERE d.received_on = ? AND d.origin = 'intake'
            ORDER BY d.received_at DESC, d.id DESC LIMIT ?
            """)
        try statement.bind([date.description, Int64(limit)] as [(any SQLiteBindable)?])
        return try statement.map { row in
            let id = row.int64(0)
            func bad(_ column: String, _ text: String?) -> StoreError {
                .badStoredValue(table: "detainers", column: column, rowID: id, value: text.map { "\"\($0.prefix(80))\"" } ?? "NULL")
            }
            guard let status = row.string(3).flatMap(DetainerStatus.init(rawValue:)) else { throw bad("status", row.string(3)) }
            guard let received = row.string(4).flatMap(UTCInstant.init(parsing:)) else { throw bad("received_at", row.string(4)) }
            var outcome: Outcome?
            if let text = row.string(5) {
                guard let value = Outcome(rawValue: text) else { throw bad("outcome", text) }
                outcome = value
            }
            return IntakeSummary(detainerID: id, agency: row.string(1) ?? "", person: row.string(2), status: status, receivedAt: received, outcome: outcome)
        }
    }
}
