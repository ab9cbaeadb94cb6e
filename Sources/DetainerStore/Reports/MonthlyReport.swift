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
    public let agency: Agency?
    /// False (the default): only detainers lodged with a city agency (DOC, NYPD, DOP) count;
    /// imported ICE records from facilities outside the city's agencies are left out.
    public let includeExternal: Bool
    public let months: [Row]
    public let total: Row
    /// Holds in the range that ended (transfer or release) after the hold deadline.
    public let endedAfterDeadline: Int
    /// Counted on a training database: said in the data itself (JSON `training`, CSV column
    /// `training`), so a file that leaves the building cannot pass for an agency's numbers.
    public var training = false

    /// One line saying which detainers the report counts.
    public var scope: String {
        includeExternal
            ? "Scope: all detainers, including imported ICE records lodged outside the city's agencies (--include-external)."
            : "Scope: detainers lodged with a city agency (\(Agency.allCases.map(\.rawValue).joined(separator: ", "))); records lodged elsewhere are excluded (--include-external adds them)."
    }

    /// Decline reason columns, in a fixed order so CSV columns and JSON keys never move. A
    /// detainer counts once, under the first reason its decision rests on (the law's tests in
    /// order: warrant first, then convictions).
    public static let declineReasonCodes: [String] = declineReasons.map(\.code) + [
        DecisionBasis.overrideBySupervisor, DecisionBasis.decidedOnReview, LiftReasons.importedDeclineBasis, otherDeclineReason,
    ]

    /// The engine's reasons for declining, in the law's order, that get their own column.
    public static let declineReasons: [ReasonCode] = [
        .noJudicialWarrant, .noQualifyingConviction, .convictionOutsideWindow, .notListedOffense, .notAFelony,
        .subdivisionNotListed, .ruleAdditionNotInForce, .youthfulOffender, .juvenileDelinquent, .vacatedConviction,
        .notPredicateFelony, .pendingChargesOnly, .notReenteredAfterRemoval,
    ]

    /// A decline whose stored basis is none of the above.
    public static let otherDeclineReason = "OTHER"

    /// A decline reason column as people read it (the text table, the reports page): a few
    /// words, never the code, which stays in CSV and JSON (issue 25 §3).
    public static func declineReasonLabel(_ code: String) -> String {
        if let reason = ReasonCode(code: code) { return reason.shortLabel }
        switch code {
        case DecisionBasis.overrideBySupervisor: return "supervisor override"
        case DecisionBasis.decidedOnReview: return "decided on review"
        case LiftReasons.importedDeclineBasis: return "declined in ICE's record"
        default: return "other"
        }
    }

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

