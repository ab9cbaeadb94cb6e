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
    /// Seconds until the countdown (`countdown`: the hold deadline, or the scheduled release when
    /// there is no lawful hold), negative when overdue; nil without a release time.
    public let secondsLeft: Int64?
    /// What the office must do, from `Deadlines.needs`; never empty for a queued item.
    public let needs: [ActionNeed]
    /// No criminal-history search on record (`HistorySearch`): "record search pending".
    public var searchPending = false
    /// The person's scheduled release from the custody case, when known.
    public var scheduledRelease: UTCInstant? = nil
    /// What the row's countdown runs to: the scheduled release for a decline (no lawful hold),
    /// else the hold deadline (`Countdown.of`).
    public var countdown: Countdown? = nil
    /// Awaiting a decision and past the scheduled release: the most urgent kind of row.
    public var reviewPastRelease = false

    public var isOverdue: Bool { needs.contains(.overdue) }
    /// Honored, but the current evaluation forbids it.
    public var needsAttention: Bool { needs.contains(.attention) }
    /// An NYPD hold past its deadline without a judicial warrant: release now (§14-154(b)(2)).
    public var releaseNow: Bool { needs.contains(.release) }
}

extension Queries {
    /// Every detainer that needs action (only those past their deadline with `overdueOnly`):
    /// `detainer queue`'s list.
    public func queue(_ filter: QueueFilter) throws -> [QueueItem] {
        try queueItems(needing: Set(ActionNeed.allCases), filter, limit: nil)
    }

    /// The detainers that need at least one of `needs` (and, with `filter.overdueOnly`, are past
    /// their deadline), most urgent first, at most `limit` of them. Each item's `needs` is the
    /// domain's full answer for it (`Deadlines.needs`), so a detainer pending review and overdue
    /// says both wherever it is listed.
    ///
    /// One bounded query per queue cell (`QueueSQL.cells`), each a walk of one range of
    /// detainers_queue_cells in queue order that stops at the limit, merged here in that order.
    public func queueItems(needing needs: Set<ActionNeed>, _ filter: QueueFilter, limit: Int?) throws -> [QueueItem] {
        let now = clock.now()
        var items: [QueueItem] = []
        for cell in QueueSQL.cells(needing: needs, filter) {
            let query = QueueSQL.query(cell, filter, now: now)
            let statement = try connection.cached(QueueSQL.listing(cell, where: query.sql))
            try statement.bind(query.parameters + [Int64(limit ?? -1)])
            items += try statement.map { row in try QueueRow.item(row, now: now) }
        }
        // Each cell came back in queue order; cells are disjoint (one status, one outcome each).
        items.sort(by: QueueRow.isMoreUrgent)
        return limit.map { Array(items.prefix($0)) } ?? items
    }

    /// How many detainers `queueItems(needing:_:limit:)` would list without a limit: one index
    /// count per cell, no table rows read. On a read-only connection (the server's readers) a
    /// cell's count is kept until another connection commits (`QueueCountCache`).
    public func queueCount(needing needs: Set<ActionNeed>, _ filter: QueueFilter) throws -> Int {
        connection.isInTransaction ? try countCells(needs, filter) : try connection.read { try countCells(needs, filter) }
    }

    private func countCells(_ needs: Set<ActionNeed>, _ filter: QueueFilter) throws -> Int {
        let now = clock.now()
        // The version of the snapshot the counts below read.
        let version = connection.options.mode == .readOnly ? try connection.dataVersion() : nil
        var total: Int64 = 0
        for cell in QueueSQL.cells(needing: needs, filter) {
            let query = QueueSQL.query(cell, filter, now: now)
            func count() throws -> Int64 {
                let statement = try connection.cached(QueueSQL.counting(where: query.sql))
                try statement.bind(query.parameters)
                return try statement.first { $0.int64(0) } ?? 0
            }
            if let version, !cell.pastDeadline, !cell.beforeDeadline {
                total += try store.queueCounts.count(cell.key(filter), version: version, count)
            } else {
                total += try count()
            }
        }
        return Int(total)
    }
}

