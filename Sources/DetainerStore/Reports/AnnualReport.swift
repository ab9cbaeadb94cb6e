import DetainerDomain
import SQLite

/// `detainer report annual`: the items Admin. Code §9-131(f) (DOC), §14-154(f) (NYPD) and
/// §9-205(f) (Probation) require each September 1 for the twelve months ending June 30, and the
/// items of the NYPD's published "Civil Immigration Detainers" report. Counted by agency.
public struct AnnualReport: Sendable {
    public struct Item: Sendable {
        public let key: String
        public let label: String
        public let citation: String
        /// Counts by agency (each `Agency` and "all"); nil when this system does not track it.
        public let counts: [String: Int]?
        public let note: String?
    }

    public let periodStart: CivilDate
    public let periodEnd: CivilDate
    public let fiscal: Bool
    /// False (the default): only detainers lodged with a city agency (DOC, NYPD, DOP) count.
    public let includeExternal: Bool
    public let items: [Item]

    public static let agencies = Agency.allCases.map(\.rawValue) + ["all"]

    /// The period: calendar year, or the city fiscal year ending June 30 of `year` (FY2019 =
    /// 2018-07-01 … 2019-06-30), the period the Admin. Code's reports cover.
    public static func period(year: Int, fiscal: Bool) -> (CivilDate, CivilDate) {
        fiscal ? (CivilDate(year: year - 1, month: 7, day: 1)!, CivilDate(year: year, month: 6, day: 30)!)
               : (CivilDate(year: year, month: 1, day: 1)!, CivilDate(year: year, month: 12, day: 31)!)
    }
}

