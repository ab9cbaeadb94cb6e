/// The "specified offenses" of PL 485.05(3): only these (and an attempt or conspiracy to commit
/// one) can be a hate crime, and PL 485.10 raises the class of a hate crime one step from the
/// specified offense's (`ProjectDecisions.hateCrimeRaisesSpecifiedOffensesOnly`).
///
/// Text: PL 485.05(3) as enacted by L.2000 ch.107 and amended through 2019 (general knowledge of
/// the Penal Law; the stored law reference does not quote 485.05(3) — UNVERIFIED against an
/// official copy). Classes are each section's own (PL article tables); `nil` = the class varies
/// with the facts and must be stated. Subdivision limits are the ones 485.05(3) itself names.
enum HateCrimeOffenses {
    struct Entry: Sendable {
        /// Class of the specified offense as a completed crime; nil = must be stated.
        let level: OffenseLevel?
        /// Only these first-level subdivisions are specified (e.g. 125.20(1), (2), (4)); nil = all.
        let subdivisions: Set<String>?
    }

    static func entry(for section: PenalSection) -> Entry? { table[section] }

    /// Whether `subdivisions` (as written) fall inside the entry: unknown when a limit exists and
    /// no subdivision was written.
    static func admits(_ entry: Entry, _ subdivisions: [String]) -> Tri {
        guard let limit = entry.subdivisions else { return .yes }
        guard let first = subdivisions.first else { return .unknown }
        return limit.contains(first) ? .yes : .no
    }

    private static let table: [PenalSection: Entry] = Dictionary(uniqueKeysWithValues: written.map { item in
        (PenalSection(parsing: Substring(item.0))!, Entry(level: item.1, subdivisions: item.2.map(Set.init)))
    })

    private static let misdemeanorA = OffenseLevel.misdemeanor(.a)
    private static let misdemeanorB = OffenseLevel.misdemeanor(.b)

