import DetainerDomain
import DetainerStore

/// Every detainer, newest first, with the CLI `list` filters, a page at a time, and the same
/// rows as CSV for those who may export (issue 25 §1).
enum DetainerListPage {
    static func render(_ query: ListQueryForm, rows: RecordSet?, hasNext: Bool, session: WebSession) -> HTML {
        let page = Int(query.values["page"] ?? "") ?? 1
        let errors = query.errors
        return Layout.page("Detainers", session: session, current: .detainers) {
            el("h1", text: "Detainers")
            if !errors.isEmpty {
                el("div", .class("notice error"), Attribute("role", "alert"), .id("errors")) {
                    el("p", text: "Fix the \(errors.count == 1 ? "filter" : "\(errors.count) filters") marked below:")
                    el("ul") {
                        for (name, message) in errors.sorted(by: { $0.key < $1.key }) {
                            el("li") { el("a", .href("#" + Forms.fieldID(name)), text: message) }
                        }
                    }
                }
            }
            filters(query)
            if let rows { table(rows, query: query, page: page, hasNext: hasNext, session: session) }
        }
    }

    private static func filters(_ query: ListQueryForm) -> HTML {
        let v = query.values, e = query.errors
        return el("form", .class("filters card"), Attribute("method", "get"), Attribute("action", "/detainers"), Attribute("aria-label", "Filter the detainers")) {
            Forms.select("Agency", name: "agency", options: [("", "All agencies")] + Agency.allCases.map { ($0.rawValue, $0.rawValue) },
                         selected: v["agency"], error: e["agency"])
            Forms.select("Status", name: "status", options: [("", "Any status")] + DetainerStatus.allCases.map { ($0.rawValue, Labels.status($0)) },
                         selected: v["status"], error: e["status"])
            Forms.select("Engine outcome", name: "outcome", options: [("", "Any outcome")] + Outcome.allCases.map { ($0.rawValue, Labels.outcome($0)) },
                         selected: v["outcome"], error: e["outcome"])
            Forms.input("Received from", name: "from", value: v["from"], type: "date", error: e["from"], hint: "New York date")
            Forms.input("Received to", name: "to", value: v["to"], type: "date", error: e["to"], hint: "New York date, included")
            Forms.input("Person", name: "person", value: v["person"], type: "search", error: e["person"],
                        hint: "Name, person id, NYSID, A-number or booking number")
            Forms.submit("List", style: "secondary")
        }
    }

    private static func table(_ rows: RecordSet, query: ListQueryForm, page: Int, hasNext: Bool, session: WebSession) -> HTML {
        let shown = Array(rows.rows.prefix(DetainerListRoutes.pageSize))
        let column = Dictionary(uniqueKeysWithValues: rows.columns.enumerated().map { ($1, $0) })
        func text(_ row: [JSONValue], _ name: String) -> String? {
            guard let index = column[name], index < row.count else { return nil }
            if case .null = row[index] { return nil }
            return row[index].cellText
        }
        let first = (page - 1) * DetainerListRoutes.pageSize + 1
        return el("section", Attribute("aria-labelledby", "results")) {
            el("h2", .id("results"), text: shown.isEmpty ? "No detainers match" : "Detainers \(first)–\(first + shown.count - 1), newest first")
            if session.user.role.may(.export) {
                // A download of personal data is recorded in the audit log: a POST, never a link.
                el("form", Attribute("method", "post"), Attribute("action", "/detainers.csv")) {
                    Forms.csrf(session)
                    for name in ListQueryForm.fields where name != "page" {
                        if let value = query.values[name] { void("input", attributes: [.type("hidden"), .name(name), .value(value)]) }
                    }
                    Forms.submit("Download all matching as CSV", style: "secondary")
                }
            }
            if !shown.isEmpty {
                el("div", .class("table-wrap"), Attribute("tabindex", "0"), Attribute("aria-label", "Detainers")) {
                    el("table", .class("cards")) {
                        el("thead") {
                            el("tr") {
                                for heading in ["Detainer", "Received", "Agency", "Person", "Status", "Engine", "Decision"] {
                                    el("th", Attribute("scope", "col"), text: heading)
                                }
                            }
                        }
                        el("tbody") {
                            for row in shown {
                                let id = text(row, "id") ?? ""
                                el("tr") {
                                    el("td", Attribute("data-label", "Detainer")) { el("a", .href("/detainers/\(id)"), text: "#\(id)") }
                                    el("td", Attribute("data-label", "Received")) { Badges.time(text(row, "received_at")) }
                                    el("td", Attribute("data-label", "Agency"), text: text(row, "agency") ?? "—")
                                    el("td", Attribute("data-label", "Person"), text: text(row, "person") ?? "—")
                                    el("td", Attribute("data-label", "Status")) { Badges.status(text(row, "status") ?? "") }
                                    el("td", Attribute("data-label", "Engine")) { Badges.outcome(text(row, "outcome").flatMap(Outcome.init(rawValue:))) }
                                    el("td", Attribute("data-label", "Decision"), text: text(row, "decision") ?? "—")
                                }
                            }
                        }
                    }
                }
            }
            el("nav", .class("pager"), Attribute("aria-label", "Pages")) {
                if page > 1 { el("a", .href("/detainers?" + query.link(page: page - 1)), Attribute("rel", "prev"), text: "← Newer") }
                el("span", .class("muted"), text: " Page \(page) ")
                if hasNext { el("a", .href("/detainers?" + query.link(page: page + 1)), Attribute("rel", "next"), text: "Older →") }
            }
        }
    }
}
