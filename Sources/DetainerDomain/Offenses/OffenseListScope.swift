/// What the enumerated list (`OffenseCatalog`) does not show on its own, said plainly wherever the
/// list is printed: the categories that count without a row of their own, and how the row count
/// relates to the city's announced totals (Sources/DetainerDomain/Law/README.md §3, "Count").
public enum OffenseListScope {
    /// The city's announced totals: "170" crimes with Local Laws 58/59 of 2014 and "177" after the
    /// 2019 DOC rule (NY Daily News editorial 2019-05-20, Patch/Gothamist). How they were counted
    /// is UNVERIFIED.
    public static let announced2014 = 170
    public static let announcedAfter2019Rule = 177

    /// Sentences for a reader of the list in force on `date`, which has `rowCount` rows.
    public static func notes(on date: CivilDate, rowCount: Int) -> [String] {
        guard rowCount > 0 else { return [] }
        let after2019 = date >= ProjectDecisions.docRule2019EffectiveDate
        let announced = after2019 ? announcedAfter2019Rule : announced2014
        let when = after2019 ? "after the 2019 DOC rule (39 RCNY §2-01)" : "for the 2014 laws"
        return [
            "These \(rowCount) rows are the Penal Law sections the law names one by one (§9-131(a)(7)(i), §14-154(a)(6)(i)"
                + (after2019 ? ", plus the seven offenses added by 39 RCNY §2-01" : "") + ") and one row for PL 485.05 hate crimes.",
            "Also violent or serious crimes, without rows of their own: a felony attempt, conspiracy, solicitation or facilitation of any "
                + "subparagraph (i) crime (subparagraph (iii)); any hate crime under PL 485.05 that is a felony (subparagraph (ii)); "
                + "and any felony under Vehicle and Traffic Law §600 (subparagraph (iv)).",
            "The city announced \(announced) crimes \(when); this list has \(rowCount) rows. The public sources do not say how "
                + "\(announced) was counted (perhaps subdivisions, the hate-crime and VTL §600 categories, or offenses rather than "
                + "sections), so the numbers cannot be reconciled; membership here follows the statute text, section by section.",
        ]
    }
}

extension OffenseLookup.Status {
    /// The status in words, for text meant for people.
    public var plainName: String {
        switch self {
        case .listed: return "listed"
        case .ruleAdditionNotInForce: return "listed only by the 2019 DOC rule, not yet in force"
        case .coveredIfFelony: return "counts when the conviction is a felony"
        case .notListed: return "not listed"
        case .cannotTell: return "cannot tell from the text"
        }
    }
}
