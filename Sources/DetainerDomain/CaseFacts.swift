/// The validated facts of one detainer case, in typed form. Built by
/// `EvaluationRequest.validated()`; the evaluator takes only this, so it never re-checks input.
public struct CaseFacts: Sendable, Hashable {
    public var agency: Agency
    /// Picks the rule version (README §12.8).
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
    public var warrant: WarrantKind
    /// nil = not recorded (unknown), see `ProjectDecisions.detainerFlagsDefaultToUnknown`.
    public var terroristScreeningMatch: Bool?
    public var illegalReentryAfterRemoval: Bool?

    public init(
        receivedOn: CivilDate? = nil, warrant: WarrantKind, terroristScreeningMatch: Bool? = nil,
        illegalReentryAfterRemoval: Bool? = nil
    ) {
        self.receivedOn = receivedOn
        self.warrant = warrant
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
    /// nil = not recorded yet (needsReview when it matters, README §12.10).
    public var convictedOn: CivilDate?
    /// Class as convicted (README §12.9); nil = not stated.
    public var level: OffenseLevel?
    public var jurisdiction: Jurisdiction
    /// For otherState / federal: the New York offense it is equivalent to.
    public var nyEquivalent: Statute?
    /// For otherState / federal: whether a term over one year was authorized (PL 70.06(1)(b)(i)).
    public var authorizedTermOverOneYear: Bool?
    public var youthfulOffender: Bool
    public var juvenileDelinquent: Bool
    public var hateCrime: Bool
    public var sealed: Bool
    public var vacated: Bool
    /// Tolling days for this crime (README §12.11).
    public var incarceratedDaysForThisCrime: Int

    public init(
        statute: Statute, objectStatute: Statute? = nil, convictedOn: CivilDate?, level: OffenseLevel? = nil,
        jurisdiction: Jurisdiction = .newYork, nyEquivalent: Statute? = nil, authorizedTermOverOneYear: Bool? = nil,
        youthfulOffender: Bool = false, juvenileDelinquent: Bool = false, hateCrime: Bool = false,
        sealed: Bool = false, vacated: Bool = false, incarceratedDaysForThisCrime: Int = 0
    ) {
        self.statute = statute
        self.objectStatute = objectStatute
        self.convictedOn = convictedOn
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
    public var analysedStatute: Statute? { jurisdiction == .newYork ? statute : nyEquivalent }

    /// The last instant-arrest date on which this conviction is still inside the window:
    /// fifth anniversary + tolling − 1 day (README §12.1-12.2).
    public var lastQualifyingArrestDate: CivilDate? {
        convictedOn.map {
            $0.adding(years: ProjectDecisions.lookBackYears).adding(days: incarceratedDaysForThisCrime - 1)
        }
    }
}
