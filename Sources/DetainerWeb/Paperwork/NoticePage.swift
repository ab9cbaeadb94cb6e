/// A printable notice (to the person, or to ICE where the law allows it): the title and its
/// paragraphs, with the record's print stylesheet. The words come from the domain
/// (`PersonNotice`) or the store (`IceNotice`), never from this page.
enum NoticePage {
    static func render(title: String, paragraphs: [String], language: String, back id: Int64) -> String {
        let page = el("html", Attribute("lang", language)) {
            el("head") {
                void("meta", Attribute("charset", "utf-8"))
                el("title", text: title)
                void("link", Attribute("rel", "stylesheet"), .href("/assets/record.css"))
                el("script", Attribute("src", "/assets/app.js"), Attribute("defer", present: true)) { HTML() }
            }
            el("body", .class("record")) {
                el("nav", .class("screen-only")) {
                    el("a", .href("/detainers/\(id)"), text: "← Detainer #\(id)")
                    HTML(" ")
                    el("button", .type("button"), Attribute("data-print", "notice"), text: "Print")
                }
                el("h1", text: title)
                for paragraph in paragraphs { el("p", text: paragraph) }
            }
        }
        return "<!DOCTYPE html>\n" + page.rendered
    }
}