extension ReportService {
    public func monthlyReport(from: String, to: String, agency: Agency?, includeExternal: Bool = false) throws -> MonthlyReport {
        guard let start = Self.monthStart(from) else { throw InputError(field: "from", "\"\(from)\" is not a month (YYYY-MM)") }
        guard let endStart = Self.monthStart(to) else { throw InputError(field: "to", "\"\(to)\" is not a month (YYYY-MM)") }
        guard start <= endStart else { throw InputError(field: "from", "\(from) is after \(to)") }
        let monthCount = (endStart.year - start.year) * 12 + endStart.month - start.month + 1
        guard monthCount <= 1200 else { throw InputError(field: "to", "the range is \(monthCount) months; the limit is 1200") }
        let end = CivilDate(year: endStart.year, month: endStart.month, day: CivilDate.daysInMonth(year: endStart.year, month: endStart.month))!
        let first = start.description, last = end.description, agencyCode = agency?.rawValue
        return try connection.read {
            var rows: [String: MonthlyReport.Row] = [:]
            var order: [String] = []
            var month = start
            while month <= endStart {
                let key = String(month.description.prefix(7))
                order.append(key)
                rows[key] = MonthlyReport.Row(month: key)
                month = month.month == 12 ? CivilDate(year: month.year + 1, month: 1, day: 1)! : CivilDate(year: month.year, month: month.month + 1, day: 1)!
            }
            func monthOf(_ statement: Statement) -> String { String((statement.string(0) ?? "").prefix(7)) }

            // Each query reads one covering index (Migrations/0004_ui_lists.sql) in date order and counts per
            // day; days are summed into months here. The four `count(*)`s before the range give
            // the open stock carried into the first month.
            let received = try connection.prepare("""
                SELECT received_on, count(*) FROM detainers INDEXED BY detainers_received_on
                WHERE status <> 'enteredInError' AND received_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR agency = ?3) AND (?4 OR agency IS NOT NULL)
                GROUP BY received_on
                """)
            try received.bind([first, last, agencyCode, includeExternal])
            try received.forEachRow { r in rows[monthOf(r)]?.received += r.int(1) }

            let decided = try connection.prepare("""
                SELECT decided_on, decision, decision_basis, count(*) FROM detainers INDEXED BY detainers_decided_on
                WHERE decided_on IS NOT NULL AND status <> 'enteredInError' AND decided_on BETWEEN ?1 AND ?2
                  AND (?3 IS NULL OR agency = ?3) AND (?4 OR agency IS NOT NULL)
                GROUP BY decided_on, decision, decision_basis
                """)
            try decided.bind([first, last, agencyCode, includeExternal])
            let known = Set(MonthlyReport.declineReasonCodes)
            try decided.forEachRow { r in
                let key = monthOf(r), count = r.int(3)
                if r.string(1) == Decision.honor.rawValue { rows[key]?.honored += count; return }
                guard r.string(1) == Decision.decline.rawValue else { return }
                rows[key]?.declined += count
                let basis = r.string(2) ?? MonthlyReport.otherDeclineReason
                rows[key]?.declineReasons[known.contains(basis) ? basis : MonthlyReport.otherDeclineReason, default: 0] += count
            }

            var closedPerMonth: [String: Int] = [:]
            let closed = try connection.prepare("""
                SELECT closed_on, status, count(*) FROM detainers INDEXED BY detainers_closed_on
                WHERE closed_on IS NOT NULL AND status <> 'enteredInError' AND closed_on BETWEEN ?1 AND ?2
                  AND (?3 IS NULL OR agency = ?3) AND (?4 OR agency IS NOT NULL)
                GROUP BY closed_on, status
                """)
            try closed.bind([first, last, agencyCode, includeExternal])
            try closed.forEachRow { r in
                let key = monthOf(r), count = r.int(2)
                closedPerMonth[key, default: 0] += count
                switch DetainerStatus(rawValue: r.string(1) ?? "") {
                case .transferred: rows[key]?.transferred += count
                case .lifted: rows[key]?.lifted += count
                case .released: rows[key]?.released += count
                default: break
                }
            }

            let receivedBefore = try connection.scalarInt("""
                SELECT count(*) FROM detainers INDEXED BY detainers_received_on
                WHERE status <> 'enteredInError' AND received_on < ?1 AND (?2 IS NULL OR agency = ?2) AND (?3 OR agency IS NOT NULL)
                """, first, agencyCode, includeExternal) ?? 0
            let closedBefore = try connection.scalarInt("""
                SELECT count(*) FROM detainers INDEXED BY detainers_closed_on
                WHERE closed_on IS NOT NULL AND status <> 'enteredInError' AND closed_on < ?1 AND (?2 IS NULL OR agency = ?2) AND (?3 OR agency IS NOT NULL)
                """, first, agencyCode, includeExternal) ?? 0
            var open = Int(receivedBefore - closedBefore)
            for key in order {
                open += rows[key]!.received - closedPerMonth[key, default: 0]
                rows[key]!.openAtMonthEnd = open
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
            let late = try lateEnds(from: start, to: end, agency: agencyCode, includeExternal: includeExternal)["all", default: 0]
            var report = MonthlyReport(from: from, to: to, agency: agency, includeExternal: includeExternal, months: months, total: total,
                                       endedAfterDeadline: late)
            report.training = try store.integrity.mode() == .training
            return report
        }
    }

    static func monthStart(_ text: String) -> CivilDate? {
        guard text.count == 7 else { return nil }
        return CivilDate(parsing: text + "-01")
    }
}
