import DetainerDomain
import SQLite

/// `detainer report annual --agency DOC|NYPD|DOP --year YYYY`: the items Admin. Code §9-131(f)
/// (DOC, nine items), §14-154(f) (NYPD, five) and §9-205(f) (Probation, five) require each
/// September 1, for one agency, in statute order with the statute's words. What each item counts
/// (its unit, the one event that dates it, the reading it rests on) is `AnnualItemDefinition`;
/// the readings are `ReportDecisions`. Only detainers logged at intake count; imported ICE records
/// are summarised apart (`iceRecords`).
public struct AnnualReport: Sendable {
    public struct Item: Sendable {
        public let definition: AnnualItemDefinition
        /// nil when the item is not a count (SCAAP amounts not recorded).
        public let total: Int?
        /// Keys in print order, values numbers or nested objects.
        public let breakdown: [(key: String, value: JSONValue)]
        /// Lines that make the breakdown add up to the total, or the parts of a total the law does
        /// not name (f3 − f4 − f5).
        public let remainder: [(key: String, label: String, count: Int)]
        /// Records that would have counted here but are marked entered in error.
        public let excludedEnteredInError: Int
        public let notes: [String]
    }

    public let agency: Agency
    public let period: ReportingPeriod
    public let year: Int
    public let training: Bool
    public let asOf: UTCInstant
    public let items: [Item]
    /// Detainers received in the period by where they stood at its end:
    /// received = honored + declined + lifted before decision + released before decision + open.
    public let reconciliation: [(key: String, count: Int)]
    /// ICE's own records (imports) for this agency's facilities, counted apart.
    public let iceRecords: [(key: String, count: Int)]
    /// Holds of this agency that ended (transfer or release) in the period after their deadline:
    /// persons held longer than the law allows. Not an item of the law; shown beside them.
    public let endedAfterDeadline: Int
    /// Set when an approved publication of this report exists and these numbers differ from it.
    public var revisionOf: Int64? = nil

    public var periodStart: CivilDate { period.start }
    public var periodEnd: CivilDate { period.end }
}

extension ReportService {
    public func annualReport(agency: Agency, year: Int, calendar: Bool = false, now: UTCInstant? = nil) throws -> AnnualReport {
        guard (1990...2200).contains(year) else { throw InputError(field: "year", "\(year) is not a plausible year") }
        let period = ReportingPeriod.annual(year: year, calendar: calendar)
        let training = try store.integrity.mode() == .training
        let asOf = now ?? store.clock.now()
        return try connection.read {
            let facts = try AnnualFacts.load(connection, agency: agency, period: period)
            var items: [AnnualReport.Item] = []
            for definition in AnnualItemDefinition.items(for: agency) {
                items.append(try facts.item(definition, connection: connection, fiscalYear: calendar ? nil : year))
            }
            let late = try lateEnds(from: period.start, to: period.end, agency: agency.rawValue, includeExternal: false)["all", default: 0]
            return AnnualReport(agency: agency, period: period, year: year, training: training, asOf: asOf, items: items,
                                reconciliation: facts.reconciliation(), iceRecords: try facts.iceRecords(connection), endedAfterDeadline: late)
        }
    }
}

/// One intake detainer as the annual items read it.
struct AnnualDetainer {
    let id: Int64
    let personID: Int64
    let inError: Bool
    let status: DetainerStatus
    let receivedOn: CivilDate
    let decision: Decision?
    let decidedOn: CivilDate?
    let closedOn: CivilDate?
    let holdBeganOn: CivilDate?
    let holdEndCause: HoldEndCause?
    let transferredOn: CivilDate?
    let transferKnownAt: String?
    let reason: StatutoryReason
}

/// The facts the items count, loaded once per report (one agency, detainers received up to the
/// period's end: any event dated in the period follows a receipt before its end).
struct AnnualFacts {
    let agency: Agency
    let period: ReportingPeriod
    let detainers: [AnnualDetainer]