extension ReportService {
    public func annualReport(year: Int, fiscal: Bool, includeExternal: Bool = false) throws -> AnnualReport {
        guard (1990...2200).contains(year) else { throw InputError(field: "year", "\(year) is not a plausible year") }
        let (start, end) = AnnualReport.period(year: year, fiscal: fiscal)
        return try connection.read {
            var items: [AnnualReport.Item] = []
            var counts: [String: [String: Int]] = [:]
            // Persons are counted once per item; imported ICE records have no person, so each counts alone.
            let detainerItems = try connection.prepare("""
                SELECT coalesce(agency, 'other') AS agency,
                    count(CASE WHEN received_on BETWEEN ?1 AND ?2 THEN 1 END) AS received,
                    count(CASE WHEN received_on BETWEEN ?1 AND ?2 AND (pc_biometric_match = 1 OR pc_statements = 1) THEN 1 END) AS reason_to_believe,
                    count(CASE WHEN received_on BETWEEN ?1 AND ?2 AND pc_removal_proceedings = 1 THEN 1 END) AS removal_proceedings,
                    count(CASE WHEN received_on BETWEEN ?1 AND ?2 AND warrant_type = 'administrative' THEN 1 END) AS arrest_warrant,
                    count(CASE WHEN received_on BETWEEN ?1 AND ?2 AND pc_final_order = 1 THEN 1 END) AS removal_order,
                    count(DISTINCT CASE WHEN decision = 'honor' AND decided_on BETWEEN ?1 AND ?2 THEN coalesce(person_id, -id) END) AS held,
                    count(DISTINCT CASE WHEN status = 'transferred' AND closed_on BETWEEN ?1 AND ?2 THEN coalesce(person_id, -id) END) AS transferred,
                    count(DISTINCT CASE WHEN status = 'transferred' AND closed_on BETWEEN ?1 AND ?2
                                         AND decision_basis LIKE '%QUALIFYING_CONVICTION%' THEN coalesce(person_id, -id) END) AS transferred_vsc,
                    count(DISTINCT CASE WHEN status = 'transferred' AND closed_on BETWEEN ?1 AND ?2
                                         AND decision_basis = 'TSDB_MATCH' THEN coalesce(person_id, -id) END) AS transferred_tsdb,
                    count(DISTINCT CASE WHEN decision = 'decline' AND decided_on BETWEEN ?1 AND ?2 THEN coalesce(person_id, -id) END) AS not_honored,
                    count(DISTINCT CASE WHEN decision = 'honor' AND status IN ('released', 'lifted') AND closed_on BETWEEN ?1 AND ?2
                                         THEN coalesce(person_id, -id) END) AS held_not_transferred,
                    count(CASE WHEN decision = 'honor' AND decided_on BETWEEN ?1 AND ?2 AND decision_basis LIKE '%QUALIFYING_CONVICTION%' THEN 1 END) AS basis_conviction,
                    count(CASE WHEN decision = 'honor' AND decided_on BETWEEN ?1 AND ?2 AND decision_basis LIKE '%TSDB_MATCH%' THEN 1 END) AS basis_tsdb
                FROM detainers
                WHERE status <> 'enteredInError'
                GROUP BY 1
                """)
            try detainerItems.bind([start.description, end.description])
            let keys = detainerItems.columnNames.dropFirst()
            try detainerItems.forEachRow { r in
                let agency = r.string(0) ?? "other"
                // Detainers lodged outside the city's agencies (imported ICE records from elsewhere)
                // are not the city's to report unless asked for.
                if agency == "other" && !includeExternal { return }
                for (offset, key) in keys.enumerated() {
                    let value = r.int(Int32(offset + 1))
                    if AnnualReport.agencies.contains(agency) { counts[key, default: [:]][agency, default: 0] += value }
                    counts[key, default: [:]]["all", default: 0] += value
                }
            }
            func item(_ key: String, _ label: String, _ citation: String) {
                var byAgency = counts[key] ?? [:]
                for agency in AnnualReport.agencies where byAgency[agency] == nil { byAgency[agency] = 0 }
                items.append(.init(key: key, label: label, citation: citation, counts: byAgency, note: nil))
            }
            item("received", "Civil immigration detainers received (lodged)", "§9-131(f)(1); §14-154(f)(1); §9-205(f)(1)")
            item("reason_to_believe", "— ICE had reason to believe the person is subject to removal (I-247A biometric or statements box)", "§9-131(f)(1)(i)")
            item("removal_proceedings", "— ICE initiated removal proceedings (notice to appear served)", "§9-131(f)(1)(ii)")
            item("arrest_warrant", "— ICE served a warrant of arrest for removal proceedings (administrative warrant)", "§9-131(f)(1)(iii)")
            item("removal_order", "— ICE obtained an order of deportation or removal", "§9-131(f)(1)(iv)")
            item("held", "Persons held beyond the time they would otherwise have been released", "§9-131(f)(2); §14-154(f)(2); §9-205(f)(2)")
            item("transferred", "Persons transferred to ICE custody", "§9-131(f)(3); §14-154(f)(3); §9-205(f)(3)")
            item("transferred_vsc", "— of whom with at least one violent or serious conviction", "§9-131(f)(4)")
            item("transferred_tsdb", "— of whom with no such conviction but a possible terrorist-screening match", "§9-131(f)(5)")
            items.append(.init(key: "scaap", label: "State criminal alien assistance (SCAAP) funding requested and received",
                               citation: "§9-131(f)(6)", counts: nil, note: "not tracked by this system; report from the budget office"))
            item("not_honored", "Persons for whom detainers were not honored", "§9-131(f)(7); §14-154(f)(4); §9-205(f)(4)")
            item("held_not_transferred", "Persons held but not transferred (48-hour hold expired or ICE disavowed custody)", "§9-131(f)(8)")
            item("basis_conviction", "Detainers honored on the basis of a violent or serious conviction", "NYPD report; §14-154(b)(1)(ii)(A)")
            item("basis_tsdb", "Detainers honored on the basis of a possible terrorist-screening match", "NYPD report; §14-154(b)(1)(ii)(B)")
            let late = try lateEnds(from: start, to: end, includeExternal: includeExternal)
            var lateByAgency = late
            for agency in AnnualReport.agencies where lateByAgency[agency] == nil { lateByAgency[agency] = 0 }
            items.append(.init(key: "ended_after_deadline", label: "Holds that ended (transfer or release) after the hold deadline",
                               citation: "§9-131(b); §14-154(b); §9-205(b) (no hold beyond 48 hours)", counts: lateByAgency,
                               note: late["all", default: 0] > 0 ? "persons held longer than the law allows; see `detainer export` column ended_after_deadline" : nil))
            items += try informationRequestItems(start: start, end: end, includeExternal: includeExternal)
            return AnnualReport(periodStart: start, periodEnd: end, fiscal: fiscal, includeExternal: includeExternal, items: items)
        }
    }

