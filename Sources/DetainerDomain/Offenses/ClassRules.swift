/// The classes the Penal Law and the Vehicle and Traffic Law allow an offense to have, so a stated
/// `felonyClass` can be checked against them on every path (issue 24 §1): PL 110.05 for attempts,
/// the object each degree of articles 100, 105 and 115 requires, PL 485.10 for hate crimes, and
/// the VTL subdivisions whose class the subdivision fixes. A stated class outside what the law
/// allows is `FELONY_CLASS_CONFLICT` (needsReview): either the class or the statute is wrong.
enum ClassRules {
    /// PL 110.05: the classes an attempt to commit an offense of `level` can have.
    /// (1)-(2) an attempt of certain A-I / A-II felonies keeps its class, (3) any other class A
    /// felony attempt is a class B felony, (4)-(6) B→C, C→D, D→E, (7) an attempted E felony is a
    /// class A misdemeanor, (8) an attempted A misdemeanor a B misdemeanor, (9) an attempted B
    /// misdemeanor a violation. For an A felony both readings are allowed (the list of (1)-(2) is
    /// not encoded section by section).
    static func attemptLevels(_ level: OffenseLevel) -> [OffenseLevel]? {
        switch level {
        case .felony(.aI): return [.felony(.b), .felony(.aI)]
        case .felony(.aII): return [.felony(.b), .felony(.aII)]
        case .felony(.a): return [.felony(.b), .felony(.aI), .felony(.aII)]
        case .felony(.b): return [.felony(.c)]
        case .felony(.c): return [.felony(.d)]
        case .felony(.d): return [.felony(.e)]
        case .felony(.e): return [.misdemeanor(.a)]
        case .misdemeanor(.a): return [.misdemeanor(.b)]
        case .misdemeanor(.b): return [.violation]
        case .misdemeanor, .violation, .trafficInfraction: return nil
        }
    }

    /// The classes a catalog row can have as a completed crime; nil when the row does not fix them.
    static func levels(_ offenseClass: CatalogClass) -> [OffenseLevel]? {
        switch offenseClass {
        case .fixed(let value): return [.felony(value)]
        case .atLeast, .dependsOnSubdivision, .oneAboveSpecifiedOffense: return nil
        }
    }

    /// Whether `stated` is one of `allowed` (a plain "A" matches A-I and A-II, an unspecified
    /// misdemeanor any misdemeanor).
    static func admits(_ allowed: [OffenseLevel], _ stated: OffenseLevel) -> Bool {
        allowed.contains { OffenseClassifier.compatible(stated: stated, fixed: $0) }
    }

    /// Sources: the text of each section (PL 100.08 "to commit a felony", 100.10 and 100.13 "a
    /// class A felony", 105.10(1) "a class B or a class C felony" and (2)-(3) other felonies, 105.13
    /// "a class B or class C felony", 105.15 and 105.17 "a class A felony", 115.01 "a felony",
    /// 115.05 and 115.08 "a class A felony"). General knowledge of the Penal Law, not verified
    /// against an official copy. The lower degrees (100.00, 100.05, 105.00, 105.05, 115.00) admit
    /// any crime.
    static let objectRequirements: [PenalSection: InchoateObjectRequirement] = Dictionary(uniqueKeysWithValues: [
        ("100.08", InchoateObjectRequirement.felony), ("100.10", .classAFelony), ("100.13", .classAFelony),
        ("105.10", .felony), ("105.13", .classBOrC), ("105.15", .classAFelony), ("105.17", .classAFelony),
        ("115.01", .felony), ("115.05", .classAFelony), ("115.08", .classAFelony),
    ].map { (PenalSection(parsing: Substring($0.0))!, $0.1) })

    static func objectRequirement(_ section: PenalSection?) -> InchoateObjectRequirement? {
        section.flatMap { objectRequirements[$0] }
    }