    static func load(_ db: Connection, agency: Agency, period: ReportingPeriod) throws -> AnnualFacts {
        let statement = try db.prepare("""
            SELECT d.id, d.person_id, d.status, d.received_on, d.decision, d.decided_on, d.closed_on, d.hold_began_on, d.hold_end_cause,
                   d.pc_final_order, d.pc_removal_proceedings, d.pc_biometric_match, d.pc_statements,
                   d.i247a_box2, d.warrant_type, d.i247a_admin_warrant, d.i247a_nta_served,
                   t.occurred_at, t.recorded_at
            FROM detainers AS d
            LEFT JOIN status_events AS t ON t.id = (SELECT max(id) FROM status_events AS s WHERE s.detainer_id = d.id AND s.to_status = 'transferred')
            WHERE d.origin = 'intake' AND d.agency = ?1 AND d.received_on <= ?2
            ORDER BY d.id
            """)
        try statement.bind([agency.rawValue, period.end.description])
        var out: [AnnualDetainer] = []
        try statement.forEachRow { r in
            guard let status = DetainerStatus(rawValue: r.string(2) ?? ""), let received = r.string(3).flatMap(CivilDate.init(parsing:)) else { return }
            let form = ReceivedI247A(finalOrder: r.int(9) == 1, removalProceedings: r.int(10) == 1, biometricMatch: r.int(11) == 1,
                                     statements: r.int(12) == 1, dhsTransferBox2: r.optionalInt64(13).map { $0 == 1 },
                                     warrant: r.string(14).flatMap(WarrantKind.init(rawValue:)),
                                     administrativeWarrantForm: r.string(15).flatMap(AdministrativeWarrantForm.init(rawValue:)),
                                     noticeToAppearServed: r.optionalInt64(16).map { $0 == 1 })
            out.append(AnnualDetainer(
                id: r.int64(0), personID: r.optionalInt64(1) ?? -r.int64(0), inError: status == .enteredInError, status: status,
                receivedOn: received, decision: r.string(4).flatMap(Decision.init(rawValue:)),
                decidedOn: r.string(5).flatMap(CivilDate.init(parsing:)), closedOn: r.string(6).flatMap(CivilDate.init(parsing:)),
                holdBeganOn: r.string(7).flatMap(CivilDate.init(parsing:)), holdEndCause: r.string(8).flatMap(HoldEndCause.init(rawValue:)),
                transferredOn: r.string(17).flatMap(UTCInstant.init(parsing:)).map(\.newYorkDate), transferKnownAt: r.string(18),
                reason: StatutoryReasonMapping.primary(form)))
        }
        return AnnualFacts(agency: agency, period: period, detainers: out)
    }

    /// The detainers an item counts, split into those that count and those entered in error.
    private func select(_ dated: (AnnualDetainer) -> CivilDate?) -> (counted: [AnnualDetainer], inError: [AnnualDetainer]) {
        let inPeriod = detainers.filter { dated($0).map(period.contains) ?? false }
        return (inPeriod.filter { !$0.inError }, inPeriod.filter(\.inError))
    }

    /// One detainer per person: the first (by date, then id) of the person's detainers counted.
    private func firstPerPerson(_ list: [AnnualDetainer], dated: (AnnualDetainer) -> CivilDate?) -> [AnnualDetainer] {
        var seen = Set<Int64>()
        return list.sorted { (dated($0)!, $0.id) < (dated($1)!, $1.id) }.filter { seen.insert($0.personID).inserted }
    }

    private func persons(_ list: [AnnualDetainer]) -> Int { Set(list.map(\.personID)).count }

    private func reasonBreakdown(_ list: [AnnualDetainer]) -> [(key: String, value: JSONValue)] {
        StatutoryReason.allCases.map { reason in (reason.rawValue, .int(Int64(list.filter { $0.reason == reason }.count))) }
    }

