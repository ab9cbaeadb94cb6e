import DetainerDomain
import DetainerStore

enum SearchPage {
    static func render(query: String, hits: [PersonSearchHit]?, session: WebSession) -> HTML {
        Layout.page("Search", session: session, current: .search) {
            el("h1", text: "Search")
            el("form", .class("filters card"), Attribute("method", "get"), Attribute("action", "/search"), Attribute("role", "search")) {
                Forms.input("Name, NYSID, A-number or booking number", name: "q", value: query, type: "search",
                            hint: "Names match without regard to case or accents", required: true)
                Forms.submit("Search")
            }
            if let hits {
                if hits.isEmpty {
                    el("p", Attribute("role", "status"), text: "No person matches “\(query)”.")
                } else {
                    el("p", Attribute("role", "status"), text: "\(hits.count) \(hits.count == 1 ? "person matches" : "people match")\(hits.count >= DetainerDatabase.searchLimit ? " (first \(DetainerDatabase.searchLimit) shown)" : "").")
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
}
