import DetainerDomain
import DetainerStore

enum SearchPage {
    static func render(query: String, hits: [PersonSearchHit]?, detainers: RecordSet? = nil, session: WebSession) -> HTML {
        Layout.page("Search", session: session, current: .search) {
            el("h1", text: "Search")
            el("form", .class("filters card"), Attribute("method", "get"), Attribute("action", "/search"), Attribute("role", "search")) {
                Forms.input("Name, NYSID, A-number or booking number", name: "q", value: query, type: "search",
                            hint: "Names match without regard to case or accents", required: true)
                Forms.submit("Search")
            }
            if let detainers, !detainers.isEmpty { detainerHits(detainers, query: query) }
            if let hits {
                if hits.isEmpty {
                    el("p", Attribute("role", "status"), text: "No person matches “\(query)”.")
                } else {
                    el("p", Attribute("role", "status"), text: "\(hits.count) \(hits.count == 1 ? "person matches" : "people match")\(hits.count >= Queries.searchLimit ? " (first \(Queries.searchLimit) shown)" : "").")
                    ScrollRegion.table("People found") {
                        el("table") {
                            el("thead") {
                                el("tr") {
                                    for heading in ["Person", "Born", "NYSID", "A-number", "Matched on", "Detainers"] {
                                        el("th", Attribute("scope", "col"), text: heading)
                                    }
                                }
                            }
                            el("tbody") {
                                for hit in hits {
                                    el("tr") {
                                        el("td", text: hit.name)
                                        el("td", text: hit.dateOfBirth ?? "—")
                                        el("td", text: hit.nysid ?? "—")
                                        el("td", text: hit.aNumber ?? "—")
                                        el("td", text: hit.matchedOn)
                                        el("td") {
                                            if hit.detainers.isEmpty { el("span", .class("muted"), text: "none") }
                                            el("ul") {
                                                for detainer in hit.detainers {
                                                    el("li") {
                                                        el("a", .href("/detainers/\(detainer.id)"), text: "#\(detainer.id)")
                                                        HTML(" \(detainer.agency) ")
                                                        Badges.status(detainer.status)
                                                        HTML(" received ")
                                                        Badges.time(detainer.receivedAt)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The detainers the query finds (booking number, NYSID, A-number, person id or name), newest
    /// first, with a link to the full list for the same person filter.
    private static func detainerHits(_ set: RecordSet, query: String) -> HTML {
        let column = Dictionary(uniqueKeysWithValues: set.columns.enumerated().map { ($1, $0) })
        func text(_ row: [JSONValue], _ name: String) -> String? {
            guard let index = column[name], index < row.count else { return nil }
            if case .null = row[index] { return nil }
            return row[index].cellText
        }
        return el("section", Attribute("aria-labelledby", "detainer-hits")) {
            el("h2", .id("detainer-hits"), text: "Detainers (\(set.rows.count)\(set.rows.count >= Queries.searchLimit ? "+" : ""))")
            el("ul") {
                for row in set.rows {
                    let id = text(row, "id") ?? ""
                    el("li") {
                        el("a", .href("/detainers/\(id)"), text: "#\(id)")
                        HTML(" \(text(row, "agency") ?? "") \(text(row, "person") ?? "") ")
                        Badges.status(text(row, "status") ?? "")
                        HTML(" received ")
                        Badges.time(text(row, "received_at"))
                    }
                }
            }
            el("p") { el("a", .href("/detainers?person=" + ListQueryForm.percentEncoded(query)), text: "All of them in the detainer list") }
        }
    }
}
