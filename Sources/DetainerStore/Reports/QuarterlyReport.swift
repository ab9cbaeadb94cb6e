import DetainerDomain
import SQLite

/// §10-178(d)'s request log: a request from a non-local law enforcement agency for the city to
/// support or assist immigration enforcement, who received it, what was asked and the response.
/// Detainers and ICE information requests are not entered here: the annual reports of §9-131,
/// §14-154 and §9-205 cover them, and §10-178(d) does not require them again.
public enum RequestingAgency: String, Sendable, CaseIterable {
    case iceERO = "ICE_ERO", iceHSI = "ICE_HSI", cbp = "CBP", usms = "USMS", other
}

public enum AssistanceKind: String, Sendable, CaseIterable {
    case information, detention, access, personnel, facilities, other
}

public enum AssistanceResponse: String, Sendable, CaseIterable {
    case provided, declined, pending
}

/// §10-178(d)(i)–(ii): disclosure is not required when it "would interfere with law enforcement
/// investigations" or "would compromise public safety".
public enum DisclosureExemption: String, Sendable, CaseIterable {
    case interfereInvestigation, publicSafety
}

public struct AssistanceRequestEntry: Sendable {
    public var requestingAgency: RequestingAgency
    public var requestingOther: String?
    public var receivingAgency: String
    public var kind: AssistanceKind
    public var response: AssistanceResponse
    public var exemption: DisclosureExemption?
    public var at: UTCInstant?
    public var summary: String

    public init(requestingAgency: RequestingAgency, requestingOther: String? = nil, receivingAgency: String, kind: AssistanceKind,
                response: AssistanceResponse, exemption: DisclosureExemption? = nil, at: UTCInstant? = nil, summary: String) {
        self.requestingAgency = requestingAgency
        self.requestingOther = requestingOther
        self.receivingAgency = receivingAgency
        self.kind = kind
        self.response = response
        self.exemption = exemption
        self.at = at
        self.summary = summary
    }
}

/// `report quarterly --year YYYY --quarter N`: the anonymized compilation §10-178(d) asks for,
/// by requesting and receiving agency: how many requests, of which kinds, with which responses.
/// Requests whose disclosure is exempt under (d)(i) or (d)(ii) are left out of the rows; only
/// their number is given.
public struct QuarterlyReport: Sendable {
    public struct Row: Sendable {
        public let requestingAgency: String
        public let receivingAgency: String
        public var requests = 0
        public var byKind: [String: Int] = [:]
        public var byResponse: [String: Int] = [:]
    }

    public let year: Int
    public let quarter: Int
    public let period: ReportingPeriod
    public let training: Bool
    public let rows: [Row]
    public let withheld: [String: Int]

    public var json: JSONValue {
        .object([
            "year": .int(Int64(year)), "quarter": .int(Int64(quarter)), "training": .bool(training),
            "periodStart": .string(period.start.description), "periodEnd": .string(period.end.description),
            "citation": .string("Admin. Code §10-178(d)"),
            "rows": .array(rows.map { row in
                .object(["requestingAgency": .string(row.requestingAgency), "receivingAgency": .string(row.receivingAgency),
                         "requests": .int(Int64(row.requests)),
                         "byKind": .object(Dictionary(uniqueKeysWithValues: AssistanceKind.allCases.map { ($0.rawValue, .int(Int64(row.byKind[$0.rawValue] ?? 0))) })),
                         "byResponse": .object(Dictionary(uniqueKeysWithValues: AssistanceResponse.allCases.map { ($0.rawValue, .int(Int64(row.byResponse[$0.rawValue] ?? 0))) }))])
            }),
            "withheldUnderExemption": .object(Dictionary(uniqueKeysWithValues: DisclosureExemption.allCases.map { ($0.rawValue, .int(Int64(withheld[$0.rawValue] ?? 0))) })),
        ])
    }

