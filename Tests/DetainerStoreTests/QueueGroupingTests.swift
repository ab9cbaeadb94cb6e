import DetainerDomain
@testable import DetainerStore
import SQLite
import Testing
import TestSupport

/// The queue's SQL is built from the domain's `NeedRule`s; these tests hold it to `Deadlines.needs`
/// row by row, on every status × outcome × deadline combination, with each filter.
@Suite struct QueueGroupingTests {
    let dir = TemporaryDirectory()
    static let now = "2026-03-02T15:00:00Z"

    struct Row { let id: Int64; let agency: Agency; let status: DetainerStatus; let outcome: Outcome?; let deadline: UTCInstant? }

    /// 120 intake detainers (8 statuses × 5 outcomes incl. none × no / past / future deadline),
    /// agencies taking turns; status, outcome and deadline set in place after intake.
    func office() throws -> (DetainerDatabase, [Row]) {
        let db = try dir.database(now: Self.now)
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        let sam = try db.accounts.authorize("sam", for: .intake)
        let deadlines: [UTCInstant?] = [nil, UTCInstant(parsing: "2026-03-01T15:00:00Z"), UTCInstant(parsing: "2026-03-04T15:00:00Z")]
        let outcomes: [Outcome?] = [nil] + Outcome.allCases
        var rows: [Row] = []
        var n = 0
        for status in DetainerStatus.allCases {
            for outcome in outcomes {
                for deadline in deadlines {
                    n += 1
                    let agency = Agency.allCases[n % Agency.allCases.count]
                    let request = IntakeRequest(person: .init(name: "Person \(n)", nysid: String(format: "%08dK", n)),
                                                custody: .init(agency: agency.rawValue, bookingNumber: "B-\(n)", arrestDate: "2026-02-20"))
                    let id = try IntakeService(db).intake(request, by: sam).detainerID
                    try db.connection.run("""
                        UPDATE detainers SET status = ?, outcome = ?, hold_deadline = ?,
                            closed_on = CASE WHEN ? THEN '2026-03-01' END WHERE id = ?
                        """, status.rawValue, outcome?.rawValue, deadline?.iso8601, !status.isOpen, id)
                    rows.append(Row(id: id, agency: agency, status: status, outcome: outcome, deadline: deadline))
                }
            }
        }
        return (db, rows)
    }

    /// What the queue must list for `needs` under `filter`, worked out in Swift alone.
    func expected(_ rows: [Row], _ needs: Set<ActionNeed>, _ filter: QueueFilter) -> [Int64] {
        let now = UTCInstant(parsing: Self.now)!
        return rows.filter { row in
            let found = Deadlines.needs(status: row.status, outcome: row.outcome, holdDeadline: row.deadline, now: now)
            return !needs.isDisjoint(with: found) && (!filter.overdueOnly || found.contains(.overdue))
                && (filter.agency.map { $0 == row.agency } ?? true) && (filter.outcome.map { $0 == row.outcome } ?? true)
        }
        .sorted { a, b in
            // The queue's order: deadline (none last), then time received (all equal here), then id.
            switch (a.deadline, b.deadline) {
            case let (x?, y?) where x != y: return x.secondsSinceEpoch < y.secondsSinceEpoch
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.id < b.id
            }
        }
        .map(\.id)
    }

    @Test func sqlGroupingEqualsTheDomainRules() throws {
        let (db, rows) = try office()
        let filters = [QueueFilter(), QueueFilter(overdueOnly: true)]
            + Agency.allCases.map { QueueFilter(agency: $0) } + Outcome.allCases.map { QueueFilter(outcome: $0) }
        for filter in filters {
            for group in ActionQueue.Group.allCases {
                let got = try db.queries.queueItems(needing: group.needs, filter, limit: nil).map(\.detainerID), want = expected(rows, group.needs, filter)
                #expect(got == want, "\(group) \(filter): extra \(Set(got).subtracting(want).sorted()) missing \(Set(want).subtracting(got).sorted())")
                #expect(try db.queries.queueCount(needing: group.needs, filter) == expected(rows, group.needs, filter).count)
            }
            let all = try db.queries.queue(filter)
            #expect(all.map(\.detainerID) == expected(rows, Set(ActionNeed.allCases), filter))
            let now = UTCInstant(parsing: Self.now)!
            for item in all {
                let row = try #require(rows.first { $0.id == item.detainerID })
                #expect(item.needs == Deadlines.needs(status: row.status, outcome: row.outcome, holdDeadline: row.deadline, now: now))
                #expect(item.agency == row.agency)
            }
        }
        // Open rows only; nothing closed ever queued.
        #expect(try db.queries.queue(QueueFilter()).allSatisfy(\.status.isOpen))
    }