/// The queue's SQL, made from the domain's `NeedRule`s. A rule names statuses and an outcome test,
/// so every rule is a union of cells, one per (status, outcome) pair, and each cell is one range
/// of the index detainers_queue_cells (migration 0008), whose key after status and outcome is the
/// queue's order. A cell is read by seeking to its range and walking it in order to the limit;
/// an empty cell costs one seek. Statuses, outcomes and "now" are bound parameters; the SQL text
/// depends only on the cell's shape (no outcome, past-deadline only, agency filter), so each
/// shape's statement is prepared once per connection.
enum QueueSQL {
    /// The partial index's own predicate, spelt exactly as migration 0008 spells it (SQLite uses a
    /// partial index only when the query repeats its terms). Every `NeedRule` is about open
    /// statuses (DeadlinesTests checks it), so this narrows nothing the rules would admit.
    static let openIntake = "d.origin = 'intake' AND (d.status = 'received' OR d.status = 'pendingReview' OR d.status = 'honored' OR d.status = 'held')"
    /// The queue's order: hold deadline (none last), time received, id; the index's key order.
    static let order = "d.hold_deadline IS NULL, d.hold_deadline, d.received_at, d.id"
    /// The same order for a past-deadline cell, whose rows all have a deadline. Written without
    /// the `IS NULL` term so SQLite sees the index order behind the deadline range.
    static let pastDeadlineOrder = "d.hold_deadline, d.received_at, d.id"

    /// A cell's rows in queue order, at most `LIMIT ?` of them (-1: all), with the person's name.
    static func listing(_ cell: Cell, where condition: String) -> String {
        """
        SELECT d.id, d.agency, p.name, d.status, d.received_at, d.outcome, d.reasons, d.hold_deadline, d.person_id, c.scheduled_release_at,
               \(HistorySearch.pendingSQL("d"))
        FROM detainers AS d
        LEFT JOIN persons AS p ON p.id = d.person_id
        LEFT JOIN custody_cases AS c ON c.id = d.custody_case_id
        WHERE \(condition)
        ORDER BY \(cell.pastDeadline ? pastDeadlineOrder : order)
        LIMIT ?
        """
    }

    /// How many rows a cell holds: a count over its index range.
    static func counting(where condition: String) -> String {
        "SELECT count(*) FROM detainers AS d WHERE \(condition)"
    }

    /// One (status, outcome) pair to list; with `pastDeadline`, only its rows past the deadline.
    struct Cell: Equatable {
        let status: DetainerStatus
        let outcome: Outcome?
        let pastDeadline: Bool
        /// Only its rows whose deadline has not passed (or that have none); depends on the clock.
        var beforeDeadline = false

        /// What the cell's count depends on, apart from the data (and the clock, for a
        /// past-deadline cell, which is never kept).
        func key(_ filter: QueueFilter) -> String {
            "\(status.rawValue) \(outcome?.rawValue ?? "-") \(filter.agency?.rawValue ?? "-")"
        }
    }

    /// The cells whose rows need one of `needs` (and pass the filter's outcome and, with
    /// `overdueOnly`, the overdue rule). A cell is listed whole when a wanted rule applies to it
    /// without a deadline condition, and only past its deadline when every rule that applies to
    /// it needs the deadline passed.
    static func cells(needing needs: Set<ActionNeed>, _ filter: QueueFilter) -> [Cell] {
        let wanted = NeedRule.all.filter { needs.contains($0.need) }
        let overdue = NeedRule.all.filter { $0.need == .overdue }
        let outcomes: [Outcome?] = filter.outcome.map { [$0] } ?? [nil] + Outcome.allCases
        var cells: [Cell] = []
        for status in DetainerStatus.allCases where status.isOpen {
            for outcome in outcomes {
                func applying(_ rules: [NeedRule]) -> [NeedRule] {
                    rules.filter { $0.statuses.contains(status) && $0.outcome.admits(outcome) }
                }
                let rules = applying(wanted)
                guard !rules.isEmpty else { continue }
                var pastDeadline = rules.allSatisfy(\.pastDeadline)
                var beforeDeadline = rules.allSatisfy(\.beforeDeadline)
                if filter.overdueOnly {
                    // Rules that hold only before the deadline never meet an overdue row.
                    guard !applying(overdue).isEmpty, !beforeDeadline else { continue }
                    pastDeadline = true
                }
                cells.append(Cell(status: status, outcome: outcome, pastDeadline: pastDeadline, beforeDeadline: beforeDeadline))
            }
        }
        return cells
    }