    /// VTL sections whose class the subdivision fixes: the classes each first-level subdivision
    /// allows. VTL 600(1) (property damage) is a traffic infraction (600(1)(c)); 600(2) (personal
    /// injury) a B or A misdemeanor, an E felony (serious physical injury, or a prior conviction)
    /// or a D felony (death) (600(2)(c)). VTL 1192(1) is a traffic infraction (1193(1)(a)); the
    /// other subdivisions are misdemeanors, E or D felonies (1193(1)(b)-(c)). VTL 511(1)-(2) are
    /// misdemeanors, 511(3) an E felony. General knowledge of the VTL, not verified against an
    /// official copy. Among these only VTL 600 felonies count (§9-131(a)(7)(iv)); the others are
    /// read so that a contradictory record is not silently trusted.
    static func vehicleAndTrafficLevels(_ section: LawSection) -> [OffenseLevel]? {
        guard let first = section.subdivisions.first else { return nil }
        let misdemeanorOrFelony: [OffenseLevel] = [.misdemeanor(.unspecified), .felony(.e), .felony(.d)]
        switch (section.section, first) {
        case ("600", "1"), ("1192", "1"): return [.trafficInfraction]
        case ("600", "2"): return [.misdemeanor(.b), .misdemeanor(.a), .felony(.e), .felony(.d)]
        case ("1192", "2"), ("1192", "2-a"), ("1192", "3"), ("1192", "4"), ("1192", "4-a"): return misdemeanorOrFelony
        case ("511", "1"), ("511", "2"): return [.misdemeanor(.unspecified)]
        case ("511", "3"): return [.felony(.e)]
        default: return nil
        }
    }

    /// The provision that fixes a VTL subdivision's class, for messages and citations.
    static func vehicleAndTrafficSource(_ subject: String) -> String {
        if subject.contains("VTL 600") { return "VTL 600(1)(c), 600(2)(c)" }
        if subject.contains("VTL 1192") { return "VTL 1193(1)" }
        if subject.contains("VTL 511") { return "VTL 511(1)-(3)" }
        return "the Vehicle and Traffic Law"
    }

    /// The VTL reading of `admits`: misdemeanors of any class agree with each other (the VTL's
    /// are mostly unclassified, often written "A misdemeanor"), and a violation with a traffic
    /// infraction; felony classes must match.
    static func vehicleAndTrafficAdmits(_ allowed: [OffenseLevel], _ stated: OffenseLevel) -> Bool {
        allowed.contains { level in
            switch (stated, level) {
            case (.misdemeanor, .misdemeanor): return true
            case (.violation, .trafficInfraction), (.trafficInfraction, .trafficInfraction): return true
            case (.felony(let a), .felony(let b)): return a == b
            default: return false
            }
        }
    }
}

/// Why a stated class was found to contradict the law, kept with the finding so the message can
/// name both facts and the provision that decides.
public enum ClassConflict: Sendable, Hashable {
    /// A listed section that is always a felony (or at least `minimum`), stated otherwise.
    case listedSection(minimum: FelonyClass?)
    /// An attempt whose stated class does not follow PL 110.05.
    case attempt(allowed: [OffenseLevel])
    /// A degree of PL 100/105/115 whose class the degree fixes, stated otherwise.
    case degree(fixed: OffenseLevel)
    /// A degree of PL 100/105/115 whose object crime cannot be of the kind the degree requires.
    case degreeObject(InchoateObjectRequirement)
    /// A hate crime whose stated class is not the one PL 485.10 gives.
    case hateCrime(allowed: [OffenseLevel])
    /// A VTL subdivision whose class the subdivision fixes, stated otherwise.
    case vehicleAndTraffic(allowed: [OffenseLevel])
}

/// What each degree of articles 100, 105 and 115 requires of the crime it is directed at.
public enum InchoateObjectRequirement: Sendable, Hashable {
    /// "a class A felony": PL 100.10, 100.13, 105.15, 105.17, 115.05, 115.08.
    case classAFelony
    /// "a class B or class C felony": PL 105.13.
    case classBOrC
    /// "a felony": PL 100.08, 105.10, 115.01.
    case felony

    var phrase: String {
        switch self {
        case .classAFelony: return "a class A felony"
        case .classBOrC: return "a class B or class C felony"
        case .felony: return "a felony"
        }
    }

    /// yes = the object's class meets the requirement, no = it cannot, unknown = the catalog
    /// does not fix the class.
    func admits(_ objectClass: CatalogClass) -> Tri {
        switch (self, objectClass) {
        case (.felony, _): return objectClass.isAlwaysFelony ? .yes : .unknown
        case (.classAFelony, .fixed(let value)): return value >= .a ? .yes : .no
        case (.classBOrC, .fixed(let value)): return value == .b || value == .c ? .yes : .no
        // PL 265.10 is at most a class D felony (offenses.csv).
        case (.classAFelony, .dependsOnSubdivision), (.classBOrC, .dependsOnSubdivision): return .no
        case (.classBOrC, .atLeast(let value)): return value > .c ? .no : .unknown
        default: return .unknown
        }
    }
}

