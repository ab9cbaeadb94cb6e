import DetainerDomain
import SQLite

/// The office's queue: every open detainer that needs action, most urgent first (hold deadline,
/// then time received) — pending reviews, honored detainers awaiting transfer, NYPD holds
/// awaiting a warrant, honored detainers the law no longer allows, anything past its deadline.
/// What counts as needing action is the domain's `NeedRule.all` (what `Deadlines.needs` applies):
/// the SQL below is built from those rules, never written out by hand.
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
    public let agency: Agency
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
    /// Every detainer that needs action (only those past their deadline with `overdueOnly`):
    /// `detainer queue`'s list.
    public func queue(_ filter: QueueFilter) throws -> [QueueItem] {
        try queueItems(needing: Set(ActionNeed.allCases), filter, limit: nil)
    }

    /// The detainers that need at least one of `needs` (and, with `filter.overdueOnly`, are past
    /// their deadline), most urgent first, at most `limit` of them. Each item's `needs` is the
    /// domain's full answer for it (`Deadlines.needs`), so a detainer pending review and overdue
    /// says both wherever it is listed.
    public func queueItems(needing needs: Set<ActionNeed>, _ filter: QueueFilter, limit: Int?) throws -> [QueueItem] {
        let now = clock.now()
        let condition = QueueSQL.condition(needing: needs, filter, now: now)
        // Served by detainers_action_queue (migration 0007): its key is this ORDER BY, and status,
        // outcome and agency ride in it, so the scan tests the rules in the index and stops at the
        // limit; only the rows returned are looked up in the table (for the reasons and person).
        let statement = try connection.cached("""
            SELECT d.id, d.agency, p.name, d.status, d.received_at, d.outcome, d.reasons, d.hold_deadline, d.person_id
            FROM detainers AS d
            LEFT JOIN persons AS p ON p.id = d.person_id
            WHERE \(condition.sql)
            ORDER BY d.hold_deadline IS NULL, d.hold_deadline, d.received_at, d.id
            LIMIT ?
            """)
        try statement.bind(condition.parameters + [Int64(limit ?? -1)])
        return try statement.map { row in try QueueRow.item(row, now: now) }
    }

    /// How many detainers `queueItems(needing:_:limit:)` would list without a limit: one count over
    /// the same index, no table rows read.
    public func queueCount(needing needs: Set<ActionNeed>, _ filter: QueueFilter) throws -> Int {
        let condition = QueueSQL.condition(needing: needs, filter, now: clock.now())
        let statement = try connection.cached("SELECT count(*) FROM detainers AS d WHERE \(condition.sql)")
        try statement.bind(condition.parameters)
        return Int(try statement.first { $0.int64(0) } ?? 0)
    }
}

/// The queue's WHERE clause, made from the domain's `NeedRule`s. Statuses, outcomes and "now" are
/// bound parameters; the SQL text depends only on which rules are asked for, so each group's
/// statement is prepared once per connection.
enum QueueSQL {
    /// The partial index's own predicate, spelt exactly as migration 0007 spells it (SQLite uses a
    /// partial index only when the query repeats its terms). Every `NeedRule` is about open
    /// statuses (DeadlinesTests checks it), so this narrows nothing the rules would admit.
    static let openIntake = "d.origin = 'intake' AND (d.status = 'received' OR d.status = 'pendingReview' OR d.status = 'honored')"

