import DetainerStore

/// Form controls with a label on every input, the error (if any) beside its field and tied to it
/// by aria-describedby, and the entered value kept.
enum Forms {
    static func csrf(_ session: WebSession) -> HTML {
        void("input", .type("hidden"), .name(SessionMiddleware.csrfField), .value(session.csrfToken))
    }

    /// `scope` keeps ids unique when several forms on one page share field names.
    /// Turns a field name such as `person.name` into an element id.
    static func fieldID(_ name: String) -> String {
        "f-" + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    /// `required`, and the hint and error tied to the control (aria-describedby, aria-invalid), the
    /// same for every kind of control.
    private static func stateAttributes(id: String, hint: String?, error: String?, required: Bool) -> [Attribute] {
        var attributes: [Attribute] = required ? [.required] : []
        var described: [String] = []
        if hint != nil { described.append(id + "-hint") }
        if error != nil { described.append(id + "-error"); attributes.append(Attribute("aria-invalid", "true")) }
        if !described.isEmpty { attributes.append(.aria(describedBy: described.joined(separator: " "))) }
        return attributes
    }

    static func input(_ label: String, name: String, value: String? = nil, type: String = "text", error: String? = nil,
                      hint: String? = nil, required: Bool = false, extra: [Attribute] = [], scope: String = "") -> HTML {
        let id = fieldID(scope + name)
        let attributes: [Attribute] = [.type(type), .id(id), .name(name), .value(value ?? "")] + extra
            + stateAttributes(id: id, hint: hint, error: error, required: required)
        return wrap(label, id: id, hint: hint, error: error, required: required, control: void("input", attributes: attributes))
    }

    static func textarea(_ label: String, name: String, value: String? = nil, error: String? = nil, hint: String? = nil, required: Bool = false,
                         scope: String = "") -> HTML {
        let id = fieldID(scope + name)
        let attributes: [Attribute] = [.id(id), .name(name)] + stateAttributes(id: id, hint: hint, error: error, required: required)
        return wrap(label, id: id, hint: hint, error: error, required: required,
                    control: element("textarea", attributes: attributes) { HTML(value ?? "") })
    }

    /// `options` are (value, label); an empty value is "not given".
    static func select(_ label: String, name: String, options: [(String, String)], selected: String? = nil, error: String? = nil,
                       hint: String? = nil, required: Bool = false, scope: String = "") -> HTML {
        let id = fieldID(scope + name)
        let attributes: [Attribute] = [.id(id), .name(name)] + stateAttributes(id: id, hint: hint, error: error, required: required)
        let control = element("select", attributes: attributes) {
            for (value, text) in options {
                element("option", attributes: [.value(value), Attribute("selected", present: value == (selected ?? ""))]) { HTML(text) }
            }
        }
        return wrap(label, id: id, hint: hint, error: error, required: required, control: control)
    }

    private static func wrap(_ label: String, id: String, hint: String?, error: String?, required: Bool, control: HTML) -> HTML {
        el("div", .class(error == nil ? "field" : "field invalid")) {
            el("label", .for(id)) {
                HTML(label)
                if required { el("span", .class("muted"), text: " (required)") }
            }
            if let hint { el("span", .class("hint"), .id(id + "-hint"), text: hint) }
            if let error { el("span", .class("error"), .id(id + "-error"), text: error) }
            control
        }
    }

    static func submit(_ label: String, style: String? = nil) -> HTML {
        if let style { return el("button", .type("submit"), .class(style), text: label) }
        return el("button", .type("submit"), text: label)
    }
}
