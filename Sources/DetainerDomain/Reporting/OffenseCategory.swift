/// Offense categories in which public claims about the city's declined detainers are made (the
/// 2020 letter quoted "3,500 assaults, 1,500 DUIs, 1,000 sex crimes, 1,000 weapons offenses, 500
/// robberies and 200 homicides"), so `report reconcile` can answer with the city's own count.
/// A declined detainer counts in a category when its person has any conviction on record in it,
/// by the section's New York statute family: the section itself, or the object of an attempt or
/// other inchoate offense ("PL 110/120.05"). Out-of-state judgments are not categorised. This is
/// a reading for a reply, not a legal test: one detainer may fall in several categories.
public enum OffenseCategory: String, CaseIterable, Sendable {
    case assault, dui, sexCrime, weapons, robbery, homicide

    /// The reconcile row this category fills.
    public var measure: String {
        switch self {
        case .assault: "declinedWithAssault"
        case .dui: "declinedWithDUI"
        case .sexCrime: "declinedWithSexCrime"
        case .weapons: "declinedWithWeapons"
        case .robbery: "declinedWithRobbery"
        case .homicide: "declinedWithHomicide"
        }
    }

    /// SQL LIKE patterns over the stored normalised statute (`convictions.statute_normalized`).
    public var patterns: [String] {
        switch self {
        case .assault: ["PL 120.%", "PL %/120.%"]          // PL art. 120: assault and related offenses
        case .dui: ["VTL 1192%"]                          // VTL §1192: operating while impaired or intoxicated
        case .sexCrime: ["PL 130.%", "PL %/130.%"]        // PL art. 130: sex offenses
        case .weapons: ["PL 265.%", "PL %/265.%"]         // PL art. 265: firearms and other dangerous weapons
        case .robbery: ["PL 160.%", "PL %/160.%"]         // PL art. 160: robbery
        case .homicide: ["PL 125.%", "PL %/125.%"]        // PL art. 125: homicide
        }
    }
}
