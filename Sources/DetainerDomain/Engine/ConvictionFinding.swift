/// What the evaluator concluded about one conviction, as compact values; messages are rendered
/// from these (and the case facts) only when a report is produced.
public struct ConvictionFinding: Sendable, Hashable {
    /// Is it a conviction at all (§9-131(a)(2)): not vacated, not YO/JD; sealed → unknown.
    public var status: Verdict
    /// Is the offense (or its New York equivalent) a violent or serious crime under the version in force.
    public var offense: OffenseFinding
    /// Is the judgment inside the tolled five-year window.
    public var window: Verdict
    /// status ∧ offense ∧ window: counts for (b)(1).
    public var qualifies: Verdict
    /// status ∧ offense: counts for the NYPD (b)(2)(A) "ever" test.
    public var qualifiesEver: Verdict
}

/// The offense analysis of one conviction.
public struct OffenseFinding: Sendable, Hashable {
    public var verdict: Verdict
    public var basis: OffenseBasis
    /// offenses.csv row the analysis used (the object crime's row for an inchoate offense; the
    /// specified offense's for a hate crime), or nil.
    public var catalogRow: Int?
    /// Where the felony question was answered from.
    public var classSource: ClassSource
    /// For otherState/federal convictions: the PL 70.06(1)(b)(i) predicate question.
    public var predicate: Verdict?
    /// Set when a stated class contradicts the law (`FELONY_CLASS_CONFLICT`): what the law allows.
    public var conflict: ClassConflict? = nil
    /// The catalog row whose dates in force the judgment falls outside (`SECTION_NOT_IN_FORCE`).
    public var outOfForceRow: Int? = nil

    /// The offense counts: the New York analysis and, for foreign convictions, the predicate test.
    public var counts: Verdict { verdict && (predicate ?? .yes) }
}

/// The category of §9-131(a)(7) / §14-154(a)(6) the analysis went through.
public enum OffenseBasis: UInt8, Sendable, Hashable {
    /// Subparagraph (i).
    case listedSection
    /// Subparagraph (v): 39 RCNY §2-01.
    case ruleAddition
    /// Subparagraph (ii): PL 485.05.
    case hateCrime
    /// Subparagraph (iii): attempt, conspiracy, solicitation, facilitation.
    case inchoate
    /// Subparagraph (iv): VTL 600 felonies.
    case vehicleAndTraffic600
    /// In no category.
    case notListed
    /// The statute text is not understood.
    case notUnderstood
    /// Out-of-state/federal conviction without a New York equivalent.
    case noEquivalent
}

public enum ClassSource: UInt8, Sendable, Hashable {
    /// From the conviction's `felonyClass`.
    case stated
    /// From offenses.csv (and PL 110.05 for attempts).
    case derived
    /// Neither: the class was needed and unavailable, or not needed.
    case unavailable
}