    private static let written: [(String, OffenseLevel?, [String]?)] = [
        ("120.00", misdemeanorA, nil),       // assault 3rd
        ("120.05", .felony(.d), nil),        // assault 2nd
        ("120.10", .felony(.b), nil),        // assault 1st
        ("120.12", .felony(.e), nil),        // aggravated assault upon a person less than eleven
        ("120.13", .felony(.e), nil),        // menacing 1st
        ("120.14", misdemeanorA, nil),       // menacing 2nd
        ("120.15", misdemeanorB, nil),       // menacing 3rd
        ("120.20", misdemeanorA, nil),       // reckless endangerment 2nd
        ("120.25", .felony(.d), nil),        // reckless endangerment 1st
        ("120.45", misdemeanorB, nil),       // stalking 4th
        ("120.50", misdemeanorA, nil),       // stalking 3rd
        ("120.55", .felony(.e), nil),        // stalking 2nd
        ("120.60", .felony(.d), nil),        // stalking 1st
        ("121.12", .felony(.d), nil),        // strangulation 2nd
        ("121.13", .felony(.c), nil),        // strangulation 1st
        ("125.15", .felony(.c), ["1"]),      // manslaughter 2nd, subdivision one
        ("125.20", .felony(.b), ["1", "2", "4"]),  // manslaughter 1st, subdivisions one, two, four
        ("125.25", .felony(.aI), nil),       // murder 2nd
        ("130.35", .felony(.b), ["1"]),      // rape 1st, subdivision one
        ("130.50", .felony(.b), ["1"]),      // criminal sexual act 1st, subdivision one
        ("130.65", .felony(.d), ["1"]),      // sexual abuse 1st, subdivision one
        ("130.67", .felony(.c), ["1"]),      // aggravated sexual abuse 2nd, 1(a)
        ("130.70", .felony(.b), ["1"]),      // aggravated sexual abuse 1st, 1(a)
        ("135.05", misdemeanorA, nil),       // unlawful imprisonment 2nd
        ("135.10", .felony(.e), nil),        // unlawful imprisonment 1st
        ("135.20", .felony(.b), nil),        // kidnapping 2nd
        ("135.25", .felony(.aI), nil),       // kidnapping 1st
        ("135.60", misdemeanorA, nil),       // coercion 3rd
        ("135.61", .felony(.e), nil),        // coercion 2nd
        ("135.65", .felony(.d), nil),        // coercion 1st
        ("140.10", misdemeanorB, nil),       // criminal trespass 3rd
        ("140.15", misdemeanorA, nil),       // criminal trespass 2nd
        ("140.17", .felony(.d), nil),        // criminal trespass 1st
        ("140.20", .felony(.d), nil),        // burglary 3rd
        ("140.25", .felony(.c), nil),        // burglary 2nd
        ("140.30", .felony(.b), nil),        // burglary 1st
        ("145.00", misdemeanorA, nil),       // criminal mischief 4th
        ("145.05", .felony(.e), nil),        // criminal mischief 3rd
        ("145.10", .felony(.d), nil),        // criminal mischief 2nd
        ("145.12", .felony(.c), nil),        // criminal mischief 1st
        ("150.05", .felony(.e), nil),        // arson 4th
        ("150.10", .felony(.c), nil),        // arson 3rd
        ("150.15", .felony(.b), nil),        // arson 2nd
        ("150.20", .felony(.aI), nil),       // arson 1st
        ("155.25", misdemeanorA, nil),       // petit larceny
        ("155.30", .felony(.e), nil),        // grand larceny 4th
        ("155.35", .felony(.d), nil),        // grand larceny 3rd
        ("155.40", .felony(.c), nil),        // grand larceny 2nd
        ("155.42", .felony(.b), nil),        // grand larceny 1st
        ("160.05", .felony(.d), nil),        // robbery 3rd
        ("160.10", .felony(.c), nil),        // robbery 2nd
        ("160.15", .felony(.b), nil),        // robbery 1st
        ("240.25", misdemeanorB, nil),       // harassment 1st
        ("240.30", misdemeanorA, ["1", "2", "4"]),  // aggravated harassment 2nd, subdivisions one, two, four
        ("490.10", .felony(.d), nil),        // soliciting or providing support for terrorism 2nd
        ("490.15", .felony(.c), nil),        // soliciting or providing support for terrorism 1st
        ("490.20", .felony(.d), nil),        // making a terroristic threat
        ("490.25", nil, nil),                // crime of terrorism: one category above the specified offense
        ("490.30", .felony(.e), nil),        // hindering prosecution of terrorism 2nd
        ("490.35", .felony(.c), nil),        // hindering prosecution of terrorism 1st
        ("490.37", .felony(.c), nil),        // criminal possession of a chemical or biological weapon 3rd
        ("490.40", .felony(.b), nil),        // … 2nd
        ("490.45", .felony(.aI), nil),       // … 1st
        ("490.47", .felony(.b), nil),        // criminal use of a chemical or biological weapon 3rd
        ("490.50", .felony(.aII), nil),      // … 2nd
        ("490.55", .felony(.aI), nil),       // … 1st
    ]

    /// PL 485.10(2)-(4): a misdemeanor or a class C, D or E felony becomes one category higher; a
    /// class B or A felony keeps its class (only the sentence changes). A violation is not raised.
    static func raised(_ level: OffenseLevel) -> OffenseLevel? {
        switch level {
        case .felony(.e): return .felony(.d)
        case .felony(.d): return .felony(.c)
        case .felony(.c): return .felony(.b)
        case .felony: return level
        case .misdemeanor(.a): return .felony(.e)
        case .misdemeanor(.b): return .misdemeanor(.a)
        case .misdemeanor: return nil  // unclassified or unspecified: the raised class is not known
        case .violation, .trafficInfraction: return level
        }
    }

    /// PL 110.05: the class of an attempt to commit an offense of `level`. A-I and A-II attempts
    /// can keep their class, otherwise a class A attempt is a B felony: all are felonies, so the
    /// lowest (B) stands in. An attempted B misdemeanor is a violation (110.05(9)).
    static func attemptLevel(_ level: OffenseLevel) -> OffenseLevel? {
        switch level {
        case .felony(.aI), .felony(.aII), .felony(.a): return .felony(.b)
        case .felony(.b): return .felony(.c)
        case .felony(.c): return .felony(.d)
        case .felony(.d): return .felony(.e)
        case .felony(.e): return .misdemeanor(.a)
        case .misdemeanor(.a): return .misdemeanor(.b)
        case .misdemeanor(.b): return .violation
        case .misdemeanor, .violation, .trafficInfraction: return nil
        }
    }
}
