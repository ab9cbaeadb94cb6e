/// One row of the enumerated violent-or-serious list (`Sources/DetainerDomain/Law/offenses.csv`), shipped in the
/// binary by `Scripts/generate-offense-catalog`. Every CSV column is kept verbatim; the parsed
/// fields (`section`, `subdivisionLimit`, `offenseClass`, `listOrigin`) are derived from them.
public struct Offense: Sendable, Hashable {
    /// `penal_law_section` verbatim, e.g. `265.02(2)-(8)`.
    public let citation: String
    public let section: PenalSection
    /// Only these subdivisions are listed (§9-131(a)(7)(i)); nil = the whole section.
    public let subdivisionLimit: SubdivisionLimit?
    public let title: String
    /// `class` verbatim.
    public let classText: String
    public let offenseClass: CatalogClass
    /// `category` verbatim (descriptive only: every row is covered equally).
    public let category: String
    /// `source` verbatim.
    public let source: String
    public let listOrigin: ListOrigin
    /// `vfo_70_02` verbatim (PL 70.02 flag, mostly from general knowledge; not used in decisions).
    public let violentFelonyFlag: String
    /// `notes` verbatim (which class entries were verified, and where).
    public let notes: String
    /// For 2019-rule rows, the paragraph of 39 RCNY §2-01 that lists it, e.g. `39 RCNY §2-01(a)(1)`.
    public let ruleParagraph: String?
    /// `in_force_from` verbatim: `YYYY-MM-DD`, or `unknown, not before YYYY-MM-DD`.
    public let inForceFromText: String
    /// The day the section took effect, when known (issue 24 §2); nil = not verified.
    public let inForceFrom: CivilDate?
    /// The earliest day the section can have been in force: `inForceFrom` when known, otherwise a
    /// bound the sources do establish (the revised Penal Law's 1967-09-01, or the act that
    /// created the article). An unknown date is never read as "always in force".
    public let notBefore: CivilDate
    /// The last day in force (repealed or renumbered), or nil while it is in force.
    public let inForceUntil: CivilDate?
    /// `dates_source` verbatim: where each date comes from.
    public let datesSource: String

    /// `PL 265.02(2)-(8) | Criminal possession of a weapon in the third degree … | D felony … | statute (i)`.
    public var summary: String { "PL \(citation) | \(title) | \(classText) | \(listOrigin.rawValue)" }

    /// The list-origin text exactly as in the CSV.
    public var listOriginText: String { listOrigin.rawValue }

    /// Whether this row is part of subparagraph (i) of §9-131(a)(7) / §14-154(a)(6) — the list that
    /// inchoate offenses (subparagraph (iii)) refer to.
    public var isInStatutoryList: Bool { listOrigin == .statuteList || listOrigin == .rule2019AndStatuteList }
}

/// Where a row's listing comes from (`list_origin`).
public enum ListOrigin: String, Sendable, Hashable, CaseIterable, Codable {
    /// §9-131(a)(7)(i) / §14-154(a)(6)(i): in every rule version.
    case statuteList = "statute (i)"
    /// 39 RCNY §2-01 only: from `ProjectDecisions.docRule2019EffectiveDate`.
    case rule2019 = "DOC rule 2019"
    /// PL 230.34-a: in the rule and in the statute text; listed in every version (Sources/DetainerDomain/Law/README.md §12.3).
    case rule2019AndStatuteList = "DOC rule 2019 + statute (i)"
    /// PL 485.05 hate crimes, subparagraph (ii): in every rule version.
    case hateCrimeStatute = "statute (ii)"

    var bit: UInt8 {
        switch self {
        case .statuteList: return 1
        case .rule2019: return 2
        case .rule2019AndStatuteList: return 4
        case .hateCrimeStatute: return 8
        }
    }
}

/// The parts of a catalog row the evaluator needs, without the row's strings, so reading one in
/// the hot path copies no reference-counted fields.
struct OffenseRule: Sendable, Hashable {
    let offenseClass: CatalogClass
    let listOrigin: ListOrigin
    let subdivisionLimit: SubdivisionLimit?
    let notBefore: CivilDate
    let inForceUntil: CivilDate?

    var isInStatutoryList: Bool { listOrigin == .statuteList || listOrigin == .rule2019AndStatuteList }
}

/// The felony class a row's `class` column states.
public enum CatalogClass: Sendable, Hashable {
    case fixed(FelonyClass)
    /// This class or higher (PL 120.70: E, higher when the underlying offense is a B or A felony;
    /// PL 490.25: one category above a specified offense, so at least D).
    case atLeast(FelonyClass)
    /// Felony in some subdivisions, misdemeanor in others (PL 265.10): the class must be stated.
    case dependsOnSubdivision
    /// PL 485.05: one class above the specified offense (PL 485.10), so it must be stated or derived.
    case oneAboveSpecifiedOffense

    /// Whether every conviction under the row is a felony.
    var isAlwaysFelony: Bool {
        switch self {
        case .fixed, .atLeast: return true
        case .dependsOnSubdivision, .oneAboveSpecifiedOffense: return false
        }
    }

    /// Whether an attempt (PL 110.05) is certainly a felony (yes), certainly not (no), or depends.
    var attemptIsFelony: Tri {
        switch self {
        case .fixed(let value): return value.highestAttemptClass == nil ? .no : .yes
        case .atLeast(let value): return value.highestAttemptClass == nil ? .unknown : .yes
        case .dependsOnSubdivision, .oneAboveSpecifiedOffense: return .unknown
        }
    }

    var lowestClass: FelonyClass? {
        switch self {
        case .fixed(let value), .atLeast(let value): return value
        case .dependsOnSubdivision, .oneAboveSpecifiedOffense: return nil
        }
    }
}

/// The subdivisions a listed section is limited to.
public enum SubdivisionLimit: Sendable, Hashable, CustomStringConvertible {
    /// One path, e.g. ["2", "b"] for 135.65(2)(b).
    case path([String])
    /// A range of first-level subdivisions, e.g. 2...8 for 265.02(2) through (8).
    case range(ClosedRange<Int>)

    public var description: String {
        switch self {
        case .path(let path): return path.map { "(\($0))" }.joined()
        case .range(let range): return "(\(range.lowerBound)) through (\(range.upperBound))"
        }
    }

    /// Whether the stated subdivision path falls inside the limit; unknown when the path stops
    /// short of what the limit needs.
    func admits(_ subdivisions: [String]) -> Tri {
        switch self {
        case .path(let required):
            for (index, needed) in required.enumerated() {
                guard index < subdivisions.count else { return .unknown }
                if subdivisions[index] != needed { return .no }
            }
            return .yes
        case .range(let range):
            guard let first = subdivisions.first else { return .unknown }
            guard let number = Int(first) else { return .unknown }
            return range.contains(number) ? .yes : .no
        }
    }
}
