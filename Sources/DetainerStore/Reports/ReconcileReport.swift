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
    /// Public figures typed in for these measures whose period overlaps this one.
    public var publicFigures: [PublicFigure] = []

    /// Every measure a row can have (and a public figure can claim).
    public static let measures: [String] = ["lodged", "honored", "declined", "transferred"] + declineGroups.map(\.0)
        + ["declinedOtherReason"] + OffenseCategory.allCases.map(\.measure)

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
                 "rows": .array(rows.map { row in
                     .object(["measure": .string(row.measure), "city": .int(Int64(row.city)),
                              "iceRecords": row.ice.map { .int(Int64($0)) } ?? .null,
                              "publicFigures": .array(publicFigures.filter { $0.measure == row.measure }.map(\.json))])
                 })])
    }

    public var table: RecordSet {
        var set = RecordSet(columns: ["measure", "city", "ice_records", "public_figures"])
        for row in rows {
            let claims = publicFigures.filter { $0.measure == row.measure }.map(\.text).joined(separator: "; ")
            set.append([.string(row.measure), .int(Int64(row.city)), row.ice.map { .int(Int64($0)) } ?? .null, claims.isEmpty ? .null : .string(claims)])
        }
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
            let honored = try connection.scalarInt("""
                SELECT count(*) FROM detainers WHERE origin = 'intake' AND status <> 'enteredInError' AND decision = 'honor'
                  AND decided_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR agency = ?3)
                """, start.description, end.description, agency?.rawValue) ?? 0
            var rows: [(measure: String, city: Int, ice: Int?)] = [("lodged", city[0], ice[0]), ("honored", Int(honored), nil),
                                                                   ("declined", city[1], ice[1]), ("transferred", city[2], ice[2])]
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
            // The city's declines by the categories public claims use (`OffenseCategory`).
            for category in OffenseCategory.allCases {
                let patterns = category.patterns.map { "c.statute_normalized LIKE '\($0)'" }.joined(separator: " OR ")   // constants, not input
                let count = try connection.scalarInt("""
                    SELECT count(*) FROM detainers AS d
                    WHERE d.origin = 'intake' AND d.status <> 'enteredInError' AND d.decision = 'decline' AND d.decided_on BETWEEN ?1 AND ?2
                      AND (?3 IS NULL OR d.agency = ?3)
                      AND EXISTS (SELECT 1 FROM convictions AS c WHERE c.person_id = d.person_id AND (\(patterns)))
                    """, start.description, end.description, agency?.rawValue) ?? 0
                rows.append((category.measure, Int(count), nil))
            }
            var report = ReconcileReport(from: from, to: to, agency: agency, rows: rows)
            report.publicFigures = try PublicFigure.overlapping(from: start.description, to: end.description, agency: agency, in: connection)
            return report
        }
    }
}