    public var table: RecordSet {
        var set = RecordSet(columns: ["requesting_agency", "receiving_agency", "requests"] + AssistanceKind.allCases.map { "kind_" + $0.rawValue }
                            + AssistanceResponse.allCases.map { "response_" + $0.rawValue } + [ReportMarker.column])
        for row in rows {
            set.append([.string(row.requestingAgency), .string(row.receivingAgency), .int(Int64(row.requests))]
                       + AssistanceKind.allCases.map { .int(Int64(row.byKind[$0.rawValue] ?? 0)) }
                       + AssistanceResponse.allCases.map { .int(Int64(row.byResponse[$0.rawValue] ?? 0)) } + [ReportMarker.cell(training)])
        }
        return set
    }
}

extension ReportService {
    /// `detainer assistance add`: one §10-178(d) request and the response.
    public func recordAssistanceRequest(_ entry: AssistanceRequestEntry, by actor: Actor) throws -> Int64 {
        var v = FieldValidator()
        let summary = v.text(entry.summary, "summary", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        let receiving = v.text(entry.receivingAgency, "receiving-agency", maxLength: 80, required: true)
        let other = v.text(entry.requestingOther, "requesting-other", maxLength: 120)
        if entry.requestingAgency == .other, other == nil { v.fail("requesting-other", "name the requesting agency when --requesting-agency is other") }
        if entry.requestingAgency != .other, other != nil { v.fail("requesting-other", "goes only with --requesting-agency other") }
        try v.finish()
        return try audited(actor: actor, action: "assistance.add", entity: "assistance_requests") { context in
            let at = entry.at ?? context.now
            if at.secondsSinceEpoch > context.now.secondsSinceEpoch + FieldLimits.clockSkewSeconds {
                throw InputError(field: "at", "\(at.newYorkText) is in the future")
            }
            var row = AssistanceRequestRecord()
            row.requestingAgency = entry.requestingAgency
            row.requestingOther = other
            row.receivingAgency = receiving!
            row.assistanceKind = entry.kind
            row.response = entry.response
            row.exemption = entry.exemption
            row.receivedAt = at
            row.receivedOn = at.newYorkDate
            row.summary = summary!
            row.recordedAt = context.now
            row.actorID = try context.actorID
            let id = try context.insert(&row)
            context.entityID = id
            context.details = ["requestingAgency": .string(entry.requestingAgency.rawValue), "receivingAgency": .string(receiving!),
                               "kind": .string(entry.kind.rawValue), "response": .string(entry.response.rawValue)]
            return id
        }
    }

    public func quarterlyReport(year: Int, quarter: Int) throws -> QuarterlyReport {
        guard (1990...2200).contains(year) else { throw InputError(field: "year", "\(year) is not a plausible year") }
        guard let period = ReportingPeriod.quarter(year: year, quarter: quarter) else {
            throw InputError(field: "quarter", "\(quarter) is not a quarter (1, 2, 3 or 4)")
        }
        let training = try store.integrity.mode() == .training
        return try connection.read {
            let statement = try connection.prepare("""
                SELECT CASE WHEN requesting_agency = 'other' THEN 'other: ' || requesting_other ELSE requesting_agency END,
                       receiving_agency, assistance_kind, response, exemption
                FROM assistance_requests WHERE received_on BETWEEN ?1 AND ?2 ORDER BY 1, 2
                """)
            try statement.bind([period.start.description, period.end.description])
            var rows: [String: QuarterlyReport.Row] = [:]
            var order: [String] = []
            var withheld: [String: Int] = [:]
            try statement.forEachRow { r in
                if let exemption = r.string(4) { withheld[exemption, default: 0] += 1; return }
                let requesting = r.string(0) ?? "", receiving = r.string(1) ?? ""
                let key = requesting + "\u{1F}" + receiving
                if rows[key] == nil { rows[key] = .init(requestingAgency: requesting, receivingAgency: receiving); order.append(key) }
                rows[key]!.requests += 1
                rows[key]!.byKind[r.string(2) ?? "other", default: 0] += 1
                rows[key]!.byResponse[r.string(3) ?? "pending", default: 0] += 1
            }
            return QuarterlyReport(year: year, quarter: quarter, period: period, training: training, rows: order.map { rows[$0]! }, withheld: withheld)
        }
    }
}
