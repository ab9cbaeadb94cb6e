/// The list of a refused form's problems at the top of the page (issue 25 §4): it takes the
/// focus when the page loads (`autofocus` on a `tabindex=-1` box, no script needed), so a
/// keyboard or screen-reader user lands on it rather than on the page body, and it names each
/// field by the label the form shows ("Instant arrest date"), never by its internal key
/// (`custody.arrestDate`); each entry links to its field.
///
/// The labels are read from the rendered page itself (`<label for="f-…">`), so the summary
/// always uses the page's own words: a page puts `slot(errors)` where the summary goes and
/// passes the finished page through `fill(_:errors:intro:)`.
enum ErrorSummary {
    static let marker = HTML.raw("<!--error-summary-->")

    /// Where the summary goes (nothing when there are no errors).
    static func slot(_ errors: [String: String]) -> HTML { errors.isEmpty ? HTML() : marker }

    /// `fallback`: where a problem whose field the page does not have links, and the name it
    /// goes by (the detainer page's form cards); without it such a problem is named from its key.
    static func fill(_ page: HTML, errors: [String: String], intro: String, fallback: (anchor: String, label: String)? = nil) -> HTML {
        guard !errors.isEmpty else { return page }
        let labels = Self.labels(in: page.rendered)
        let entries = errors.map { (name, message) -> (id: String, label: String, message: String) in
            if let fallback, labels[Forms.fieldID(name)] == nil, labels[Forms.fieldID(baseName(name))] == nil {
                return (fallback.anchor, fallback.label, message)
            }
            return (anchor(for: name, labels: labels), rowPrefix(name) + label(for: name, labels: labels), message)
        }
            .sorted { ($0.label, $0.message) < ($1.label, $1.message) }
        let summary = el("div", .class("notice error"), .id("errors"), Attribute("role", "alert"), Attribute("tabindex", "-1"),
                         Attribute("autofocus", present: true), Attribute("aria-labelledby", "errors-title")) {
            el("p", .id("errors-title"), text: intro)
            el("ul") {
                for entry in entries { el("li") { el("a", .href("#" + entry.id), text: "\(entry.label): \(entry.message)") } }
            }
        }
        return page.replacingFirst(marker, with: summary)
    }

    /// The field itself when the page has it (`convictions[2].sentencedOn`, a repeated row's
    /// field), else its group (`detainer.probableCause[1]` → the probable-cause boxes).
    static func anchor(for name: String, labels: [String: String]) -> String {
        labels[Forms.fieldID(name)] != nil ? Forms.fieldID(name) : Forms.fieldID(baseName(name))
    }

    /// "Conviction 3: " for `convictions[2].…`: rows repeat their labels, so say which row.
    static func rowPrefix(_ name: String) -> String {
        guard let open = name.firstIndex(of: "["), let close = name[open...].firstIndex(of: "]"),
              let index = Int(name[name.index(after: open)..<close]), name[close...].hasPrefix("].") else { return "" }
        let group = String(name[..<open])
        let words = ["convictions": "Conviction", "pendingCharges": "Pending charge"][group] ?? group
        return "\(words) \(index + 1): "
    }

    /// `detainer.probableCause[1]` is the `detainer.probableCause` group.
    static func baseName(_ name: String) -> String {
        name.firstIndex(of: "[").map { String(name[..<$0]) } ?? name
    }

    /// The label the page shows for a field, else the key's last part spelled out
    /// (`duplicateReason` → "Duplicate reason").
    static func label(for name: String, labels: [String: String]) -> String {
        if let label = labels[Forms.fieldID(name)] ?? labels[Forms.fieldID(baseName(name))] { return label }
        let last = baseName(name).split(separator: ".").last.map(String.init) ?? name
        var words = ""
        for character in last {
            if character.isUppercase, !words.isEmpty { words += " " + character.lowercased() } else { words.append(character) }
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// `id → label text` for every `<label for="id">text` in the page (the text up to the first
    /// tag, so the "(required)" marker is left out), unescaped.
    static func labels(in rendered: String) -> [String: String] {
        var labels: [String: String] = [:]
        var rest = Substring(rendered)
        let opening = "<label for=\""
        while let start = rest.range(of: opening) {
            rest = rest[start.upperBound...]
            guard let quote = rest.firstIndex(of: "\"") else { break }
            let id = String(rest[..<quote])
            guard let close = rest[quote...].firstIndex(of: ">") else { break }
            let after = rest[rest.index(after: close)...]
            let text = after.prefix { $0 != "<" }.trimmingCharacters(in: .whitespaces)
            if labels[id] == nil, !text.isEmpty { labels[id] = unescape(text) }
            rest = after
        }
        return labels
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
