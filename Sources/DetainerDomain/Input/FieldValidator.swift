extension ValidationIssue {
    /// A problem with one field of what a user typed (an option, a JSON field, a CSV column).
    public init(field: String, _ message: String) {
        self.init(path: field, message: message)
    }

    public var field: String { path }
}

/// Collects field errors while validating, then throws them together.
public struct FieldValidator: Sendable {
    public private(set) var errors: [ValidationIssue] = []

    public init() {}

    public mutating func fail(_ field: String, _ message: String) {
        errors.append(ValidationIssue(path: field, message: message))
    }

    /// Throws every problem found, together.
    public func finish() throws(InputErrors) {
        if !errors.isEmpty { throw InputErrors(errors) }
    }

    /// Free text: kept exactly as given (any script), but never empty, never longer than
    /// `maxLength` characters (Unicode scalars, as SQLite counts), never with control characters.
    public mutating func text(_ value: String?, _ field: String, maxLength: Int, required: Bool = false,
                              allowNewlines: Bool = false) -> String? {
        guard let value else {
            if required { fail(field, "is required") }
            return nil
        }
        if value.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            fail(field, value.isEmpty ? "is empty" : "is only whitespace")
            return nil
        }
        let count = value.unicodeScalars.count
        if count > maxLength {
            fail(field, "is \(count) characters; the limit is \(maxLength)")
            return nil
        }
        if let bad = value.unicodeScalars.first(where: { Self.isControl($0, allowNewlines: allowNewlines) }) {
            fail(field, "contains a control character (U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(4)))")
            return nil
        }
        return value
    }

    /// An identifier: letters, digits and the given punctuation only.
    public mutating func code(_ value: String?, _ field: String, maxLength: Int, punctuation: String = "-",
                              required: Bool = false) -> String? {
        guard let text = text(value, field, maxLength: maxLength, required: required) else { return nil }
        let ok = text.unicodeScalars.allSatisfy {
            ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || punctuation.unicodeScalars.contains($0)
        }
        if !ok {
            fail(field, "may contain only letters, digits\(punctuation.isEmpty ? "" : " and \(punctuation.map { String($0) }.joined(separator: " "))") (got \"\(text)\")")
            return nil
        }
        return text
    }

    public mutating func date(_ value: String?, _ field: String, required: Bool = false) -> CivilDate? {
        guard let value else {
            if required { fail(field, "is required") }
            return nil
        }
        guard let date = CivilDate(parsing: value) else {
            fail(field, "\"\(value)\" is not a real calendar date in the form YYYY-MM-DD")
            return nil
        }
        return date
    }

    public mutating func instant(_ value: String?, _ field: String, required: Bool = false) -> UTCInstant? {
        guard let value else {
            if required { fail(field, "is required") }
            return nil
        }
        // The one wall-clock reader (issue 13 §8): flags, JSON and imports agree.
        switch WallClockTime.parse(value) {
        case .success(let instant): return instant
        case .failure(let failure):
            fail(field, WallClockTime.message(failure, value))
            return nil
        }
    }

    public mutating func choice<T: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, as type: T.Type,
                                                                    required: Bool = false) -> T? where T.RawValue == String {
        guard let value else {
            if required { fail(field, "is required") }
            return nil
        }
        // Any case is accepted (`Judicial`, `doc`) and the canonical spelling kept (issue 25 §3).
        guard let choice = T(anyCase: value) else {
            fail(field, "unknown value \"\(value)\" (expected \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return choice
    }

    static func isControl(_ scalar: Unicode.Scalar, allowNewlines: Bool) -> Bool {
        if allowNewlines && (scalar == "\n" || scalar == "\t") { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
