/// Element helpers for the page code. Every name is a literal; every value goes through `HTML(_:)`
/// or `Attribute`, so nothing here can emit unescaped data.
extension Attribute {
    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    public static func href(_ value: String) -> Attribute { Attribute("href", value) }
    public static func name(_ value: String) -> Attribute { Attribute("name", value) }
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    public static func type(_ value: String) -> Attribute { Attribute("type", value) }
    public static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    public static func aria(describedBy value: String) -> Attribute { Attribute("aria-describedby", value) }
    public static func data(deadline value: String) -> Attribute { Attribute("data-deadline", value) }
    public static var required: Attribute { Attribute("required", present: true) }
}

public func el(_ name: StaticString, _ attributes: Attribute..., @HTMLBuilder content: () -> HTML) -> HTML {
    HTML.element(name, attributes, content())
}

public func el(_ name: StaticString, _ attributes: Attribute..., text: String) -> HTML {
    HTML.element(name, attributes, HTML(text))
}

public func void(_ name: StaticString, _ attributes: Attribute...) -> HTML {
    HTML.void(name, attributes)
}

public func void(_ name: StaticString, attributes: [Attribute]) -> HTML {
    HTML.void(name, attributes)
}

public func element(_ name: StaticString, attributes: [Attribute], @HTMLBuilder content: () -> HTML) -> HTML {
    HTML.element(name, attributes, content())
}
