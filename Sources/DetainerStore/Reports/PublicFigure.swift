import DetainerDomain
import SQLite

/// A number someone published about the city's detainers (a news report, a letter, a hearing),
/// typed in with who claimed it and where, so `report reconcile` shows the city's own count
/// beside it (issue 22, "beyond the law"). Appended only.
public struct PublicFigure: Sendable, Equatable {
    public enum Qualifier: String, Sendable, CaseIterable { case exactly, atLeast, about }

    public let measure: String
    public let value: Int64
    public let qualifier: Qualifier
    public let periodFrom: String
    public let periodTo: String
    public let agency: Agency?
    public let claimedBy: String
    public let source: String

    public var json: JSONValue {
        ["measure": .string(measure), "value": .int(value), "qualifier": .string(qualifier.rawValue),
         "periodFrom": .string(periodFrom), "periodTo": .string(periodTo), "agency": .optional(agency?.rawValue),
         "claimedBy": .string(claimedBy), "source": .string(source)]
    }

    /// "at least 4000 (ICE acting director, 2020-01-01 to 2020-12-31; source …)".
    public var text: String {
        let amount = qualifier == .atLeast ? "at least \(value)" : qualifier == .about ? "about \(value)" : "\(value)"
        return "\(amount) (\(claimedBy), \(periodFrom) to \(periodTo); \(source))"
    }

    static func overlapping(from: String, to: String, agency: Agency?, in db: Connection) throws -> [PublicFigure] {
        let statement = try db.prepare("""
            SELECT measure, value, qualifier, period_from, period_to, agency, claimed_by, source FROM public_figures
            WHERE period_from <= ?2 AND period_to >= ?1 AND (agency IS NULL OR ?3 IS NULL OR agency = ?3) ORDER BY id
            """)
        try statement.bind([from, to, agency?.rawValue])
        var figures: [PublicFigure] = []
        try statement.forEachRow { r in
            figures.append(PublicFigure(measure: r.string(0) ?? "", value: r.int64(1), qualifier: Qualifier(rawValue: r.string(2) ?? "") ?? .exactly,
                                        periodFrom: r.string(3) ?? "", periodTo: r.string(4) ?? "", agency: r.string(5).flatMap(Agency.init(rawValue:)),
                                        claimedBy: r.string(6) ?? "", source: r.string(7) ?? ""))
        }
        return figures
    }
}

extension ReportService {
    /// `detainer report figure`: records a published figure with who claimed it and the source.
    public func recordPublicFigure(measure: String, value: Int64, qualifier: PublicFigure.Qualifier, from: CivilDate, to: CivilDate,
                                   agency: Agency?, claimedBy: String, source: String, by actor: Actor) throws -> PublicFigure {
        var v = FieldValidator()
        if !ReconcileReport.measures.contains(measure) {
            v.fail("measure", "\"\(measure)\" is not a reconcile measure (one of \(ReconcileReport.measures.joined(separator: ", ")))")
        }
        if value < 0 { v.fail("value", "must be zero or more") }
        if to < from { v.fail("to", "\(to) is before \(from)") }
        let claimedBy = v.text(claimedBy, "claimed-by", maxLength: 200, required: true)
        let source = v.text(source, "source", maxLength: 500, required: true)
        try v.finish()
        return try audited(actor: actor, action: "report.public_figure", entity: "public_figure") { context in
            var row = PublicFigureRecord()
            row.measure = measure
            row.value = value
            row.qualifier = qualifier
            row.periodFrom = from
            row.periodTo = to
            row.agency = agency
            row.claimedBy = claimedBy ?? ""
            row.source = source ?? ""
            row.recordedAt = context.now
            row.recordedBy = try context.actorID
            context.entityID = try context.insert(&row)
            let figure = PublicFigure(measure: measure, value: value, qualifier: qualifier, periodFrom: from.description, periodTo: to.description,
                                      agency: agency, claimedBy: claimedBy ?? "", source: source ?? "")
            if case .object(let fields) = figure.json { context.details = fields }
            return figure
        }
    }
}
