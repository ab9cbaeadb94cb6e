import DetainerDomain
import SQLite

/// Issue 25 §2 for the records made before it: a detainer the engine declines has no lawful hold,
/// so its stored deadline is the scheduled release (`HoldDeadline.forEvaluation`), and the queue's
/// order, its overdue test, the dashboards and the digest read that stored column. An open decline
/// evaluated before the rule still stores release + 48 business hours until its next evaluation.
///
/// `init` realigns them in one audited, signed write (after migration 0014, and again on any later
/// `init` that finds one): each row changed is fingerprinted into that entry, so `check` and the
/// audit chain stay valid. Rewriting them in the migration's SQL would change fingerprinted rows
/// behind the audit log's back and `check` would name every one as "changed outside detainer".
/// Closed detainers keep their stored deadline: they are history the published reports were made
/// from, and nothing counts down on them.
extension DetainerDatabase {
    /// An open detainer whose stored deadline disagrees with its latest evaluation's decline.
    public struct StaleDeclineDeadline: Sendable, Equatable {
        public let detainerID: Int64
        public let stored: UTCInstant?
        /// The scheduled release the evaluation read: what the deadline is now.
        public let release: UTCInstant?
    }

    /// The open, declined-by-the-engine detainers whose stored deadline is not their scheduled
    /// release (the release the latest evaluation read, as `recordEvaluation` stores it).
    /// Imported rows are left alone (their fingerprint is the import's).
    public func staleDeclineDeadlines() throws -> [StaleDeclineDeadline] {
        let open = DetainerStatus.open.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let statement = try connection.prepare("""
            SELECT d.id, d.hold_deadline, e.input_json ->> '$.releaseAt'
            FROM detainers AS d JOIN evaluations AS e ON e.id = d.evaluation_id
            WHERE d.outcome = 'decline' AND d.import_id IS NULL AND d.status IN (\(open))
            ORDER BY d.id
            """)
        var stale: [StaleDeclineDeadline] = []
        try statement.forEachRow { r in
            let stored = r.string(1).flatMap(UTCInstant.init(parsing:))
            let release = r.string(2).flatMap(UTCInstant.init(parsing:))
            let deadline = HoldDeadline.forEvaluation(outcome: .decline, warrantlessDeadline: nil, scheduledRelease: release)
            if deadline?.iso8601 != r.string(1) {
                stale.append(StaleDeclineDeadline(detainerID: r.int64(0), stored: stored, release: deadline))
            }
        }
        return stale
    }

    /// Sets each stale decline's deadline to its scheduled release in one audited write (none
    /// when there is nothing to change). Returns what was changed.
    @discardableResult
    public func realignDeclineDeadlines() throws -> [StaleDeclineDeadline] {
        guard !(try staleDeclineDeadlines()).isEmpty else { return [] }
        return try audited(actor: .bootstrap, action: "detainer.deadline_realign", entity: "detainer") { context in
            // Read again inside the write: another process may have re-evaluated one meanwhile.
            let stale = try staleDeclineDeadlines()
            for row in stale {
                try DetainerRecord.update(id: row.detainerID, set: ["hold_deadline": row.release?.iso8601], in: context)
            }
            context.details = [
                "reason": "issue 25 §2: a decline has no lawful hold; its deadline is the scheduled release, not release + 48 business hours",
                "detainers": .array(stale.map { ["id": .int($0.detainerID), "from": .optional($0.stored?.iso8601), "to": .optional($0.release?.iso8601)] }),
            ]
            return stale
        }
    }
}