    func item(_ definition: AnnualItemDefinition, connection: Connection, fiscalYear: Int?) throws -> AnnualReport.Item {
        func make(total: Int?, breakdown: [(key: String, value: JSONValue)] = [], remainder: [(key: String, label: String, count: Int)] = [],
                  inError: Int, notes: [String] = []) -> AnnualReport.Item {
            AnnualReport.Item(definition: definition, total: total, breakdown: breakdown, remainder: remainder,
                              excludedEnteredInError: inError, notes: notes)
        }
        switch definition.measure {
        case .lodged:
            let (counted, errors) = select(\.receivedOn)
            let breakdown = reasonBreakdown(counted)
            return make(total: counted.count, breakdown: breakdown,
                        remainder: [("unreconciled", "lodged less the sum of the reason rows (each detainer counts once, under its primary reason)",
                                     counted.count - breakdown.reduce(0) { $0 + Int($1.value.intValue ?? 0) })],
                        inError: errors.count)
        case .held:
            let (counted, errors) = select(\.holdBeganOn)
            let people = firstPerPerson(counted, dated: \.holdBeganOn)
            let breakdown = reasonBreakdown(people)
            return make(total: people.count, breakdown: breakdown,
                        remainder: [("unreconciled", "persons held less the sum of the reason rows", people.count - breakdown.reduce(0) { $0 + Int($1.value.intValue ?? 0) })],
                        inError: persons(errors))
        case .transferred:
            let (counted, errors) = select(\.transferredOn)
            let people = firstPerPerson(counted, dated: \.transferredOn)
            var byStanding: [PersonStanding: Int] = [:]
            var unknown = 0
            for detainer in people {
                let standing = try StandingLookup.standing(of: detainer.personID, knownAt: detainer.transferKnownAt, in: connection)
                byStanding[standing.standing, default: 0] += 1
                if !standing.known { unknown += 1 }
            }
            var notes: [String] = []
            if unknown > 0 { notes.append("\(unknown) transferred person(s) whose standing rests on an unknown fact are counted as having no violent or serious conviction.") }
            let neither = byStanding[.noVSC, default: 0]
            return make(total: people.count, breakdown: [("VSC", .int(Int64(byStanding[.VSC, default: 0]))), ("TSDBOnly", .int(Int64(byStanding[.TSDBOnly, default: 0])))],
                        remainder: [("neitherVSCnorTSDB", "transferred with neither a violent or serious conviction nor a TSDB match (f3 − f4 − f5)", neither)],
                        inError: persons(errors), notes: notes)
        case .transferredStanding(let standing):
            let (counted, errors) = select(\.transferredOn)
            let people = firstPerPerson(counted, dated: \.transferredOn)
            var count = 0
            for detainer in people where try StandingLookup.standing(of: detainer.personID, knownAt: detainer.transferKnownAt, in: connection).standing == standing {
                count += 1
            }
            return make(total: count, inError: persons(errors))
        case .scaap:
            guard let fiscalYear else {
                return make(total: nil, inError: 0, notes: ["SCAAP amounts are recorded per city fiscal year (July–June); run the report for the year ending June 30 (without --calendar)."])
            }
            let amounts = try ScaapLedger.latest(fiscalYear: fiscalYear, in: connection)
            guard let amounts else {
                return make(total: nil, breakdown: [("requested", .null), ("received", .null)], inError: 0,
                            notes: ["No SCAAP amounts are recorded for fiscal year \(fiscalYear) (`detainer scaap record`)."])
            }
            return make(total: nil, breakdown: [("requested", amounts.requestedCents.map { .double(Double($0) / 100) } ?? .null),
                                               ("received", amounts.receivedCents.map { .double(Double($0) / 100) } ?? .null),
                                               ("source", .string(amounts.source))],
                        inError: 0, notes: ["US dollars, fiscal year ending June 30, \(fiscalYear); source: \(amounts.source)."])
        case .notHonored:
            let (counted, errors) = select { $0.decision == .decline ? $0.decidedOn : nil }
            return make(total: persons(counted), inError: persons(errors))
        case .heldNotTransferred:
            // Dated by the hold's start, like f2, so f8 is always a part of f2 for the same period.
            let (counted, errors) = select { ($0.holdEndCause?.countsAsHeldNotTransferred ?? false) && $0.status != .transferred ? $0.holdBeganOn : nil }
            let people = firstPerPerson(counted, dated: \.holdBeganOn)
            return make(total: people.count,
                        breakdown: [("holdExpired", .int(Int64(people.filter { $0.holdEndCause == .holdExpired }.count))),
                                    ("iceDisavowed", .int(Int64(people.filter { $0.holdEndCause == .iceDisavowed }.count)))],
                        inError: persons(errors))
        case .information(let types):
            return try InformationRequestCount.item(definition, agency: agency, period: period, types: types, in: connection)
        }
    }