    /// §9-131(f)(9), §14-154(f)(5): information requests and the responses honoring them, by the
    /// person's standing (no violent-or-serious conviction / at least one / a TSDB match only,
    /// from the detainer's latest evaluation) and by the kind of information asked for.
    private func informationRequestItems(start: CivilDate, end: CivilDate, includeExternal: Bool) throws -> [AnnualReport.Item] {
        let statement = try connection.prepare("""
            SELECT coalesce(d.agency, 'other'),
                   CASE WHEN d.reasons LIKE '%QUALIFYING_CONVICTION%' THEN 'vsc'
                        WHEN d.reasons LIKE '%TSDB_MATCH%' THEN 'tsdb_only' ELSE 'no_vsc' END AS standing,
                   q.info_type,
                   count(*) AS requests,
                   count(CASE WHEN EXISTS (SELECT 1 FROM ice_communications AS a WHERE a.in_reply_to = q.id
                                            AND a.kind = 'informationResponse' AND a.response_outcome = 'provided') THEN 1 END) AS answered,
                   count(CASE WHEN EXISTS (SELECT 1 FROM ice_communications AS a WHERE a.in_reply_to = q.id
                                            AND a.kind = 'informationResponse' AND a.response_outcome = 'provided'
                                            AND a.facilitated_transfer = 1) THEN 1 END) AS facilitated
            FROM ice_communications AS q LEFT JOIN detainers AS d ON d.id = q.detainer_id
            WHERE q.kind = 'informationRequest' AND q.occurred_on BETWEEN ?1 AND ?2
              AND (d.status IS NULL OR d.status <> 'enteredInError')
            GROUP BY 1, 2, 3
            """)
        try statement.bind([start.description, end.description])
        var counts: [String: [String: Int]] = [:]
        try statement.forEachRow { r in
            let agency = r.string(0) ?? "other", standing = r.string(1) ?? "no_vsc", type = r.string(2) ?? "other"
            if agency == "other" && !includeExternal { return }
            for (metric, value) in [("requests", r.int(3)), ("answered", r.int(4)), ("facilitated_transfer", r.int(5))] {
                for key in ["info_\(metric)", "info_\(metric)_\(standing)", "info_\(metric)_\(standing)_\(type)"] {
                    if AnnualReport.agencies.contains(agency) { counts[key, default: [:]][agency, default: 0] += value }
                    counts[key, default: [:]]["all", default: 0] += value
                }
            }
        }
        var items: [AnnualReport.Item] = []
        let standings = [("no_vsc", "no violent or serious conviction"), ("vsc", "at least one violent or serious conviction"),
                         ("tsdb_only", "no such conviction but a possible TSDB match")]
        let types = InformationType.allCases.map(\.rawValue)
        for (metric, label) in [("requests", "ICE information requests received"), ("answered", "Responses honoring information requests"),
                                ("facilitated_transfer", "Responses that facilitated a transfer to ICE")] {
            func add(_ key: String, _ text: String) {
                var byAgency = counts[key] ?? [:]
                for agency in AnnualReport.agencies where byAgency[agency] == nil { byAgency[agency] = 0 }
                items.append(.init(key: key, label: text, citation: "§9-131(f)(9); §14-154(f)(5); §9-205(f)(5)", counts: byAgency, note: nil))
            }
            add("info_\(metric)", label)
            for (standing, text) in standings {
                add("info_\(metric)_\(standing)", "— persons with \(text)")
                for type in types { add("info_\(metric)_\(standing)_\(type)", "   — about \(type)") }
            }
        }
        return items
    }
}
