/// New York felony classes (PL 55.05), highest first.
public enum FelonyClass: UInt8, Sendable, Hashable, CaseIterable, Comparable {
    case e = 1, d, c, b
    /// "A" without a subclass (e.g. older records); ranks with A-II for comparisons.
    case a
    case aII
    case aI

    public var label: String {
        switch self {
        case .aI: return "A-I"
        case .aII: return "A-II"
        case .a: return "A"
        case .b: return "B"
        case .c: return "C"
        case .d: return "D"
        case .e: return "E"
        }
    }

    public static func < (lhs: FelonyClass, rhs: FelonyClass) -> Bool { lhs.rank < rhs.rank }

    var rank: Int {
        switch self {
        case .e: return 1
        case .d: return 2
        case .c: return 3
        case .b: return 4
        case .a, .aII: return 5
        case .aI: return 6
        }
    }

    /// The highest class an attempt can have under PL 110.05: A-I and A-II attempts keep their
    /// class in the cases of 110.05(1)-(2), otherwise one class lower; an attempted E felony is a
    /// class A misdemeanor (nil).
    var highestAttemptClass: FelonyClass? {
        switch self {
        case .aI: return .aI
        case .aII, .a: return .aII
        case .b: return .c
        case .c: return .d
        case .d: return .e
        case .e: return nil
        }
    }
}

/// The grade of an offense as convicted, from the input's `felonyClass` field.
///
/// Accepted spellings (case-insensitive): `A-I`, `A-II`, `A`, `B`, `C`, `D`, `E` (felonies);
/// `misdemeanor`, `A misdemeanor`, `B misdemeanor`, `unclassified misdemeanor`; `violation`;
/// `infraction` or `traffic infraction`. Non-felony grades are accepted so a clerk can record
/// that a conviction is *not* a felony, which settles cases the statute alone cannot (VTL 600,
/// PL 265.10, conspiracies).
public enum OffenseLevel: Sendable, Hashable {
    case felony(FelonyClass)
    case misdemeanor(MisdemeanorClass)
    case violation
    case trafficInfraction

    public enum MisdemeanorClass: String, Sendable, Hashable {
        case a = "A misdemeanor"
        case b = "B misdemeanor"
        case unclassified = "unclassified misdemeanor"
        case unspecified = "misdemeanor"
    }

    public var isFelony: Bool {
        if case .felony = self { return true }
        return false
    }

    public var felonyClass: FelonyClass? {
        if case .felony(let value) = self { return value }
        return nil
    }

    public init?(parsing text: String) {
        switch text.lowercased() {
        case "a-i": self = .felony(.aI)
        case "a-ii": self = .felony(.aII)
        case "a": self = .felony(.a)
        case "b": self = .felony(.b)
        case "c": self = .felony(.c)
        case "d": self = .felony(.d)
        case "e": self = .felony(.e)
        case "misdemeanor": self = .misdemeanor(.unspecified)
        case "a misdemeanor": self = .misdemeanor(.a)
        case "b misdemeanor": self = .misdemeanor(.b)
        case "unclassified misdemeanor": self = .misdemeanor(.unclassified)
        case "violation": self = .violation
        case "infraction", "traffic infraction": self = .trafficInfraction
        default: return nil
        }
    }

    public static let acceptedSpellings = [
        "A-I", "A-II", "A", "B", "C", "D", "E", "misdemeanor", "A misdemeanor", "B misdemeanor",
        "unclassified misdemeanor", "violation", "infraction",
    ]

    /// The canonical input spelling, also used in messages ("class D felony").
    public var label: String {
        switch self {
        case .felony(let value): return value.label
        case .misdemeanor(let value): return value.rawValue
        case .violation: return "violation"
        case .trafficInfraction: return "traffic infraction"
        }
    }

    public var phrase: String {
        switch self {
        case .felony(let value): return "a class \(value.label) felony"
        case .misdemeanor(.unspecified): return "a misdemeanor"
        case .misdemeanor(.a): return "an A misdemeanor"
        case .misdemeanor(.unclassified): return "an unclassified misdemeanor"
        case .misdemeanor(let value): return "a " + value.rawValue
        case .violation: return "a violation"
        case .trafficInfraction: return "a traffic infraction"
        }
    }
}