    @Test func namedCasesLandInTheirGroups() throws {
        let (db, rows) = try office()
        let queue = try db.queries.actionQueue(QueueFilter())
        let past = UTCInstant(parsing: "2026-03-01T15:00:00Z")
        func id(_ status: DetainerStatus, _ outcome: Outcome?, _ deadline: UTCInstant?) -> Int64 {
            rows.first { $0.status == status && $0.outcome == outcome && $0.deadline == deadline }!.id
        }
        // Pending review and overdue: in both groups.
        let overdueReview = id(.pendingReview, .permitted, past)
        #expect(queue.pendingReview.contains { $0.detainerID == overdueReview })
        #expect(queue.pastDeadline.contains { $0.detainerID == overdueReview })
        // Honored but the law now says decline: attention, listed with the honored.
        let forbidden = try #require(queue.awaitingTransfer.first { $0.detainerID == id(.honored, .decline, nil) })
        #expect(forbidden.needsAttention && forbidden.needs == [.attention])
        // NYPD-style hold pending a warrant, reviewed or not.
        #expect(queue.holdsPendingWarrant.contains { $0.detainerID == id(.honored, .holdPendingWarrant, nil) })
        #expect(queue.holdsPendingWarrant.contains { $0.detainerID == id(.received, .holdPendingWarrant, nil) })
        #expect(!queue.awaitingTransfer.contains { $0.detainerID == id(.honored, .holdPendingWarrant, nil) })
        // Group sizes are the domain's counts, and nothing was cut at this size.
        for group in ActionQueue.Group.allCases {
            #expect(queue.total(group) == expected(rows, group.needs, QueueFilter()).count)
        }
        #expect(!queue.truncated)
    }

    @Test func aLongGroupShowsItsMostUrgentAndItsTotal() throws {
        let (db, _) = try office()
        let sam = try db.accounts.authorize("sam", for: .intake)
        for n in 1...ActionQueue.limit {
            _ = try IntakeService(db).intake(IntakeRequest(person: .init(name: "Extra \(n)", nysid: String(format: "%08dX", n)),
                                            custody: .init(agency: "DOC", bookingNumber: "X-\(n)", arrestDate: "2026-02-20")), by: sam)
        }
        let queue = try db.queries.actionQueue(QueueFilter())
        let all = try db.queries.queueItems(needing: [.review], QueueFilter(), limit: nil)
        #expect(all.count > ActionQueue.limit)
        #expect(queue.pendingReview.map(\.detainerID) == all.prefix(ActionQueue.limit).map(\.detainerID))
        #expect(queue.total(.pendingReview) == all.count)
        #expect(queue.truncated)
    }