    static func condition(needing needs: Set<ActionNeed>, _ filter: QueueFilter, now: UTCInstant) -> (sql: String, parameters: [(any SQLiteBindable)?]) {
        var parameters: [(any SQLiteBindable)?] = []
        func rule(_ rule: NeedRule) -> String {
            var terms = ["(" + rule.statuses.map { parameters.append($0.rawValue); return "d.status = ?" }.joined(separator: " OR ") + ")"]
            switch rule.outcome {
            case .any: break
            case .oneOf(let outcomes):
                terms.append("(" + outcomes.map { parameters.append($0.rawValue); return "d.outcome = ?" }.joined(separator: " OR ") + ")")
            case .noneOf(let outcomes):
                terms.append("(d.outcome IS NULL OR (" + outcomes.map { parameters.append($0.rawValue); return "d.outcome <> ?" }.joined(separator: " AND ") + "))")
            }
            if rule.pastDeadline {
                // Stored instants are fixed-width `YYYY-MM-DDTHH:MM:SSZ`: text order is time order.
                parameters.append(now.iso8601)
                terms.append("d.hold_deadline < ?")
            }
            return "(" + terms.joined(separator: " AND ") + ")"
        }
        let wanted = NeedRule.all.filter { needs.contains($0.need) }
        var clauses = [openIntake, "(" + (wanted.isEmpty ? "0" : wanted.map(rule).joined(separator: " OR ")) + ")"]
        if filter.overdueOnly, let overdue = NeedRule.all.first(where: { $0.need == .overdue }) { clauses.append(rule(overdue)) }
        if let agency = filter.agency { clauses.append("d.agency = ?"); parameters.append(agency.rawValue) }
        if let outcome = filter.outcome { clauses.append("d.outcome = ?"); parameters.append(outcome.rawValue) }
        return (clauses.joined(separator: " AND "), parameters)
    }
}

/// One queue row decoded strictly: a stored value the types do not accept is an error naming its
/// table, column and row, never a quiet default.
enum QueueRow {
    static func item(_ row: Statement, now: UTCInstant) throws -> QueueItem {
        let id = row.int64(0)
        func bad(_ table: String, _ column: String, _ value: String?) -> StoreError {
            // A person's name names the person's row (a missing person shows as row 0).
            .badStoredValue(table: table, column: column, rowID: table == "persons" ? row.int64(8) : id, value: value.map { "\"\($0.prefix(80))\"" } ?? "NULL")
        }
        func required<T>(_ index: Int32, _ column: String, table: String = "detainers", _ decode: (String) -> T?) throws -> T {
            let text = row.string(index)
            guard let text, let value = decode(text) else { throw bad(table, column, text) }
            return value
        }
        func optional<T>(_ index: Int32, _ column: String, _ decode: (String) -> T?) throws -> T? {
            guard let text = row.string(index) else { return nil }
            guard let value = decode(text) else { throw bad("detainers", column, text) }
            return value
        }
        let status: DetainerStatus = try required(3, "status", DetainerStatus.init(rawValue:))
        let outcome: Outcome? = try optional(5, "outcome", Outcome.init(rawValue:))
        let deadline: UTCInstant? = try optional(7, "hold_deadline", UTCInstant.init(parsing:))
        let reasons: [String] = try optional(6, "reasons", reasonCodes) ?? []
        return QueueItem(
            detainerID: id, agency: try required(1, "agency", Agency.init(rawValue:)),
            person: try required(2, "name", table: "persons", { $0 }),
            status: status, receivedAt: try required(4, "received_at", UTCInstant.init(parsing:)),
            outcome: outcome, reasons: reasons, holdDeadline: deadline,
            secondsLeft: deadline.map { $0.secondsSinceEpoch - now.secondsSinceEpoch },
            needs: Deadlines.needs(status: status, outcome: outcome, holdDeadline: deadline, now: now))
    }

    /// The reason codes kept on the detainer row: a JSON array of strings, nothing else.
    static func reasonCodes(_ text: String) -> [String]? {
        if let codes = canonicalCodes(text) { return codes }
        guard case .array(let values)? = JSONValue(parsing: text) else { return nil }
        var codes: [String] = []
        for value in values {
            guard case .string(let code) = value else { return nil }
            codes.append(code)
        }
        return codes
    }

    /// The form the store itself writes, `["CODE","CODE"]` with codes of A–Z, 0–9 and `_`, read
    /// without the general JSON reader (which cost a twentieth of a queue page). Anything else,
    /// valid or not, returns nil and goes to the general reader, which decides.
    static func canonicalCodes(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
        if bytes.count == 2 { return [] }
        var codes: [String] = []
        var index = 1
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] == UInt8(ascii: "_") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end])
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            guard end > start, end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
            codes.append(String(decoding: bytes[start..<end], as: UTF8.self))
            index = end + 1
            if index == bytes.count - 1 { return codes }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }
}
