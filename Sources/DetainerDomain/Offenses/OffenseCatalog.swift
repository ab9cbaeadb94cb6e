/// The enumerated violent-or-serious offenses (generated from offenses.csv) and lookups over them.
public enum OffenseCatalog {
    /// Every row, in CSV order.
    public static var all: [Offense] { rows }

    /// Evaluation-relevant part of each row, same order as `rows`.
    static let rules: [OffenseRule] = rows.map {
        OffenseRule(offenseClass: $0.offenseClass, listOrigin: $0.listOrigin, subdivisionLimit: $0.subdivisionLimit,
                    notBefore: $0.notBefore, inForceUntil: $0.inForceUntil)
    }

    /// Row indexes sorted by section key, for binary search.
    private static let sortedIndexes: [Int] = rows.indices.sorted { rows[$0].section.key < rows[$1].section.key }
    private static let sortedKeys: [UInt32] = sortedIndexes.map { rows[$0].section.key }

    /// The row index for a section (each section appears once), or nil when it is not listed.
    public static func rowIndex(for section: PenalSection) -> Int? {
        let key = section.key
        var low = 0
        var high = sortedKeys.count
        while low < high {
            let mid = (low + high) >> 1
            if sortedKeys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < sortedKeys.count && sortedKeys[low] == key ? sortedIndexes[low] : nil
    }

    public static func offense(for section: PenalSection) -> Offense? { rowIndex(for: section).map { rows[$0] } }

    /// The rows listed by the rule version in force on `date` (all rows when `date` is nil), in CSV order.
    /// Before 2014-12-14 no list is encoded, so the result is empty.
    public static func offenses(on date: CivilDate?) -> [Offense] {
        guard let date else { return rows }
        let version = RuleBook.version(on: date)
        return rows.filter { version.lists($0.listOrigin) }
    }

    /// One line per offense in force on `date` (all rows when nil), for `detainer offenses [--on DATE]`:
    /// `PL 120.05 | Assault in the second degree | D felony (violent felony) | statute (i)`.
    public static func renderedListing(on date: CivilDate?) -> String {
        offenses(on: date).map(\.summary).joined(separator: "\n")
    }

    /// Describes what `text` (any statute spelling) means for the list in force on `date`
    /// (`detainer offenses lookup TEXT`).
    public static func lookup(_ text: String, on date: CivilDate) -> OffenseLookup {
        OffenseLookup(statute: StatuteParser.parse(text), on: date)
    }
}

/// The answer to "is this statute on the list?", for `detainer offenses lookup`. It describes the
/// statute only; whether a conviction counts also depends on its class, date and status.
public struct OffenseLookup: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Listed in the version in force (subject to its subdivision limit, if any).
        case listed
        /// Listed only by the 2019 rule, not in force on the date.
        case ruleAdditionNotInForce
        /// PL 485.05 or an inchoate/VTL 600 form: covered when the conviction is a felony.
        case coveredIfFelony
        case notListed
        /// The statute text is not understood, names no law, or no list is encoded for the date.
        case cannotTell
    }

    public let statute: Statute
    public let date: CivilDate
    public let ruleVersionID: String
    /// The catalog row involved (the object crime for an inchoate offense).
    public let offense: Offense?
    public let status: Status
    public let explanation: String

    init(statute: Statute, on date: CivilDate) {
        self.statute = statute
        self.date = date
        let version = RuleBook.version(on: date)
        ruleVersionID = version.id
        let listsNothing = version.listedOrigins.isEmpty
        var offense: Offense?
        var status = Status.notListed
        var explanation: String
        switch statute.citation {
        case .penalLaw(let reference):
            if reference.section == hateCrimeSection {
                status = .coveredIfFelony
                explanation = "PL 485.05 hate crimes count when the hate crime is a felony (subparagraph (ii))."
            } else if let row = OffenseCatalog.offense(for: reference.section) {
                offense = row
                status = version.lists(row.listOrigin) ? .listed : .ruleAdditionNotInForce
                let limit = row.subdivisionLimit.map { " (only subdivision \($0))" } ?? ""
                explanation = status == .listed
                    ? "PL \(row.section) \(row.title), \(row.classText)\(limit): listed as \(row.listOrigin.rawValue)."
                    : "PL \(row.section) \(row.title) is listed only by the 2019 DOC rule, in force from \(ProjectDecisions.docRule2019EffectiveDate)."
            } else {
                explanation = "PL \(reference.section) is not on the violent-or-serious list."
            }
        case .inchoate(let reference):
            if let object = reference.object, let row = OffenseCatalog.offense(for: object.section), row.isInStatutoryList {
                offense = row
                status = .coveredIfFelony
                explanation = "A felony \(reference.kind.rawValue) of PL \(row.section) \(row.title) counts (subparagraph (iii))."
            } else if let object = reference.object {
                offense = OffenseCatalog.offense(for: object.section)
                explanation = "PL \(object.section) is not in subparagraph (i), so its \(reference.kind.rawValue) does not count."
            } else {
                status = .cannotTell
                explanation = "The \(reference.kind.rawValue) does not name its object crime."
            }
        case .vehicleAndTraffic(let section):
            status = section.section == "600" ? .coveredIfFelony : .notListed
            explanation = section.section == "600"
                ? "Any felony under VTL 600 counts (subparagraph (iv)); misdemeanor and infraction forms do not."
                : "VTL \(section.section) is not on the violent-or-serious list."
        case .administrativeCode, .otherLaw:
            explanation = "\(statute) is not on the violent-or-serious list."
        case .blank, .unrecognized, .lawNotStated, .nonStatuteCode:
            status = .cannotTell
            explanation = "\"\(statute.raw)\" is not a statute citation the engine understands (\(statute.kind.plainName))."
        }
        if listsNothing, status != .cannotTell {
            status = .cannotTell
            explanation = "No offense list is encoded before \(ProjectDecisions.localLaws2014EffectiveDate) (pre-2014 covered-crime regime)."
        }
        self.offense = offense
        self.status = status
        self.explanation = explanation
    }

    /// One line for the terminal.
    public var renderedText: String {
        "\(statute) [\(ruleVersionID) on \(date)]: \(status.rawValue) — \(explanation)"
    }
}

/// PL 485.05, the hate-crime section (subparagraph (ii)).
let hateCrimeSection = PenalSection(article: 485, number: 5)!
