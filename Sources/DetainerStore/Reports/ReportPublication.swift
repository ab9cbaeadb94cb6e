import Crypto
import DetainerDomain
import SQLite

/// A published annual report (`report publish`): frozen numbers, the checkpoint they were
/// computed at, who prepared and who — a second person — approved them.
public struct ReportPublication: Sendable {
    public let id: Int64
    public let agency: Agency
    public let year: Int
    public let calendar: Bool
    public let sha256: String
    public let auditHeadID: Int64
    public let auditHead: String
    public let preparedBy: String
    public let preparedAt: String
    public let approvedBy: String?
    public let approvedAt: String?
    public let revises: Int64?

    public var json: JSONValue {
        .object(["publicationID": .int(id), "agency": .string(agency.rawValue), "year": .int(Int64(year)), "calendarYear": .bool(calendar),
                 "reportSha256": .string(sha256), "auditHeadID": .int(auditHeadID), "auditHead": .string(auditHead),
                 "preparedBy": .string(preparedBy), "preparedAt": .string(preparedAt),
                 "approvedBy": .optional(approvedBy), "approvedAt": .optional(approvedAt), "revises": .optional(revises)])
    }
}

extension AnnualReport {
    /// What a publication freezes and a later run is compared with: every number and word of the
    /// report but the time it was run.
    var frozen: JSONValue {
        guard case .object(var members) = json else { return json }
        members["asOf"] = nil
        members["revisionOf"] = nil
        return .object(members)
    }
}

extension ReportService {
    /// Freezes the report as it stands now, for a second person to approve. A training database
    /// is refused: its numbers are practice data.
    public func preparePublication(agency: Agency, year: Int, calendar: Bool, by actor: Actor) throws -> ReportPublication {
        if try store.integrity.mode() == .training {
            throw IntegrityRefusal("a training database's reports cannot be published (they say TRAINING in their data)")
        }
        let report = try annualReport(agency: agency, year: year, calendar: calendar)
        let text = report.frozen.serialized
        let digest = SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let id = try audited(actor: actor, action: "report.publish.prepare", entity: "report_publications") { context -> Int64 in
            guard let head = try context.db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").first({ ($0.int64(0), $0.string(1) ?? "") }) else {
                throw InputError(field: "database", "has no audit history to check the report against")
            }
            let revises = try context.db.scalarInt("""
                SELECT max(id) FROM report_publications WHERE agency = ? AND year = ? AND calendar = ? AND approved_by IS NOT NULL
                """, agency.rawValue, Int64(year), calendar)
            var row = ReportPublicationRecord()
            row.agency = agency
            row.year = Int64(year)
            row.calendar = calendar
            row.reportJSON = JSONText(text: text, value: report.frozen)
            row.reportSHA256 = digest
            row.auditHeadID = head.0
            row.auditHead = head.1
            row.preparedBy = try context.actorID
            row.preparedAt = context.now
            row.revises = revises
            let id = try context.insert(&row)
            context.entityID = id
            context.details = ["agency": .string(agency.rawValue), "year": .int(Int64(year)), "calendar": .bool(calendar), "reportSha256": .string(digest)]
            return id
        }
        return try publication(id)
    }

    /// The second person's approval: not the one who prepared it, and only once.
    public func approvePublication(_ id: Int64, by actor: Actor) throws -> ReportPublication {
        try audited(actor: actor, action: "report.publish.approve", entity: "report_publications") { context in
            context.entityID = id
            guard let row = try context.db.prepare("SELECT prepared_by, approved_by FROM report_publications WHERE id = ?").bindingFirst(id) else {
                throw NotFound(entity: "publication", key: String(id))
            }
            if row.approved != nil { throw InputError(field: "approve", "publication \(id) is already approved") }
            if row.preparedBy == (try context.actorID) {
                throw PermissionDenied(message: "publication \(id) was prepared by you; a second person must approve it")
            }
            try ReportPublicationRecord.update(id: id, set: ["approved_by": try context.actorID, "approved_at": context.now.iso8601], in: context)
        }
        return try publication(id)
    }

    public func publication(_ id: Int64) throws -> ReportPublication {
        guard let found = try publications(where: "p.id = ?", id).first else { throw NotFound(entity: "publication", key: String(id)) }
        return found
    }

    public func publications(agency: Agency? = nil) throws -> [ReportPublication] {
        try publications(where: "(?1 IS NULL OR p.agency = ?1)", agency?.rawValue)
    }

    private func publications(where condition: String, _ value: (any SQLiteBindable)?) throws -> [ReportPublication] {
        let statement = try connection.prepare("""
            SELECT p.id, p.agency, p.year, p.calendar, p.report_sha256, p.audit_head_id, p.audit_head, u.name, p.prepared_at, a.name,
                   p.approved_at, p.revises
            FROM report_publications AS p JOIN users AS u ON u.id = p.prepared_by LEFT JOIN users AS a ON a.id = p.approved_by
            WHERE \(condition) ORDER BY p.id
            """)
        try statement.bind(value, at: 1)
        var out: [ReportPublication] = []
        try statement.forEachRow { r in
            out.append(ReportPublication(id: r.int64(0), agency: Agency(rawValue: r.string(1) ?? "") ?? .doc, year: r.int(2), calendar: r.int(3) == 1,
                                         sha256: r.string(4) ?? "", auditHeadID: r.int64(5), auditHead: r.string(6) ?? "",
                                         preparedBy: r.string(7) ?? "", preparedAt: r.string(8) ?? "", approvedBy: r.string(9),
                                         approvedAt: r.string(10), revises: r.optionalInt64(11)))
        }
        return out
    }

    /// The latest approved publication of this report whose numbers differ from `report`'s, if
    /// any: the report is then a revision of what was published.
    public func publishedDifference(_ report: AnnualReport) throws -> ReportPublication? {
        let statement = try connection.prepare("""
            SELECT id, report_json FROM report_publications
            WHERE agency = ? AND year = ? AND calendar = ? AND approved_by IS NOT NULL ORDER BY id DESC LIMIT 1
            """)
        try statement.bind([report.agency.rawValue, Int64(report.year), report.period.calendar])
        guard let row = try statement.first({ ($0.int64(0), $0.string(1) ?? "") }) else { return nil }
        return row.1 == report.frozen.serialized ? nil : try publication(row.0)
    }
}

private extension Statement {
    func bindingFirst(_ id: Int64) throws -> (preparedBy: Int64, approved: Int64?)? {
        try bind(id, at: 1)
        return try first { ($0.int64(0), $0.optionalInt64(1)) }
    }
}
