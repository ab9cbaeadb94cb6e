import DetainerDomain
import SQLite

/// `detainer report monthly`: one row per calendar month (New York dates), every month in the
/// range even when empty, plus a total. What each number counts is in `MonthlyReport.definitions`
/// (printed by --explain and copied in the README).
public struct MonthlyReport: Sendable {
    public struct Row: Sendable {
        public let month: String
        public var received = 0
        public var honored = 0
        public var declined = 0
        public var declineReasons: [String: Int] = [:]
        public var transferred = 0
        public var lifted = 0
        public var released = 0
        /// nil on the total row: a stock, not a flow.
        public var openAtMonthEnd: Int?
    }

    public let from: String
    public let to: String
    public let agency: String?
    /// False (the default): only detainers lodged with a city agency (DOC, NYPD, DOP) count;
    /// imported ICE records from facilities outside the city's agencies are left out.
    public let includeExternal: Bool
    public let months: [Row]
    public let total: Row
    /// Holds in the range that ended (transfer or release) after the hold deadline.
    public let endedAfterDeadline: Int

    /// One line saying which detainers the report counts.
    public var scope: String {
        includeExternal
            ? "Scope: all detainers, including imported ICE records lodged outside the city's agencies (--include-external)."
            : "Scope: detainers lodged with a city agency (DOC, NYPD, DOP); records lodged elsewhere are excluded (--include-external adds them)."
    }

    /// Decline reason columns, in a fixed order so CSV columns and JSON keys never move. A
    /// detainer counts once, under the first reason its decision rests on (the law's tests in
    /// order: warrant first, then convictions).
    public static let declineReasonCodes: [String] = [
        "NO_JUDICIAL_WARRANT", "NO_QUALIFYING_CONVICTION", "CONVICTION_OUTSIDE_WINDOW", "NOT_LISTED_OFFENSE", "NOT_A_FELONY",
        "SUBDIVISION_NOT_LISTED", "RULE_ADDITION_NOT_IN_FORCE", "YOUTHFUL_OFFENDER", "JUVENILE_DELINQUENT", "VACATED_CONVICTION",
        "NOT_PREDICATE_FELONY", "PENDING_CHARGES_ONLY", "NOT_REENTERED_AFTER_REMOVAL",
        DecisionBasis.overrideBySupervisor, DecisionBasis.decidedOnReview, LiftReasons.importedDeclineBasis, "OTHER",
    ]

    public static let definitions: [(String, String)] = [
        ("month", "Calendar month in New York time (YYYY-MM)."),
        ("received", "Detainers received in the month (by the New York date received; for imported ICE records, ICE's detainer date)."),
        ("honored", "Detainers finally decided 'honor' in the month (by the date of the final decision)."),
        ("declined", "Detainers finally decided 'decline' in the month (by the date of the final decision)."),
        ("declined_<REASON>", "Declined detainers by the first reason the decision rests on; the reason columns sum to 'declined'. OVERRIDE_BY_SUPERVISOR: the engine permitted, a supervisor declined; DECIDED_ON_REVIEW: the engine could not decide; ICE_RECORD_DECLINED: an imported ICE record says 'Detainer Declined by LEA' without a reason."),
        ("transferred", "Detainers that ended with the person transferred to ICE custody in the month."),
        ("lifted", "Detainers ICE withdrew (lifted) in the month."),
        ("released", "Detainers that ended with the person released from city custody in the month (before a decision, or when a hold ended without a transfer)."),
        ("open_at_month_end", "Detainers received by the month's last day and not yet closed (declined, transferred, lifted or released) on it."),
        ("scope", "Detainers marked enteredInError are excluded everywhere. Imported ICE records carry no decision date: their own date stands for receipt, decision and closing."),
    ]
}

