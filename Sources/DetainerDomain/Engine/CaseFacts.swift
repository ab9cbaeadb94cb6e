/// The validated facts of one detainer case, in typed form. Built by
/// `EvaluationRequest.validated()`; the evaluator takes only this, so it never re-checks input.
public struct CaseFacts: Sendable, Hashable {
    public var agency: Agency
    /// Picks the rule version (Sources/DetainerDomain/Law/README.md §12.8).
    public var evaluatedOn: CivilDate
    public var instantArrestDate: CivilDate
    /// When the person would otherwise be released; starts the NYPD 48-hour count.
    public var releaseAt: UTCInstant?
    public var detainer: DetainerFacts
    public var convictions: [ConvictionFacts]
    public var pendingCharges: [Statute]

    public init(
        agency: Agency, evaluatedOn: CivilDate, instantArrestDate: CivilDate, releaseAt: UTCInstant? = nil,
        detainer: DetainerFacts, convictions: [ConvictionFacts] = [], pendingCharges: [Statute] = []
    ) {
        self.agency = agency
        self.evaluatedOn = evaluatedOn
        self.instantArrestDate = instantArrestDate
        self.releaseAt = releaseAt
        self.detainer = detainer
        self.convictions = convictions
        self.pendingCharges = pendingCharges
    }
}

public struct DetainerFacts: Sendable, Hashable {
    public var receivedOn: CivilDate?
    /// nil = not known (an explicit JSON null), Sources/DetainerDomain/Law/README.md §12.13.
    public var warrant: WarrantKind?
    /// nil = not recorded (unknown), see `ProjectDecisions.unknownFactsAreNeverNo`.
    public var terroristScreeningMatch: Bool?
    public var illegalReentryAfterRemoval: Bool?
    /// When ICE presented the warrant, if not with the detainer (issue 24 §4). nil = with the
    /// detainer. §9-131(b)(1)(i) and §9-205(b)(1) require the judicial warrant "at the time such
    /// civil immigration detainer is presented"; for the NYPD hold a warrant counts only before
    /// the hold's deadline (§14-154(b)(2)).
    public var warrantPresentedAt: UTCInstant?

    public init(
        receivedOn: CivilDate? = nil, warrant: WarrantKind?, terroristScreeningMatch: Bool? = nil,
        illegalReentryAfterRemoval: Bool? = nil, warrantPresentedAt: UTCInstant? = nil
    ) {
        self.receivedOn = receivedOn
        self.warrant = warrant
        self.warrantPresentedAt = warrantPresentedAt
        self.terroristScreeningMatch = terroristScreeningMatch
        self.illegalReentryAfterRemoval = illegalReentryAfterRemoval
    }
}

public struct ConvictionFacts: Sendable, Hashable {
    /// As written; for an out-of-state or federal conviction this is that jurisdiction's citation.
    public var statute: Statute
    /// The object crime of an inchoate offense, or the specified offense of PL 485.05, when
    /// written separately.
    public var objectStatute: Statute?
    /// The plea or verdict (CPL 1.20(13)); nil = not recorded.
    public var convictedOn: CivilDate?
    /// The sentence (CPL 1.20(14)) that completes the judgment (CPL 1.20(15)); nil = not known.
    /// The window runs from it (Sources/DetainerDomain/Law/README.md §12.12).
    public var sentencedOn: CivilDate?
    /// true = plea or verdict entered, no sentence yet: not a judgment; nil = not known.
    public var awaitingSentence: Bool?
    /// Class as convicted (Sources/DetainerDomain/Law/README.md §12.9); nil = not stated.
    public var level: OffenseLevel?
    /// nil = not known (explicit null).
    public var jurisdiction: Jurisdiction?
    /// For otherState / federal: the New York offense it is equivalent to.
    public var nyEquivalent: Statute?
    /// For otherState / federal: whether a term over one year was authorized (PL 70.06(1)(b)(i)).
    public var authorizedTermOverOneYear: Bool?
    /// nil = not known (Sources/DetainerDomain/Law/README.md §12.13) for each of these.
    public var youthfulOffender: Bool?
    public var juvenileDelinquent: Bool?
    public var hateCrime: Bool?
    public var sealed: Bool?
    public var vacated: Bool?
    /// Tolling days for this crime (Sources/DetainerDomain/Law/README.md §12.11); nil = not known.
    public var incarceratedDaysForThisCrime: Int?

    public init(
        statute: Statute, objectStatute: Statute? = nil, convictedOn: CivilDate?, sentencedOn: CivilDate? = nil,
        awaitingSentence: Bool? = false, level: OffenseLevel? = nil, jurisdiction: Jurisdiction? = .newYork,
        nyEquivalent: Statute? = nil, authorizedTermOverOneYear: Bool? = nil,
        youthfulOffender: Bool? = false, juvenileDelinquent: Bool? = false, hateCrime: Bool? = false,
        sealed: Bool? = false, vacated: Bool? = false, incarceratedDaysForThisCrime: Int? = 0
    ) {
        self.statute = statute
        self.objectStatute = objectStatute
        self.convictedOn = convictedOn
        self.sentencedOn = sentencedOn
        self.awaitingSentence = awaitingSentence
        self.level = level
        self.jurisdiction = jurisdiction
        self.nyEquivalent = nyEquivalent
        self.authorizedTermOverOneYear = authorizedTermOverOneYear
        self.youthfulOffender = youthfulOffender
        self.juvenileDelinquent = juvenileDelinquent
        self.hateCrime = hateCrime
        self.sealed = sealed
        self.vacated = vacated
        self.incarceratedDaysForThisCrime = incarceratedDaysForThisCrime
    }

    /// The New York statute the law is applied to: the statute itself, or the stated equivalent.
    public var analysedStatute: Statute? { (jurisdiction ?? .newYork) == .newYork ? statute : nyEquivalent }

    /// The last instant-arrest date on which this judgment is still inside the window:
    /// sentence date + 5 years + tolling − 1 day (Sources/DetainerDomain/Law/README.md §12.1, 12.2, 12.12). nil when the
    /// sentence date or the tolling is not known.
    public var lastQualifyingArrestDate: CivilDate? {
        guard let sentencedOn, let days = incarceratedDaysForThisCrime else { return nil }
        return ProjectDecisions.lastQualifyingArrestDate(judgment: sentencedOn, tollingDays: days)
    }
}