    /// The WHERE clause for one cell: the index's predicate, the cell's equalities, the deadline
    /// range for a past-deadline cell, and the agency filter (agency rides in the index).
    static func query(_ cell: Cell, _ filter: QueueFilter, now: UTCInstant) -> (sql: String, parameters: [(any SQLiteBindable)?]) {
        var clauses = [openIntake, "d.status = ?"]
        var parameters: [(any SQLiteBindable)?] = [cell.status.rawValue]
        if let outcome = cell.outcome {
            clauses.append("d.outcome = ?")
            parameters.append(outcome.rawValue)
        } else {
            clauses.append("d.outcome IS NULL")
        }
        if cell.pastDeadline {
            // Stored instants are fixed-width `YYYY-MM-DDTHH:MM:SSZ`: text order is time order.
            // The `IS NULL` term is the index's third key column, fixed so the range can follow.
            clauses.append("(d.hold_deadline IS NULL) = 0 AND d.hold_deadline < ?")
            parameters.append(now.iso8601)
        } else if cell.beforeDeadline {
            clauses.append("(d.hold_deadline IS NULL OR d.hold_deadline >= ?)")
            parameters.append(now.iso8601)
        }
        if let agency = filter.agency {
            clauses.append("d.agency = ?")
            parameters.append(agency.rawValue)
        }
        return (clauses.joined(separator: " AND "), parameters)
    }
}

/// One queue row decoded strictly: a stored value the types do not accept is an error naming its
/// table, column and row, never a quiet default.
enum QueueRow {
    /// The queue's order (`QueueSQL.order`) on decoded items: a detainer awaiting a decision past
    /// the person's scheduled release first (issue 25 §2); then deadline, none last; then time
    /// received; then id. Within one cell the hold deadline grows with the release, so the rows
    /// past release lead each cell and merging each cell's first rows stays exact.
    static func isMoreUrgent(_ a: QueueItem, _ b: QueueItem) -> Bool {
        if a.reviewPastRelease != b.reviewPastRelease { return a.reviewPastRelease }
        switch (a.holdDeadline, b.holdDeadline) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.receivedAt != b.receivedAt ? a.receivedAt < b.receivedAt : a.detainerID < b.detainerID
        }
    }

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
        let release: UTCInstant? = try optionalCustody(row, id: id)
        let countdown = Countdown.of(status: status, outcome: outcome, holdDeadline: deadline, scheduledRelease: release)
        var item = QueueItem(
            detainerID: id, agency: try required(1, "agency", Agency.init(rawValue:)),
            person: try required(2, "name", table: "persons", { $0 }),
            status: status, receivedAt: try required(4, "received_at", UTCInstant.init(parsing:)),
            outcome: outcome, reasons: reasons, holdDeadline: deadline,
            secondsLeft: countdown?.secondsLeft(now: now),
            needs: Deadlines.needs(status: status, outcome: outcome, holdDeadline: deadline, now: now),
            searchPending: row.int64(10) == 1)
        item.scheduledRelease = release
        item.countdown = countdown
        item.reviewPastRelease = Deadlines.reviewPastRelease(status: status, scheduledRelease: release, now: now)
        return item
    }

    /// The custody case's scheduled release (column 9), strictly decoded.
    static func optionalCustody(_ row: Statement, id: Int64) throws -> UTCInstant? {
        guard let text = row.string(9) else { return nil }
        guard let instant = UTCInstant(parsing: text) else {
            throw StoreError.badStoredValue(table: "custody_cases", column: "scheduled_release_at", rowID: id, value: "\"\(text.prefix(80))\"")
        }
        return instant
    }

    /// The reason codes kept on the detainer row: a JSON array of strings, nothing else.
    static func reasonCodes(_ text: String) -> [String]? {
        guard case .array(let values)? = JSONValue(parsing: text) else { return nil }
        var codes: [String] = []
        for value in values {
            guard case .string(let code) = value else { return nil }
            codes.append(code)
        }
        return codes
    }
}
