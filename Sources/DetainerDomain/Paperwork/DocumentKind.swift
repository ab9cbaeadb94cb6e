/// What a document kept with a detainer is (issue 21 §1): the ICE forms a detainer arrives on,
/// a judicial warrant, the criminal-history printout, a letter from defence counsel.
public enum DocumentKind: String, Sendable, CaseIterable {
    case i247a, i200, i205, judicialWarrant, criminalHistory, counselLetter, other

    /// The office's words for the kind (pages and the printed record).
    public var label: String {
        switch self {
        case .i247a: "Form I-247A (immigration detainer)"
        case .i200: "Form I-200 (warrant for arrest of alien)"
        case .i205: "Form I-205 (warrant of removal)"
        case .judicialWarrant: "Judicial warrant"
        case .criminalHistory: "Criminal-history search"
        case .counselLetter: "Letter from counsel"
        case .other: "Other"
        }
    }

    /// The short name, where space is scarce (the printed record's list of documents).
    public var shortLabel: String {
        switch self {
        case .i247a: "I-247A"
        case .i200: "I-200"
        case .i205: "I-205"
        case .judicialWarrant: "judicial warrant"
        case .criminalHistory: "criminal history"
        case .counselLetter: "counsel letter"
        case .other: "other"
        }
    }

    /// Any case, as every enumeration on the command line (`--kind I247A`).
    public init?(typed: String) {
        guard let kind = Self.allCases.first(where: { $0.rawValue.lowercased() == typed.lowercased() }) else { return nil }
        self = kind
    }

    public static var spelledOut: String { allCases.map(\.rawValue).joined(separator: "|") }
}
