import DetainerDomain
import SQLite

extension ReportService {
    /// Holds that ended after their deadline, by agency and "all": detainers transferred or
    /// released (closed) between `from` and `to` whose end came after the hold deadline, by
    /// `Deadlines.endedAfterDeadline`. The SQL only narrows to closed detainers with a deadline.
    func lateEnds(from: CivilDate, to: CivilDate, agency: String? = nil, includeExternal: Bool) throws -> [String: Int] {
        let statement = try connection.prepare("""
            SELECT agency, status, status_at, hold_deadline FROM detainers
            WHERE (status = 'transferred' OR status = 'released') AND hold_deadline IS NOT NULL
              AND closed_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR agency = ?3)
            """)
        try statement.bind([from.description, to.description, agency])
        var counts: [String: Int] = [:]
        try statement.forEachRow { r in
            let agency = r.string(0)
            if agency == nil && !includeExternal { return }
            guard let status = DetainerStatus(rawValue: r.string(1) ?? ""), let at = r.string(2).flatMap(UTCInstant.init(parsing:)) else { return }
            guard Deadlines.endedAfterDeadline(status: status, at: at, holdDeadline: r.string(3).flatMap(UTCInstant.init(parsing:))) else { return }
            counts[agency ?? "other", default: 0] += 1
            counts["all", default: 0] += 1
        }
        return counts
    }
}
