/// A statute citation as a clerk or a data file wrote it, with its parsed structure.
/// The raw text is always kept: an unrecognized citation is reported, never guessed.
public struct Statute: Sendable, Hashable, CustomStringConvertible {
    public let raw: String
    public let citation: StatuteCitation

    public init(raw: String, citation: StatuteCitation) {
        self.raw = raw
        self.citation = citation
    }

    public var kind: StatuteKind { citation.kind }

    /// Normalized spelling (`PL 120.05(3)`, `PL 110/125.25`, `VTL 600(2)(c)`), or the raw text
    /// when it is not understood.
    public var description: String { citation.normalized ?? raw }
}

/// The coarse kind of a citation, used in counts and listings.
public enum StatuteKind: String, Sendable, Hashable, CaseIterable, Codable {
    case blank
    case penalLaw
    /// PL art. 100 solicitation, 105 conspiracy, 110 attempt, 115 facilitation.
    case inchoate
    case vehicleAndTraffic
    case administrativeCode
    /// Another named New York law (e.g. `GBL 349`).
    case otherLaw
    /// A section number written without its law (DOC data: `511(1)(A)`, `1192(2)-A`, `168-T`):
    /// several laws have such sections, so the law is not guessed.
    case lawNotStated
    /// A DOC booking code that cites no statute section (`CO`, `C-COM`, `FOA 900.00`, `AC 000.00` …).
    case nonStatuteCode
    case unrecognized
}

public enum StatuteCitation: Sendable, Hashable {
    case blank
    case penalLaw(PenalLawReference)
    case inchoate(InchoateReference)
    case vehicleAndTraffic(LawSection)
    case administrativeCode(LawSection)
    case otherLaw(law: String, LawSection)
    case lawNotStated(String)
    case nonStatuteCode(String)
    case unrecognized

    public var kind: StatuteKind {
        switch self {
        case .blank: return .blank
        case .penalLaw: return .penalLaw
        case .inchoate: return .inchoate
        case .vehicleAndTraffic: return .vehicleAndTraffic
        case .administrativeCode: return .administrativeCode
        case .otherLaw: return .otherLaw
        case .lawNotStated: return .lawNotStated
        case .nonStatuteCode: return .nonStatuteCode
        case .unrecognized: return .unrecognized
        }
    }

    var normalized: String? {
        switch self {
        case .blank, .unrecognized: return nil
        case .penalLaw(let reference): return "PL " + reference.description
        case .inchoate(let reference): return reference.description
        case .vehicleAndTraffic(let section): return "VTL " + section.description
        case .administrativeCode(let section): return "AC " + section.description
        case .otherLaw(let law, let section): return law + " " + section.description
        case .lawNotStated(let text), .nonStatuteCode(let text): return text
        }
    }
}

/// A Penal Law section with the subdivision path written after it: `265.02(3)` → ["3"],
/// `135.65(2)(b)` → ["2", "b"].
public struct PenalLawReference: Sendable, Hashable, CustomStringConvertible {
    public let section: PenalSection
    public let subdivisions: [String]

    public init(section: PenalSection, subdivisions: [String] = []) {
        self.section = section
        self.subdivisions = subdivisions
    }

    public var description: String { section.description + subdivisions.map { "(\($0))" }.joined() }
}

public enum InchoateKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// PL art. 100.
    case solicitation
    /// PL art. 105.
    case conspiracy
    /// PL art. 110 (class per PL 110.05).
    case attempt
    /// PL art. 115.
    case facilitation

    public init?(article: Int) {
        switch article {
        case 100: self = .solicitation
        case 105: self = .conspiracy
        case 110: self = .attempt
        case 115: self = .facilitation
        default: return nil
        }
    }

    var plural: String {
        switch self {
        case .solicitation: return "solicitations"
        case .conspiracy: return "conspiracies"
        case .attempt: return "attempts"
        case .facilitation: return "facilitations"
        }
    }

    /// "attempt to commit", "conspiracy to commit", "facilitation of" …
    var objectPreposition: String { self == .facilitation ? "of" : "to commit" }

    var pastParticiple: String {
        switch self {
        case .solicitation: return "soliciting"
        case .conspiracy: return "conspiring to commit"
        case .attempt: return "attempting"
        case .facilitation: return "facilitating"
        }
    }

    public var article: Int {
        switch self {
        case .solicitation: return 100
        case .conspiracy: return 105
        case .attempt: return 110
        case .facilitation: return 115
        }
    }
}

/// An inchoate offense: `110-125.25`, `PL 110/125.25`, `PL 105.15/125.25`, or `PL 105.15` alone
/// (the object crime may then come from the conviction's `objectStatute`).
public struct InchoateReference: Sendable, Hashable, CustomStringConvertible {
    public let kind: InchoateKind
    /// The inchoate section (`105.15`), or nil when only the article was written (`110`).
    public let section: PenalSection?
    /// The crime attempted, conspired, solicited or facilitated.
    public let object: PenalLawReference?

    public init(kind: InchoateKind, section: PenalSection?, object: PenalLawReference?) {
        self.kind = kind
        self.section = section
        self.object = object
    }

    public func with(object: PenalLawReference?) -> InchoateReference {
        InchoateReference(kind: kind, section: section, object: object)
    }

    public var description: String {
        "PL " + (section?.description ?? String(kind.article)) + (object.map { "/" + $0.description } ?? "")
    }
}

/// A section of a law other than the Penal Law, kept as text: `1192` + ["2"], `10-131` + ["g", "1"].
public struct LawSection: Sendable, Hashable, CustomStringConvertible {
    public let section: String
    public let subdivisions: [String]

    public init(section: String, subdivisions: [String] = []) {
        self.section = section
        self.subdivisions = subdivisions
    }

    public var description: String { section + subdivisions.map { "(\($0))" }.joined() }
}

extension StatuteKind {
    /// The kind in words, for text meant for people.
    public var plainName: String {
        switch self {
        case .blank: return "blank"
        case .penalLaw: return "a Penal Law section"
        case .inchoate: return "an attempt, conspiracy, solicitation or facilitation"
        case .vehicleAndTraffic: return "a Vehicle and Traffic Law section"
        case .administrativeCode: return "an Administrative Code section"
        case .otherLaw: return "a section of another law"
        case .lawNotStated: return "a section number without its law"
        case .nonStatuteCode: return "a booking code that cites no statute"
        case .unrecognized: return "not a recognised citation"
        }
    }
}