extension DetainerDatabase {
    public func monthlyReport(from: String, to: String, agency: String?, includeExternal: Bool = false) throws -> MonthlyReport {
        guard let start = Self.monthStart(from) else { throw InputError(field: "from", "\"\(from)\" is not a month (YYYY-MM)") }
        guard let endStart = Self.monthStart(to) else { throw InputError(field: "to", "\"\(to)\" is not a month (YYYY-MM)") }
        guard start <= endStart else { throw InputError(field: "from", "\(from) is after \(to)") }
        let monthCount = (endStart.year - start.year) * 12 + endStart.month - start.month + 1
        guard monthCount <= 1200 else { throw InputError(field: "to", "the range is \(monthCount) months; the limit is 1200") }
        let end = CivilDate(year: endStart.year, month: endStart.month, day: CivilDate.daysInMonth(year: endStart.year, month: endStart.month))!
        if let agency, !["NYPD", "DOC", "DOP"].contains(agency) {
            throw InputError(field: "agency", "unknown value \"\(agency)\" (expected NYPD, DOC or DOP)")
        }
        return try connection.read {
            var rows: [String: MonthlyReport.Row] = [:]
            var order: [String] = []
            let main = try connection.prepare(Self.monthlySQL)
            try main.bind([from, to, agency, start.description, end.description, includeExternal])
            try main.forEachRow { r in
                let month = r.string(0) ?? ""
                order.append(month)
                rows[month] = MonthlyReport.Row(month: month, received: r.int(1), honored: r.int(2), declined: r.int(3),
                                                transferred: r.int(4), lifted: r.int(5), released: r.int(6), openAtMonthEnd: r.int(7))
            }
            let reasons = try connection.prepare("""
                SELECT substr(decided_on, 1, 7), coalesce(decision_basis, 'OTHER'), count(*)
                FROM detainers
                WHERE decision = 'decline' AND status <> 'enteredInError' AND decided_on BETWEEN ?1 AND ?2
                  AND (?3 IS NULL OR agency = ?3) AND (?4 OR agency IS NOT NULL)
                GROUP BY 1, 2
                """)
            try reasons.bind([start.description, end.description, agency, includeExternal])
            let known = Set(MonthlyReport.declineReasonCodes)
            try reasons.forEachRow { r in
                let code = known.contains(r.string(1) ?? "") ? r.string(1)! : "OTHER"
                rows[r.string(0) ?? "", default: MonthlyReport.Row(month: r.string(0) ?? "")].declineReasons[code, default: 0] += r.int(2)
            }
            let months = order.map { rows[$0]! }
            var total = MonthlyReport.Row(month: "total")
            for row in months {
                total.received += row.received
                total.honored += row.honored
                total.declined += row.declined
                total.transferred += row.transferred
                total.lifted += row.lifted
                total.released += row.released
                for (code, count) in row.declineReasons { total.declineReasons[code, default: 0] += count }
            }
            total.openAtMonthEnd = months.last?.openAtMonthEnd
            let late = try lateEnds(from: start, to: end, agency: agency, includeExternal: includeExternal)["all", default: 0]
            return MonthlyReport(from: from, to: to, agency: agency, includeExternal: includeExternal, months: months, total: total,
                                 endedAfterDeadline: late)
        }
    }

    static func monthStart(_ text: String) -> CivilDate? {
        guard text.count == 7 else { return nil }
        return CivilDate(parsing: text + "-01")
    }

    /// One statement: the month series, flows counted by the date each event happened, and the
    /// open stock carried forward with a running sum (received minus closed since the start).
    static let monthlySQL = """
        WITH RECURSIVE
        months(month) AS (
            SELECT ?1
            UNION ALL
            SELECT strftime('%Y-%m', month || '-01', '+1 month') FROM months WHERE month < ?2
        ),
        base AS (
            SELECT received_on, decided_on, decision, closed_on, status
            FROM detainers
            WHERE status <> 'enteredInError' AND (?3 IS NULL OR agency = ?3) AND (?6 OR agency IS NOT NULL)
        ),
        events(month, received, honored, declined, transferred, lifted, released, closed) AS (
            SELECT substr(received_on, 1, 7), 1, 0, 0, 0, 0, 0, 0 FROM base WHERE received_on <= ?5
            UNION ALL
            SELECT substr(decided_on, 1, 7), 0, decision = 'honor', decision = 'decline', 0, 0, 0, 0
            FROM base WHERE decided_on BETWEEN ?4 AND ?5
            UNION ALL
            SELECT substr(closed_on, 1, 7), 0, 0, 0, status = 'transferred', status = 'lifted', status = 'released', 1
            FROM base WHERE closed_on <= ?5
        ),
        per_month AS (
            SELECT month, sum(received) AS received, sum(honored) AS honored, sum(declined) AS declined,
                   sum(transferred) AS transferred, sum(lifted) AS lifted, sum(released) AS released, sum(closed) AS closed
            FROM events GROUP BY month
        ),
        carried AS (
            SELECT coalesce(sum(received), 0) - coalesce(sum(closed), 0) AS open_before FROM per_month WHERE month < ?1
        )
        SELECT m.month,
               coalesce(p.received, 0), coalesce(p.honored, 0), coalesce(p.declined, 0),
               coalesce(p.transferred, 0), coalesce(p.lifted, 0), coalesce(p.released, 0),
               (SELECT open_before FROM carried)
                 + sum(coalesce(p.received, 0) - coalesce(p.closed, 0)) OVER (ORDER BY m.month)
        FROM months AS m LEFT JOIN per_month AS p ON p.month = m.month
        ORDER BY m.month
        """
}
