/// The one rule for enumerated values on every input (issue 25 §3): a flag, a form field, a JSON
/// value or a query parameter is accepted in any case (`Judicial`, `doc`, `No`) and stands for
/// the canonical spelling, which is what is stored; an unknown value is refused with the list of
/// choices (`choicesText`).
extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// The case whose spelling matches `text` ignoring case; the exact spelling wins.
    public init?(anyCase text: String) {
        if let exact = Self(rawValue: text) { self = exact; return }
        let folded = text.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }

    /// "a, b or c": every accepted spelling, for an error that names the choices.
    public static var choicesText: String {
        let names = allCases.map(\.rawValue)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
