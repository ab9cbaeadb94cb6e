/// The city agency holding the person; each is governed by its own section of the Admin. Code.
public enum Agency: String, Sendable, Hashable, CaseIterable, Codable {
    /// Department of Correction, Admin. Code §9-131.
    case doc = "DOC"
    /// Police Department, Admin. Code §14-154.
    case nypd = "NYPD"
    /// Department of Probation, Admin. Code §9-205 (terms as defined in §9-131).
    case dop = "DOP"
}

/// What ICE presented with the detainer (§9-131(a)(5), §14-154(a)(4)).
public enum WarrantKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Signed by an Article III judge or a federal magistrate judge (28 U.S.C. § 631).
    case judicial
    /// An ICE administrative warrant (Form I-200 or I-205): not a judicial warrant.
    case administrative
    case none
}

/// Where the conviction was entered.
public enum Jurisdiction: String, Sendable, Hashable, CaseIterable, Codable {
    /// A New York judgment (CPL 1.20(15)).
    case newYork = "NY"
    /// Another state: counts only as a PL 70.06(1)(b)(i) predicate with a violent-or-serious equivalent.
    case otherState
    /// A federal conviction: same test as another state.
    case federal
}

extension Agency {
    /// An agency as a person types it, in any case (`doc`, `Nypd`): the one rule for every front
    /// end (README, "Enumerations"); nil when it is none of them.
    public init?(typed text: String) {
        let folded = text.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }

    /// "NYPD, DOC or DOP", for messages that list the accepted values.
    public static var spelledOut: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
