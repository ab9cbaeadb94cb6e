import DetainerDomain
import DetainerStore

/// The detainer page's paperwork (issue 21): the documents kept with the detainer (who attached
/// each and when, its type, size and SHA-256, a download link; withdrawn ones marked), the
/// upload form and a withdrawal form per document for the roles that may attach.
enum DocumentsCard {
    static func render(_ detail: DetainerDetail, session: WebSession, state: DetainerPage.FormState?) -> HTML {
        let id = detail.detainer.id.map(String.init) ?? ""
        let canAttach = session.user.role.may(.attachDocuments)
        let mine = state?.form == "document" ? state : nil
        return el("section", .class("card"), Attribute("aria-labelledby", "documents")) {
            el("h2", .id("documents"), text: "Documents (\(detail.documents.count))")
            if detail.documents.isEmpty {
                el("p", .class("muted"), text: "No documents attached.")
            } else {
                ScrollRegion.table("Documents") {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                for heading in ["#", "Kind", "Type", "Size", "Attached", "SHA-256", "Note", ""] {
                                    el("th", Attribute("scope", "col"), text: heading)
                                }
                            }
                        }
                        el("tbody") {
                            for d in detail.documents {
                                el("tr", .class(d.isWithdrawn ? "withdrawn" : "")) {
                                    el("td", text: String(d.id))
                                    el("td", text: d.kind.label)
                                    el("td", text: d.type.label)
                                    el("td", .class("num"), text: "\(d.size) bytes")
                                    el("td") { Badges.time(d.attachedAt); HTML(" by \(d.attachedBy)") }
                                    el("td") { el("code", Attribute("title", d.sha256), text: String(d.sha256.prefix(16)) + "…") }
                                    el("td", text: d.note ?? "")
                                    el("td") {
                                        if let at = d.withdrawnAt {
                                            el("strong", text: "Withdrawn ")
                                            HTML("\(Badges.newYork(at)) by \(d.withdrawnBy ?? "?"): \(d.withdrawnReason ?? "") ")
                                        }
                                        el("a", .href("/documents/\(d.id)"), Attribute("download", d.downloadName), text: "Download")
                                    }
                                }
                            }
                        }
                    }
                }
                if canAttach {
                    for d in detail.documents where !d.isWithdrawn {
                        element("details", attributes: []) {
                            el("summary", text: "Withdraw document #\(d.id) (\(d.kind.label))")
                            el("form", Attribute("method", "post"), Attribute("action", "/documents/\(d.id)/withdraw")) {
                                Forms.csrf(session)
                                Forms.textarea("Why it is withdrawn", name: "reason", hint: "It stays on record, marked withdrawn", required: true,
                                               scope: "withdraw-\(d.id).")
                                Forms.submit("Withdraw document")
                            }
                        }
                    }
                }
            }
            if canAttach {
                element("details", attributes: [Attribute("open", present: mine != nil)]) {
                    el("summary", text: "Attach a document")
                    el("form", Attribute("method", "post"), Attribute("action", "/detainers/\(id)/documents"),
                       Attribute("enctype", "multipart/form-data")) {
                        Forms.csrf(session)
                        el("div", .class("fields")) {
                            Forms.select("Kind", name: "kind", options: [("", "choose…")] + DocumentKind.allCases.map { ($0.rawValue, $0.label) },
                                         selected: mine?.values["kind"], error: mine?.errors["kind"], required: true, scope: "document.")
                            Forms.input("File", name: "file", type: "file", error: mine?.errors["file"],
                                        hint: "PDF, PNG, JPEG or TIFF, up to \(DocumentPolicy.megabytes(Int64(DocumentPolicy.maximumFileBytes)))",
                                        required: true, extra: [Attribute("accept", ".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff")],
                                        scope: "document.")
                        }
                        Forms.textarea("Note", name: "note", value: mine?.values["note"], error: mine?.errors["note"], scope: "document.")
                        Forms.submit("Attach document")
                    }
                }
            }
        }
    }
}

/// Links above the detainer page's cards: the printable decision record.
enum PaperworkLinks {
    static func render(_ detail: DetainerDetail) -> HTML {
        let id = detail.detainer.id.map(String.init) ?? ""
        return el("a", .class("button"), .href("/detainers/\(id)/record"), text: "Print decision record")
    }
}
