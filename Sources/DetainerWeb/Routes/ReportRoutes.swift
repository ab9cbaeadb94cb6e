import CSVStream
import DetainerDomain
import DetainerStore
import Hummingbird

/// Reports and exports: the CLI's permission checks (auditor, supervisor, admin). Report pages
/// and downloads are GET requests and write nothing (issue 23 §4: GET requests write no audit
/// rows; the server's request log names who fetched what). The export of every record, which
/// hands personal data out of the system, is a POST with the anti-forgery token, recorded in the
/// audit log before its first byte, as on the command line.
enum ReportRoutes {
    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/reports") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .report)
            let (from, to, agency) = try monthlyParameters(request, office: office)
            let (annualAgency, year, calendar) = try annualParameters(request, office: office)
            let (quarterYear, quarter) = try quarterlyParameters(request, office: office)
            let publications = try await office.read { db in try ReportService(db).publications() }
            let (monthly, annual, quarterly) = try await office.read { db in
                _ = try db.accounts.authorize(session.user.name, for: .report)
                let reports = ReportService(db)
                let monthly = try reports.monthlyReport(from: from, to: to, agency: agency)
                let annual = try reports.viewAnnual(agency: annualAgency, year: year, calendar: calendar)
                let quarterly = try reports.quarterlyReport(year: quarterYear, quarter: quarter)
                return (monthly, annual, quarterly)
            }
            return Responses.html(ReportsPage.render(monthly: monthly, annual: annual, quarterly: quarterly, session: session, publications: publications))
        }

        for format in ["csv", "json"] {
            routes.get("/reports/monthly.\(format)") { request, context in
                let session = try context.requireSession()
                try await office.permit(session, .report)
                let (from, to, agency) = try monthlyParameters(request, office: office)
                let report = try await office.read { db in
                    _ = try db.accounts.authorize(session.user.name, for: .report)
                    return try ReportService(db).monthlyReport(from: from, to: to, agency: agency)
                }
                return download(format == "csv" ? try report.table.csv : report.json.prettySerialized + "\n", format: format, name: "detainers-monthly-\(from)-\(to)")
            }
            routes.get("/reports/annual.\(format)") { request, context in
                let session = try context.requireSession()
                try await office.permit(session, .report)
                let (agency, year, calendar) = try annualParameters(request, office: office)
                let report = try await office.read { db in
                    _ = try db.accounts.authorize(session.user.name, for: .report)
                    return try ReportService(db).viewAnnual(agency: agency, year: year, calendar: calendar)
                }
                return download(format == "csv" ? try report.table.csv : report.json.prettySerialized + "\n", format: format,
                                name: "detainers-annual-\(agency.rawValue)-\(calendar ? "" : "fy")\(year)")
            }
        }

        // The publishable page (the same HTML as `report annual --format html`), self-contained.
        routes.get("/reports/annual.html") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .report)
            let (agency, year, calendar) = try annualParameters(request, office: office)
            let report = try await office.read { db in
                _ = try db.accounts.authorize(session.user.name, for: .report)
                return try ReportService(db).viewAnnual(agency: agency, year: year, calendar: calendar)
            }
            var response = Responses.text(AnnualReportPage.document(report), contentType: "text/html; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"detainers-annual-\(agency.rawValue)-\(calendar ? "" : "fy")\(year).html\""
            return response
        }

        routes.post("/reports/export.csv") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .export)
            let form = try await FormData.read(request, context: context)
            let (from, to) = try exportMonths(form, office: office)
            let filter = ExportFilter(receivedFrom: CivilDate(parsing: from + "-01"), receivedTo: lastDay(of: to))
            // As the CLI: the audit entry (with the number of matching rows) is written before
            // the first byte; then the rows stream (ExportStream), memory flat as data grows.
            try await office.write { db in
                let actor = try db.accounts.authorize(session.user.name, for: .export)
                try ReportService(db).recordExportStart(filter: filter, format: "csv", pseudonymized: false, destination: "web download", by: actor)
            }
            var response = Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                                    body: ExportStream.csv(path: office.databasePath, clock: office.clock, filter: filter))
            response.headers[.contentDisposition] = "attachment; filename=\"detainers-export-\(from)-\(to).csv\""
            return response
        }

        routes.get("/api/v1/reports/monthly") { request, context in
            let session = try context.requireSession()
            // Who may ask comes before what was asked: a clerk's bad query is 403, not 422.
            try await office.permit(session, .report)
            try APIQuery.refuseEmpty(request)
            let (from, to, agency) = try monthlyParameters(request, office: office)
            let report = try await office.read { db in
                _ = try db.accounts.authorize(session.user.name, for: .report)
                return try ReportService(db).monthlyReport(from: from, to: to, agency: agency)
            }
            return Responses.json(report.json)
        }

        routes.get("/api/v1/reports/annual") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .report)
            try APIQuery.refuseEmpty(request)
            let (agency, year, calendar) = try annualParameters(request, office: office)
            let report = try await office.read { db in
                _ = try db.accounts.authorize(session.user.name, for: .report)
                return try ReportService(db).viewAnnual(agency: agency, year: year, calendar: calendar)
            }
            return Responses.json(report.json)
        }
    }

    static func download(_ text: String, format: String, name: String) -> Response {
        var response = Responses.text(text, contentType: format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"\(name).\(format)\""
        return response
    }

    /// `from`/`to` months (YYYY-MM), default the twelve months ending this one (New York); `agency`.
    static func monthlyParameters(_ request: Request, office: Office) throws -> (String, String, Agency?) {
        let query = request.uri.queryParameters
        let today = office.clock.now().newYorkDate
        let thisMonth = month(today.year, today.month)
        let defaultFrom = today.month == 12 ? month(today.year, 1) : month(today.year - 1, today.month + 1)
        let from = query.get("from").flatMap { $0.isEmpty ? nil : $0 } ?? defaultFrom
        let to = query.get("to").flatMap { $0.isEmpty ? nil : $0 } ?? thisMonth
        for (field, value) in [("from", from), ("to", to)] {
            guard let first = CivilDate(parsing: value + "-01"), value.count == 7 else {
                throw ValidationIssue(path: field, message: "\"\(value)\" is not a month in the form YYYY-MM")
            }
            guard yearRange.contains(first.year) else {
                throw ValidationIssue(path: field, message: "\(value) is outside the years \(yearRange.lowerBound)–\(yearRange.upperBound)")
            }
        }
        var agency: Agency?
        if let text = query.get("agency"), !text.isEmpty {
            guard let value = Agency(typed: text) else {
                throw ValidationIssue(path: "agency", message: "unknown value \"\(text)\" (expected \(Agency.spelledOut))")
            }
            agency = value
        }
        return (from, to, agency)
    }

    /// The export form's months (`from`, `to`, YYYY-MM), both required.
    static func exportMonths(_ form: FormData, office: Office) throws -> (String, String) {
        let from = form["from"] ?? "", to = form["to"] ?? ""
        for (field, value) in [("from", from), ("to", to)] where CivilDate(parsing: value + "-01") == nil || value.count != 7 {
            throw ValidationIssue(path: field, message: "\"\(value)\" is not a month in the form YYYY-MM")
        }
        return (from, to)
    }

    /// `agency` (default DOC), `year` (default the reporting year that ends next June 30, or this
    /// calendar year with `calendar=1`), `calendar`.
    static func annualParameters(_ request: Request, office: Office) throws -> (Agency, Int, Bool) {
        let query = request.uri.queryParameters
        let calendarText = query.get("calendar") ?? ""
        guard ["", "0", "1"].contains(calendarText) else {
            throw ValidationIssue(path: "calendar", message: "expected 1 (calendar year) or 0 (the year ending June 30), not \"\(calendarText)\"")
        }
        let calendar = calendarText == "1"
        var agency = Agency.doc
        if let text = query.get("annualAgency") ?? query.get("agency"), !text.isEmpty {
            guard let value = Agency(typed: text) else {
                throw ValidationIssue(path: "agency", message: "unknown value \"\(text)\" (expected \(Agency.spelledOut))")
            }
            agency = value
        }
        let today = office.clock.now().newYorkDate
        let fallback = !calendar && today.month > 6 ? today.year + 1 : today.year
        guard let text = query.get("year"), !text.isEmpty else { return (agency, fallback, calendar) }
        guard let year = Int(text), yearRange.contains(year) else {
            throw ValidationIssue(path: "year", message: "\"\(text)\" is not a year from \(yearRange.lowerBound) to \(yearRange.upperBound)")
        }
        return (agency, year, calendar)
    }

    /// `qyear` and `quarter` (default: the current quarter, New York).
    static func quarterlyParameters(_ request: Request, office: Office) throws -> (Int, Int) {
        let query = request.uri.queryParameters
        let today = office.clock.now().newYorkDate
        var year = today.year, quarter = (today.month - 1) / 3 + 1
        if let text = query.get("qyear"), !text.isEmpty {
            guard let value = Int(text), yearRange.contains(value) else {
                throw ValidationIssue(path: "qyear", message: "\"\(text)\" is not a year from \(yearRange.lowerBound) to \(yearRange.upperBound)")
            }
            year = value
        }
        if let text = query.get("quarter"), !text.isEmpty {
            guard let value = Int(text), (1...4).contains(value) else { throw ValidationIssue(path: "quarter", message: "\"\(text)\" is not a quarter (1–4)") }
            quarter = value
        }
        return (year, quarter)
    }

    /// The years a report may cover (openapi.yaml states the same bounds).
    static let yearRange = 1990...2200

    static func month(_ year: Int, _ month: Int) -> String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month)
    }

    static func lastDay(of month: String) -> CivilDate? {
        guard let first = CivilDate(parsing: month + "-01") else { return nil }
        let next = first.month == 12 ? CivilDate(year: first.year + 1, month: 1, day: 1) : CivilDate(year: first.year, month: first.month + 1, day: 1)
        return next?.adding(days: -1)
    }
}

