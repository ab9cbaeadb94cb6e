import DetainerDomain
import SQLite

/// `report reconcile --from YYYY-MM --to YYYY-MM [--agency A]`: the city's own counts beside the
/// imported ICE records for the same agency and months — lodged, declined, transferred — and the
/// city's declines by the reason the law gave, so the office can answer a claim about "its"
/// detainers with its own numbers. Beyond the law: no item of §9-131(f) asks for it.
public struct ReconcileReport: Sendable {
    public let from: String
    public let to: String
    public let agency: Agency?
    /// measure → (city's count, ICE records' count; nil where ICE's records cannot say).
    public let rows: [(measure: String, city: Int, ice: Int?)]

    /// The law's reasons for declining, grouped as a reply needs them (the engine's first reason).
    public static let declineGroups: [(String, [String])] = [
        ("declinedNoJudicialWarrant", [ReasonCode.noJudicialWarrant.code]),
        ("declinedNoListedJudgment", [ReasonCode.noQualifyingConviction, .notListedOffense, .notAFelony, .subdivisionNotListed,
                                      .ruleAdditionNotInForce, .youthfulOffender, .juvenileDelinquent, .vacatedConviction,
                                      .notPredicateFelony, .pendingChargesOnly].map(\.code)),
        ("declinedOutsideFiveYears", [ReasonCode.convictionOutsideWindow.code]),
    ]

    public var json: JSONValue {
        .object(["from": .string(from), "to": .string(to), "agency": .optional(agency?.rawValue),
                 "rows": .array(rows.map { .object(["measure": .string($0.measure), "city": .int(Int64($0.city)),
                                                     "iceRecords": $0.ice.map { .int(Int64($0)) } ?? .null]) })])
    }

    public var table: RecordSet {
        var set = RecordSet(columns: ["measure", "city", "ice_records"])
        for row in rows { set.append([.string(row.measure), .int(Int64(row.city)), row.ice.map { .int(Int64($0)) } ?? .null]) }
        return set
    }
}

extension ReportService {
    public func reconcileReport(from: String, to: String, agency: Agency?) throws -> ReconcileReport {
        guard let start = Self.monthStart(from) else { throw InputError(field: "from", "\"\(from)\" is not a month (YYYY-MM)") }
        guard let endStart = Self.monthStart(to) else { throw InputError(field: "to", "\"\(to)\" is not a month (YYYY-MM)") }
        guard start <= endStart else { throw InputError(field: "from", "\(from) is after \(to)") }
        let end = CivilDate(year: endStart.year, month: endStart.month, day: CivilDate.daysInMonth(year: endStart.year, month: endStart.month))!
        return try connection.read {
            let statement = try connection.prepare("""
                SELECT origin,
                       count(CASE WHEN received_on BETWEEN ?1 AND ?2 THEN 1 END),
                       count(CASE WHEN decision = 'decline' AND decided_on BETWEEN ?1 AND ?2 THEN 1 END),
                       count(CASE WHEN status = 'transferred' AND closed_on BETWEEN ?1 AND ?2 THEN 1 END)
                FROM detainers
                WHERE status <> 'enteredInError' AND agency IS NOT NULL AND (?3 IS NULL OR agency = ?3)
                GROUP BY origin
                """)
            try statement.bind([start.description, end.description, agency?.rawValue])
            var counts: [String: [Int]] = [:]
            try statement.forEachRow { r in counts[r.string(0) ?? ""] = [r.int(1), r.int(2), r.int(3)] }
            let city = counts["intake"] ?? [0, 0, 0], ice = counts["import"] ?? [0, 0, 0]
            var rows: [(measure: String, city: Int, ice: Int?)] = [("lodged", city[0], ice[0]), ("declined", city[1], ice[1]), ("transferred", city[2], ice[2])]
            let reasons = try connection.prepare("""
                SELECT decision_basis, count(*) FROM detainers
                WHERE origin = 'intake' AND status <> 'enteredInError' AND decision = 'decline' AND decided_on BETWEEN ?1 AND ?2
                  AND (?3 IS NULL OR agency = ?3)
                GROUP BY decision_basis
                """)
            try reasons.bind([start.description, end.description, agency?.rawValue])
            var byBasis: [String: Int] = [:]
            try reasons.forEachRow { r in byBasis[r.string(0) ?? "", default: 0] += r.int(1) }
            var grouped = 0
            for (measure, codes) in ReconcileReport.declineGroups {
                let count = codes.reduce(0) { $0 + (byBasis[$1] ?? 0) }
                grouped += count
                rows.append((measure, count, nil))
            }
            rows.append(("declinedOtherReason", city[1] - grouped, nil))
            return ReconcileReport(from: from, to: to, agency: agency, rows: rows)
        }
    }
}
