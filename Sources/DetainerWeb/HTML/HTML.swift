/// A fragment of HTML that is safe by construction: text and attribute values can only enter
/// escaped, and markup can only come from string literals in this module's source
/// (`StaticString`), never from data. A person named `<script>alert(1)</script>` renders as text.
public struct HTML: Sendable, CustomStringConvertible {
    public private(set) var rendered: String

    private init(trusted: String) { rendered = trusted }

    public init() { rendered = "" }

    /// Text content, escaped.
    public init(_ text: String) { rendered = Self.escape(text) }

    /// Markup written in this source file; a `StaticString` cannot carry data.
    public static func raw(_ markup: StaticString) -> HTML { HTML(trusted: markup.description) }

    public var description: String { rendered }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { join([lhs, rhs]) }

    /// This fragment with the first occurrence of `marker` replaced by `replacement` (both are
    /// HTML already, so nothing unescaped can enter); unchanged when the marker is absent.
    public func replacingFirst(_ marker: HTML, with replacement: HTML) -> HTML {
        guard !marker.rendered.isEmpty, let range = rendered.range(of: marker.rendered) else { return self }
        return HTML(trusted: rendered.replacingCharacters(in: range, with: replacement.rendered))
    }

    public mutating func append(_ other: HTML) { rendered += other.rendered }

    /// Each part is copied once, into a string sized for all of them: a page is built by
    /// nesting, so a copy per level per part (what `+` chains do) is most of rendering's cost.
    public static func join(_ parts: [HTML], separator: HTML = HTML()) -> HTML {
        var out = ""
        out.reserveCapacity(parts.reduce(0) { $0 + $1.rendered.utf8.count } + separator.rendered.utf8.count * max(parts.count - 1, 0))
        for (index, part) in parts.enumerated() {
            if index > 0 { out += separator.rendered }
            out += part.rendered
        }
        return HTML(trusted: out)
    }

    /// `<name attrs>children</name>`. Element and attribute names are literals; values escaped.
    public static func element(_ name: StaticString, _ attributes: [Attribute], _ children: HTML) -> HTML {
        let tag = name.description
        var out = ""
        out.reserveCapacity(2 * tag.utf8.count + 5 + children.rendered.utf8.count + attributes.reduce(0) { $0 + $1.rendered.utf8.count })
        out += "<"
        out += tag
        for attribute in attributes { out += attribute.rendered }
        out += ">"
        out += children.rendered
        out += "</"
        out += tag
        out += ">"
        return HTML(trusted: out)
    }

    /// A void element such as `<input …>`.
    public static func void(_ name: StaticString, _ attributes: [Attribute]) -> HTML {
        var out = "<" + name.description
        for attribute in attributes { out += attribute.rendered }
        return HTML(trusted: out + ">")
    }

    /// An empty SVG element, `<rect …/>`: inside SVG an unclosed tag would swallow what follows.
    public static func empty(_ name: StaticString, _ attributes: [Attribute]) -> HTML {
        var out = "<" + name.description
        for attribute in attributes { out += attribute.rendered }
        return HTML(trusted: out + "/>")
    }

    /// Works on UTF-8 bytes: the five characters it replaces are ASCII, so no multi-byte
    /// character can contain them. Most values (names, dates, ids) need no change and are
    /// returned as they are: escaping was the largest single cost of rendering the queue page.
    static func escape(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One attribute: a literal name and an escaped value (or a bare boolean attribute).
public struct Attribute: Sendable {
    let rendered: String

    public init(_ name: StaticString, _ value: String) {
        let escaped = HTML.escape(value), key = name.description
        var out = ""
        out.reserveCapacity(key.utf8.count + escaped.utf8.count + 4)
        out += " "
        out += key
        out += "=\""
        out += escaped
        out += "\""
        rendered = out
    }

    /// A boolean attribute (`required`, `checked`, …), present only when `on`.
    public init(_ name: StaticString, present on: Bool) {
        rendered = on ? " " + name.description : ""
    }
}

/// Lets page code read like markup: `div(.class("card")) { h2("Queue"); … }`.
@resultBuilder
public enum HTMLBuilder {
    public static func buildBlock(_ parts: HTML...) -> HTML { HTML.join(parts) }
    public static func buildExpression(_ html: HTML) -> HTML { html }
    public static func buildExpression(_ text: String) -> HTML { HTML(text) }
    public static func buildOptional(_ html: HTML?) -> HTML { html ?? HTML() }
    public static func buildEither(first: HTML) -> HTML { first }
    public static func buildEither(second: HTML) -> HTML { second }
    public static func buildArray(_ parts: [HTML]) -> HTML { HTML.join(parts) }
}
