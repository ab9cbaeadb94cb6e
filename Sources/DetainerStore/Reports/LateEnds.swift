import DetainerDomain
import SQLite

extension ReportService {
    /// Holds that ended after their deadline, by agency and "all": detainers transferred or
    /// released (closed) between `from` and `to` whose closing move was recorded as a late end of
    /// a hold (`status_events.after_deadline`, decided when the move was made by
    /// `Deadlines.holdEndedLate`: only an honored or held detainer is a hold). A detainer never
    /// honored has no hold to end late, even when its person left after the stored deadline (a
    /// decline counts down to the scheduled release): re-deriving lateness from the stored
    /// deadline here counted those as late holds.
    func lateEnds(from: CivilDate, to: CivilDate, agency: String? = nil, includeExternal: Bool) throws -> [String: Int] {
        let statement = try connection.prepare("""
            SELECT d.agency FROM detainers d
            WHERE (d.status = 'transferred' OR d.status = 'released') AND d.hold_deadline IS NOT NULL
              AND d.closed_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR d.agency = ?3)
              AND EXISTS (SELECT 1 FROM status_events e
                          WHERE e.detainer_id = d.id AND e.to_status = d.status AND e.after_deadline = 1)
            """)
        try statement.bind([from.description, to.description, agency])
        var counts: [String: Int] = [:]
        try statement.forEachRow { r in
            let agency = r.string(0)
            if agency == nil && !includeExternal { return }
            counts[agency ?? "other", default: 0] += 1
            counts["all", default: 0] += 1
        }
        return counts
    }
}