    /// received = honored + declined + lifted before decision + released before decision + open,
    /// for detainers received in the period, by where each stood at the period's end.
    func reconciliation() -> [(key: String, count: Int)] {
        let received = detainers.filter { period.contains($0.receivedOn) && !$0.inError }
        var honored = 0, declined = 0, lifted = 0, released = 0, open = 0
        for d in received {
            if let decidedOn = d.decidedOn, decidedOn <= period.end {
                if d.decision == .honor { honored += 1 } else { declined += 1 }
            } else if let closed = d.closedOn, closed <= period.end, d.status == .lifted {
                lifted += 1
            } else if let closed = d.closedOn, closed <= period.end, d.status == .released {
                released += 1
            } else {
                open += 1
            }
        }
        return [("received", received.count), ("honored", honored), ("declined", declined), ("liftedBeforeDecision", lifted),
                ("releasedBeforeDecision", released), ("openAtPeriodEnd", open),
                ("unreconciled", received.count - honored - declined - lifted - released - open)]
    }

    /// ICE's own records (imported) for this agency, by ICE's dates: never part of the items.
    func iceRecords(_ db: Connection) throws -> [(key: String, count: Int)] {
        let statement = try db.prepare("""
            SELECT count(CASE WHEN received_on BETWEEN ?2 AND ?3 THEN 1 END),
                   count(CASE WHEN decision = 'decline' AND decided_on BETWEEN ?2 AND ?3 THEN 1 END),
                   count(CASE WHEN status = 'transferred' AND closed_on BETWEEN ?2 AND ?3 THEN 1 END),
                   count(CASE WHEN status = 'lifted' AND closed_on BETWEEN ?2 AND ?3 THEN 1 END)
            FROM detainers WHERE origin = 'import' AND agency = ?1 AND status <> 'enteredInError'
            """)
        try statement.bind([agency.rawValue, period.start.description, period.end.description])
        var out: [(key: String, count: Int)] = []
        try statement.forEachRow { r in
            out = [("lodged", r.int(0)), ("declined", r.int(1)), ("transferred", r.int(2)), ("lifted", r.int(3))]
        }
        return out
    }
}

/// A person's standing as the office knew it at an instant: the latest evaluation of any of the
/// person's detainers (not entered in error) recorded at or before it, read by the exact check
/// names of the stored result (`PersonStanding.from`).
enum StandingLookup {
    static func standing(of personID: Int64, knownAt: String?, in db: Connection) throws -> (standing: PersonStanding, known: Bool) {
        guard personID > 0, let knownAt else { return PersonStanding.from(vscResult: nil, tsdbResult: nil) }
        let statement = try db.cached("""
            SELECT (SELECT json_extract(c.value, '$.result') FROM json_each(e.result_json, '$.checks') AS c
                    WHERE json_extract(c.value, '$.rule') = 'violentOrSeriousConviction'),
                   (SELECT json_extract(c.value, '$.result') FROM json_each(e.result_json, '$.checks') AS c
                    WHERE json_extract(c.value, '$.rule') = 'terroristScreening')
            FROM evaluations AS e JOIN detainers AS d ON d.id = e.detainer_id
            WHERE d.person_id = ?1 AND d.status <> 'enteredInError' AND e.evaluated_at <= ?2
            ORDER BY e.evaluated_at DESC, e.id DESC LIMIT 1
            """)
        try statement.bind([personID, knownAt])
        let row = try statement.first { ($0.string(0), $0.string(1)) }
        return PersonStanding.from(vscResult: row?.0, tsdbResult: row?.1)
    }
}

extension JSONValue {
    var intValue: Int64? { if case .int(let v) = self { return v } else { return nil } }
}