    /// Every statement the queue runs seeks into detainers_queue_cells and reads it in the
    /// queue's order: no scan of the open backlog and no sort, whatever the group and filter.
    @Test func everyCellIsOneOrderedIndexRange() throws {
        let db = try dir.database(now: Self.now)
        let now = UTCInstant(parsing: Self.now)!
        let filters = [QueueFilter(), QueueFilter(overdueOnly: true), QueueFilter(agency: .nypd), QueueFilter(outcome: .needsReview)]
        var shapes = 0
        for filter in filters {
            for group in ActionQueue.Group.allCases {
                let cells = QueueSQL.cells(needing: group.needs, filter)
                // An outcome filter can rule a group out (no hold pending a warrant says needsReview),
                // and so can --overdue the holds waiting for a warrant (only before their deadline).
                if filter.outcome == nil, !(filter.overdueOnly && group == .holdsPendingWarrant) { #expect(!cells.isEmpty) }
                for cell in cells {
                    let query = QueueSQL.query(cell, filter, now: now)
                    for sql in [QueueSQL.listing(cell, where: query.sql), QueueSQL.counting(where: query.sql)] {
                        let plan = try db.connection.prepare("EXPLAIN QUERY PLAN " + sql).map { $0.string(3) ?? "" }
                        let table = plan.filter { $0.contains(" d ") || $0.hasSuffix(" d") }
                        #expect(table.count == 1 && table[0].hasPrefix("SEARCH d USING") && table[0].contains("INDEX detainers_queue_cells (status=? AND outcome=?"), "\(sql)\n\(plan)")
                        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(sql)\n\(plan)")
                        shapes += 1
                    }
                }
            }
        }
        #expect(shapes > 0)
    }

    /// A read-only connection keeps its cell counts between pages (the server's readers) and
    /// drops them as soon as another connection commits: every total stays the domain's count.
    @Test func countsKeptOnAReaderFollowEveryCommit() throws {
        let (db, rows) = try office()
        let reader = try DetainerDatabase.open(path: db.path, access: .read, clock: db.clock)
        let sam = try db.accounts.authorize("sam", for: .intake)
        func totals(_ on: DetainerDatabase) throws -> [Int] {
            try ActionQueue.Group.allCases.map { try on.queries.queueCount(needing: $0.needs, QueueFilter()) }
        }
        let before = try totals(reader)
        #expect(before == ActionQueue.Group.allCases.map { expected(rows, $0.needs, QueueFilter()).count })
        #expect(try totals(reader) == before)
        // Another connection commits: a new pending review, then one of them honored.
        _ = try IntakeService(db).intake(IntakeRequest(person: .init(name: "Late Arrival", nysid: "99999999Z"),
                                                       custody: .init(agency: "DOC", bookingNumber: "LATE-1", arrestDate: "2026-02-20")), by: sam)
        #expect(try totals(reader) == totals(db))
        #expect(try reader.queries.queueCount(needing: [.review], QueueFilter()) == before[0] + 1)
        let reviewed = rows.first { $0.status == .pendingReview && $0.outcome == .permitted && $0.deadline == nil }!.id
        try db.connection.run("UPDATE detainers SET status = 'honored' WHERE id = ?", reviewed)
        #expect(try totals(reader) == totals(db))
        #expect(try reader.queries.queueCount(needing: [.review], QueueFilter()) == before[0])
        // Inside one read transaction the page's lists and totals agree.
        let page = try reader.queries.actionQueue(QueueFilter())
        #expect(try ActionQueue.Group.allCases.map { page.total($0) } == totals(db))
    }

    @Test func badStoredValuesAreErrorsNamingTheirRow() throws {
        let (db, rows) = try office()
        let target = rows.first { $0.status == .pendingReview && $0.deadline == nil }!.id
        try db.connection.run("UPDATE detainers SET hold_deadline = 'soon' WHERE id = ?", target)
        #expect(throws: StoreError.badStoredValue(table: "detainers", column: "hold_deadline", rowID: target, value: "\"soon\"")) {
            try db.queries.queue(QueueFilter())
        }
        try db.connection.run("UPDATE detainers SET hold_deadline = NULL, reasons = '[1]' WHERE id = ?", target)
        #expect(throws: StoreError.badStoredValue(table: "detainers", column: "reasons", rowID: target, value: "\"[1]\"")) {
            try db.queries.actionQueue(QueueFilter())
        }
        try db.connection.run("UPDATE detainers SET reasons = NULL, received_at = 'yesterday' WHERE id = ?", target)
        #expect(throws: StoreError.badStoredValue(table: "detainers", column: "received_at", rowID: target, value: "\"yesterday\"")) {
            try db.queries.queue(QueueFilter())
        }
    }
}
