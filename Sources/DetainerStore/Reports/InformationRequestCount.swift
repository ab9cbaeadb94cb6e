import DetainerDomain
import SQLite

/// §9-131(f)(9), §14-154(f)(5), §9-205(f)(5): ICE's information requests and the responses
/// honoring them (recorded `--outcome provided`), split by the person's standing as the office
/// knew it when the request was recorded (`StandingLookup`, exact check names), each by type of
/// information and by whether the department facilitated a transfer. A request is dated by its
/// own date, a response by its own; a response takes the standing of the request it answers.
enum InformationRequestCount {
    struct Tally {
        var requests = 0
        var responses = 0
        var requestsByType: [String: Int] = [:]
        var responsesByType: [String: Int] = [:]
        var requestsFacilitated = 0
        var responsesFacilitated = 0
    }

    static func item(_ definition: AnnualItemDefinition, agency: Agency, period: ReportingPeriod, types: [String],
                     in db: Connection) throws -> AnnualReport.Item {
        // Requests of this agency that count in the period (by request date) or whose responses do.
        let statement = try db.prepare("""
            SELECT q.id, coalesce(q.person_id, d.person_id), q.info_type, q.occurred_on, q.recorded_at,
                   d.status = 'enteredInError',
                   r.occurred_on, r.info_type, r.response_outcome, r.facilitated_transfer, r.confirmed_despite_9_131h
            FROM ice_communications AS q
            LEFT JOIN detainers AS d ON d.id = q.detainer_id
            LEFT JOIN ice_communications AS r ON r.in_reply_to = q.id AND r.kind = 'informationResponse'
            WHERE q.kind = 'informationRequest' AND coalesce(q.agency, d.agency) = ?1
              AND (d.id IS NULL OR d.origin = 'intake')
              AND (q.occurred_on BETWEEN ?2 AND ?3 OR r.occurred_on BETWEEN ?2 AND ?3)
            ORDER BY q.id, r.id
            """)
        try statement.bind([agency.rawValue, period.start.description, period.end.description])
        var tallies: [PersonStanding: Tally] = [:]
        var unknownStanding = 0, inError = 0, despiteH = 0, total = 0
        var standingOf: [Int64: (standing: PersonStanding, known: Bool)] = [:]
        var countedRequest = Set<Int64>()
        var facilitatedRequest = Set<Int64>()
        var rows: [(id: Int64, person: Int64?, type: String, on: CivilDate?, recordedAt: String?, error: Bool,
                    responseOn: CivilDate?, responseType: String?, provided: Bool, facilitated: Bool, despite: Bool)] = []
        try statement.forEachRow { r in
            rows.append((r.int64(0), r.optionalInt64(1), r.string(2) ?? "other", r.string(3).flatMap(CivilDate.init(parsing:)),
                         r.string(4), r.int(5) == 1, r.string(6).flatMap(CivilDate.init(parsing:)), r.string(7),
                         r.string(8) == ResponseOutcome.provided.rawValue, r.int(9) == 1, r.int(10) == 1))
        }
        func bucket(_ type: String) -> String { types.contains(type) ? type : "other" }
        for row in rows {
            let standing: (standing: PersonStanding, known: Bool)
            if let known = standingOf[row.id] { standing = known } else {
                standing = try StandingLookup.standing(of: row.person ?? 0, knownAt: row.recordedAt, in: db)
                standingOf[row.id] = standing
            }
            let requestInPeriod = row.on.map(period.contains) ?? false
            if requestInPeriod, countedRequest.insert(row.id).inserted {
                if row.error { inError += 1; continue }
                total += 1
                tallies[standing.standing, default: Tally()].requests += 1
                tallies[standing.standing, default: Tally()].requestsByType[bucket(row.type), default: 0] += 1
                if !standing.known { unknownStanding += 1 }
            }
            if row.error { continue }
            if row.provided, row.facilitated, requestInPeriod, facilitatedRequest.insert(row.id).inserted {
                tallies[standing.standing, default: Tally()].requestsFacilitated += 1
            }
            if row.provided, let on = row.responseOn, period.contains(on) {
                tallies[standing.standing, default: Tally()].responses += 1
                tallies[standing.standing, default: Tally()].responsesByType[bucket(row.responseType ?? row.type), default: 0] += 1
                if row.facilitated { tallies[standing.standing, default: Tally()].responsesFacilitated += 1 }
                if row.despite || (agency == .doc && PersonStanding.protectedBy9131h(standing.standing, known: standing.known)) { despiteH += 1 }
            }
        }
        var breakdown: [(key: String, value: JSONValue)] = []
        for standing in [PersonStanding.noVSC, .VSC, .TSDBOnly] {
            let t = tallies[standing] ?? Tally()
            var byType: [String: JSONValue] = [:]
            for type in types {
                byType[type] = .object(["requests": .int(Int64(t.requestsByType[type] ?? 0)), "responses": .int(Int64(t.responsesByType[type] ?? 0))])
            }
            breakdown.append((standing.rawValue, .object([
                "requests": .int(Int64(t.requests)), "responses": .int(Int64(t.responses)),
                "byInformationType": .object(byType),
                "byFacilitatedTransfer": .object([
                    "facilitated": .object(["requests": .int(Int64(t.requestsFacilitated)), "responses": .int(Int64(t.responsesFacilitated))]),
                    "notFacilitated": .object(["requests": .int(Int64(t.requests - t.requestsFacilitated)),
                                               "responses": .int(Int64(t.responses - t.responsesFacilitated))]),
                ]),
            ])))
        }
        let responses = tallies.values.reduce(0) { $0 + $1.responses }
        var notes = ["\(responses) response(s) honoring requests in the period."]
        if unknownStanding > 0 {
            notes.append("\(unknownStanding) request(s) about a person whose standing rests on an unknown fact (or who has no evaluation) are counted under noVSC.")
        }
        if agency == .doc, despiteH > 0 {
            notes.append("VIOLATION FLAG: \(despiteH) response(s) gave ICE information about a person §9-131(h) protects (no violent or serious conviction and no TSDB match, or not known).")
        }
        return AnnualReport.Item(definition: definition, total: total, breakdown: breakdown,
                                 remainder: [("responses", "responses honoring requests (dated by the response)", responses),
                                             ("standingUnknown", "requests counted under noVSC whose standing rests on an unknown fact", unknownStanding),
                                             ("respondedDespite9131h", "responses §9-131(h) forbids (DOC)", agency == .doc ? despiteH : 0)],
                                 excludedEnteredInError: inError, notes: notes)
    }
}
