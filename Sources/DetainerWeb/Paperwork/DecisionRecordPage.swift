import DetainerDomain
import Foundation
import DetainerStore

/// The decision record as one printed page (issue 21 §2): served at /detainers/{id}/record
/// (with the print stylesheet linked, as the CSP requires) and written by `detainer record
/// --format html` (stylesheet inline, so the file stands alone). Built with the escaping HTML
/// builder like every page; no script runs in it except the shared one that wires the Print button.
public enum DecisionRecordPage {
    public enum Styles: Sendable { case linked, inline }

    /// `personNotice`: the office gives the notice to the person, so the screen links to it.
    public static func render(_ record: DecisionRecord, styles: Styles, printedBy: String? = nil, personNotice: Bool = false) -> String {
        "<!DOCTYPE html>\n" + page(record, styles: styles, printedBy: printedBy, personNotice: personNotice).rendered
    }

    static func page(_ record: DecisionRecord, styles: Styles, printedBy: String?, personNotice: Bool) -> HTML {
        let d = record.detail.detainer
        let id = d.id.map(String.init) ?? ""
        return el("html", Attribute("lang", "en")) {
            el("head") {
                void("meta", Attribute("charset", "utf-8"))
                void("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                el("title", text: "Decision record · Detainer #\(id)")
                switch styles {
                case .linked:
                    void("link", Attribute("rel", "stylesheet"), .href("/assets/record.css"))
                    el("script", Attribute("src", "/assets/app.js"), Attribute("defer", present: true)) { HTML() }
                case .inline:
                    el("style") { HTML.raw(RecordStylesheet.css) }
                }
            }
            el("body", .class("record")) {
                if styles == .linked {
                    el("nav", .class("screen-only")) {
                        el("a", .href("/detainers/\(id)"), text: "← Detainer #\(id)")
                        HTML(" ")
                        el("button", .type("button"), Attribute("data-print", "record"), text: "Print")
                        el("span", .class("hint"), text: " One page on A4 or US Letter; use your browser's Print if the button does nothing.")
                        if personNotice {
                            el("a", .href("/detainers/\(id)/notice?language=en"), text: "Notice to the person")
                            el("a", .href("/detainers/\(id)/notice?language=es"), Attribute("hreflang", "es"), text: "Aviso a la persona")
                        }
                        el("a", .href("/detainers/\(id)/ice-notice"), text: "Notice to ICE")
                    }
                }
                el("header") {
                    el("h1", text: "Decision record — Detainer #\(id)")
                    el("p", .class("meta"), text: "NYC \(d.agency?.rawValue ?? "—") · printed \(record.printedAt.newYorkText)\(printedBy.map { " by \($0)" } ?? "") · status \(d.status.rawValue)")
                }
                el("section", .class("ids")) {
                    el("h2", text: "Identifiers")
                    el("dl") {
                        for (label, value) in record.identifiers {
                            el("div") { el("dt", text: label); el("dd", text: value) }
                        }
                    }
                }
                el("p", .class("line")) { el("strong", text: "Warrant presented: "); HTML(record.warrant) }
                lawSection(record)
                el("section") {
                    el("h2", text: "Review")
                    list(record.reviews, empty: "Not reviewed.")
                }
                el("section") {
                    el("h2", text: "What happened next")
                    list(record.statusChanges, empty: "No status change after intake.")
                }
                el("p", .class("line")) { el("strong", text: "Hold deadline: "); HTML(record.holdDeadline) }
                if record.documentLines.isEmpty {
                    el("p", .class("line")) { el("strong", text: "Documents: "); HTML("none attached.") }
                } else {
                    el("section") {
                        el("h2", text: "Documents (\(record.detail.documents.count))")
                        el("ul", .class("docs")) {
                            for (title, hash) in record.documentLines {
                                el("li") { HTML(title); HTML(" · SHA-256 "); el("code", text: hash) }
                            }
                        }
                    }
                }
                el("footer") {
                    if let head = record.auditHead {
                        el("p") {
                            HTML("Audit head at printing: row \(head.auditID), SHA-256 ")
                            el("code", text: head.hash)
                            HTML(" (`detainer check` verifies the signed history up to it).")
                        }
                    } else {
                        el("p", text: "Audit head at printing: the history is empty.")
                    }
                }
            }
        }
    }

    private static func lawSection(_ record: DecisionRecord) -> HTML {
        el("section") {
            if let engine = record.engine {
                el("h2", text: "The law's tests")
                el("p", .class("meta"), text: "Rule version \(engine.ruleVersion), \(engine.agency), as of \(engine.evaluatedOn) (evaluation #\(engine.sequence), \(engine.evaluatedAt.newYorkText)).")
                el("table", .class("tests")) {
                    el("thead") {
                        el("tr") {
                            for heading in ["Test", "Result", "Finding", "Citation"] { el("th", Attribute("scope", "col"), text: heading) }
                        }
                    }
                    el("tbody") {
                        for test in engine.tests {
                            el("tr") {
                                el("td", text: test.name)
                                el("td", .class("result " + test.result.replacingOccurrences(of: " ", with: "-")), text: test.result)
                                el("td", text: test.message)
                                el("td", text: test.citation)
                            }
                        }
                    }
                }
                if !engine.qualifying.isEmpty {
                    el("p") { el("strong", text: "Qualifying: "); HTML(engine.qualifying.joined(separator: "; ")) }
                }
                el("p", .class("outcome")) {
                    el("strong", text: "Engine's outcome: ")
                    HTML(engine.outcome)
                    if !engine.reasons.isEmpty { HTML(" — " + engine.reasons.joined(separator: "; ")) }
                }
            } else {
                el("h2", text: "The law's tests")
                el("p", text: "Not evaluated.")
            }
        }
    }

    private static func list(_ lines: [String], empty: String) -> HTML {
        if lines.isEmpty { return el("p", .class("muted"), text: empty) }
        return el("ul") { for line in lines { el("li", text: line) } }
    }
}