/// The audit log page (and `check` on request).
enum AuditRoutes {
    static let pageSize = 200

    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/audit") { request, context in
            let session = try context.requireSession()
            let query = request.uri.queryParameters
            let entity = query.get("entity").flatMap { $0.isEmpty ? nil : $0 }
            let entityID = query.get("id").flatMap { Int64($0) }
            let runCheck = query.get("check") == "1"
            // A full check reads every row: for auditors and admins only, and one at a time, so a
            // page reload loop cannot keep the server's readers busy (issue 23 §4).
            if runCheck {
                guard [.auditor, .admin].contains(session.user.role) else {
                    throw HTTPError(.forbidden, message: "running the integrity check is for auditors and admins; nothing was run")
                }
                guard office.beginCheck() else {
                    throw HTTPError(.serviceUnavailable, message: "an integrity check is already running; try again when it has finished")
                }
            }
            defer { if runCheck { office.endCheck() } }
            let (entries, health) = try await office.read { db in
                (try { var entries = RecordSet(columns: []); try db.queries.auditLog(entity: entity, entityID: entityID, limit: pageSize, into: &entries); return entries }(), runCheck ? try db.integrity.healthCheck() : nil)
            }
            return Responses.html(AuditPage.render(entries: entries, health: health, entity: entity, entityID: entityID, session: session))
        }

        routes.get("/search") { request, context in
            let session = try context.requireSession()
            let text = request.uri.queryParameters.get("q") ?? ""
            let hits = text.isEmpty ? nil : try await office.read { try $0.queries.searchPersons(text) }
            // The detainers themselves, by booking number, NYSID, A-number, person id or name
            // (the list's person filter), so a booking number leads to its detainer directly.
            let detainers = text.isEmpty ? nil : try await office.read { db in
                var set = RecordSet(columns: [])
                try db.queries.list(ListFilter(person: text, limit: Queries.searchLimit), into: &set)
                return set
            }
            return Responses.html(SearchPage.render(query: text, hits: hits, detainers: detainers, session: session))
        }
    }
}
