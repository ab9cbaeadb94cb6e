import DetainerDomain
import DetainerStore
import Foundation
import Hummingbird

/// The detainer list (issue 25 §1): the CLI `list` filters (agency, status, outcome, received
/// dates, person), a page at a time, and the same rows as a CSV download. Reading the list is
/// open to every signed-in user, as search is; the download is an export (auditors, supervisors,
/// admins), audited before its first byte like `/reports/export.csv`, and so a POST with the CSRF
/// token: a GET writes no audit row (issue 23 §4).
enum DetainerListRoutes {
    static let pageSize = ListFilter.defaultLimit
    /// Deep pages cost an OFFSET walk; past this, narrow the filters (or download the CSV).
    static let maxPage = 2000

    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/detainers") { request, context in
            let session = try context.requireSession()
            var query = ListQueryForm(request)
            guard let parsed = query.parsed() else {
                return Responses.html(DetainerListPage.render(query, rows: nil, hasNext: false, session: session), status: .unprocessableContent)
            }
            var page = parsed.filter
            page.limit = pageSize + 1
            page.offset = (parsed.page - 1) * pageSize
            let filter = page
            let rows = try await office.read { db in
                var set = RecordSet(columns: [])
                try db.queries.list(filter, into: &set)
                return set
            }
            return Responses.html(DetainerListPage.render(query, rows: rows, hasNext: rows.rows.count > pageSize, session: session))
        }

        routes.post("/detainers.csv") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .export)
            let form = try await FormData.read(request, context: context)
            var query = ListQueryForm(values: Dictionary(uniqueKeysWithValues: ListQueryForm.fields.compactMap { name in
                form[name].map { (name, $0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0.1.isEmpty ? nil : $0 }
            }))
            guard let parsed = query.parsed() else {
                throw ValidationIssue(path: query.errors.keys.sorted().first ?? "q", message: query.errors.sorted(by: { $0.key < $1.key }).first?.value ?? "invalid")
            }
            var all = parsed.filter
            all.limit = nil
            let filter = all
            try await office.write { db in
                let actor = try db.accounts.authorize(session.user.name, for: .export)
                try ReportService(db).recordListDownload(filter, by: actor)
            }
            var response = Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                                    body: ExportStream.listCSV(path: office.databasePath, clock: office.clock, filter: filter))
            response.headers[.contentDisposition] = "attachment; filename=\"detainers-list.csv\""
            return response
        }
    }
}

/// The list's query string, kept as typed (to refill the form) with each bad field's message.
struct ListQueryForm: Sendable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    static let fields = ["agency", "status", "outcome", "from", "to", "person", "page"]

    init(_ request: Request) {
        let query = request.uri.queryParameters
        for name in Self.fields {
            if let text = query.get(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty { values[name] = text }
        }
    }

    init(values: [String: String]) { self.values = values }

    /// The query string for another page of the same list (or its CSV): the filters, and `page`.
    func link(page: Int? = nil) -> String {
        var pairs = Self.fields.filter { $0 != "page" }.compactMap { name in values[name].map { (name, $0) } }
        if let page, page > 1 { pairs.append(("page", String(page))) }
        return pairs.map { "\($0.0)=\(Self.percentEncoded($0.1))" }.joined(separator: "&")
    }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) { out.append(c) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }

    /// The filter and page number, or nil with `errors` set (every bad field at once).
    mutating func parsed() -> (filter: ListFilter, page: Int)? {
        errors = [:]
        var filter = ListFilter()
        if let text = values["agency"] {
            if let agency = Agency(typed: text) { filter.agency = agency } else { errors["agency"] = "unknown agency \"\(text)\" (choose \(Agency.spelledOut))" }
        }
        if let text = values["status"] {
            if let status = DetainerStatus.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { filter.status = status }
            else { errors["status"] = "unknown status \"\(text)\" (choose one of \(DetainerStatus.allCases.map { Labels.status($0) }.joined(separator: ", ")))" }
        }
        if let text = values["outcome"] {
            if let outcome = Outcome.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { filter.outcome = outcome }
            else { errors["outcome"] = "unknown outcome \"\(text)\" (choose one of \(Outcome.allCases.map { Labels.outcome($0) }.joined(separator: ", ")))" }
        }
        for (name, label) in [("from", "Received from"), ("to", "Received to")] {
            guard let text = values[name] else { continue }
            if let date = CivilDate(parsing: text) {
                if name == "from" { filter.receivedFrom = date } else { filter.receivedTo = date }
            } else {
                errors[name] = "\(label): \"\(text)\" is not a date (YYYY-MM-DD, New York date)"
            }
        }
        if let from = filter.receivedFrom, let to = filter.receivedTo, from > to {
            errors["to"] = "Received to (\(to)) is before Received from (\(from))"
        }
        if let text = values["person"] {
            if PersonSearchKey.query(text) == nil, text.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) {
                errors["person"] = "give a name, person id, NYSID, A-number or booking number"
            } else {
                filter.person = text
            }
        }
        var page = 1
        if let text = values["page"] {
            if let number = Int(text), (1...DetainerListRoutes.maxPage).contains(number) { page = number }
            else { errors["page"] = "page must be a whole number from 1 to \(DetainerListRoutes.maxPage)" }
        }
        return errors.isEmpty ? (filter, page) : nil
    }
}
