/// The JSON input of `detainer evaluate` exactly as written (camelCase, dates `YYYY-MM-DD`).
/// The text is read by `StrictJSON` (DetainerJSON): strict RFC 8259, no duplicate keys, no
/// trailing commas. Decoding never fails on field-level problems: they are collected and
/// reported, with every other problem, by `validated()`, which produces the typed `CaseFacts`.
/// Every bad field is named by its path (exit 65).
///
/// ```json
/// { "agency": "DOC", "evaluatedOn": "2021-06-01", "instantArrestDate": "2021-05-20",
///   "releaseAt": "2021-06-01T18:30:00Z",
///   "detainer": { "receivedOn": "2021-05-28", "warrant": "judicial",
///                 "terroristScreeningMatch": false, "illegalReentryAfterRemoval": false },
///   "convictions": [ { "statute": "PL 120.05", "convictedOn": "2018-03-02", "sentencedOn": "2018-04-13",
///                      "felonyClass": "D", "jurisdiction": "NY", "nyEquivalent": null, "youthfulOffender": false,
///                      "juvenileDelinquent": false, "hateCrime": false, "incarceratedDaysForThisCrime": 0 } ],
///   "pendingCharges": [ { "statute": "PL 125.25" } ] }
/// ```
///
/// **Absent and null differ for every fact** (Sources/DetainerDomain/Law/README.md §12.13,
/// `ProjectDecisions.unknownFactsAreNeverNo`): an absent fact takes its documented default (the
/// case does not involve it); an explicit `null` means "not known", which gives `needsReview`
/// wherever it could change the outcome and is never read as false.
///
/// Fields (required ones marked *):
/// - `agency`* `DOC` | `NYPD` | `DOP`.
/// - `evaluatedOn` — picks the rule version; default `detainer.receivedOn` (then required).
/// - `instantArrestDate`* — the window is measured to it (`ProjectDecisions.instantArrestDateRequired`).
/// - `releaseAt` — UTC ISO-8601 instant the person would otherwise be released; starts the NYPD
///   48-hour count (otherwise 00:00 New York time on `evaluatedOn`).
/// - `detainer`*: `warrant`* `judicial` | `administrative` | `none` (null = not known);
///   `receivedOn`; `terroristScreeningMatch`, `illegalReentryAfterRemoval` (absent = false);
///   `warrantPresentedAt` — UTC ISO-8601 instant ICE presented the warrant, when it came after the
///   detainer (absent = presented with the detainer). A judicial warrant presented after the day
///   the detainer was received does not meet §9-131(b)(1)(i) / §9-205(b)(1) ("at the time such
///   civil immigration detainer is presented"); on that same day the record cannot tell, so it
///   needs review; for NYPD it counts when presented before the 48-hour hold's deadline
///   (§14-154(b)(2)). Not after the end of `evaluatedOn`. Only a judicial warrant's time
///   decides the warrant test; any stated time also shows the evaluation is no earlier than it
///   (an NYPD hold whose deadline it follows has ended).
/// - `convictions[]`:
///   - `statute`* (as written); `objectStatute` (object crime of PL 100/105/110/115, or specified
///     offense of PL 485.05); `felonyClass` (the class as convicted, see `OffenseLevel`; omitted =
///     derived where the Penal Law fixes it: catalog, PL 110.05 attempts, the degrees of articles
///     100/105/115, PL 485.10 for hate crimes of PL 485.05(3) specified offenses).
///   - `convictedOn` — the plea or verdict (CPL 1.20(13)); absent or null = not recorded.
///   - `sentencedOn` — the date sentence was imposed (CPL 1.20(14)), which completes the judgment
///     (CPL 1.20(15)); absent or null = not known. The five-year window runs from it. Not before
///     `convictedOn`, not after `evaluatedOn`.
///   - `awaitingSentence` — true = plea or verdict entered, no sentence yet: never counts, also
///     not for NYPD §14-154(b)(2); default false; null = not known; true with `sentencedOn` is
///     invalid. A conviction counts as a judgment only when `sentencedOn` is given; without it,
///     whether a judgment was entered is unknown → `needsReview` (SENTENCE_NOT_KNOWN) where that
///     conviction would otherwise settle the case (Sources/DetainerDomain/Law/README.md §12.12).
///   - `jurisdiction` `NY` (default) | `otherState` | `federal` (null = not known);
///     `nyEquivalent` and `authorizedTermOverOneYear` (otherState/federal only).
///   - `youthfulOffender`, `juvenileDelinquent`, `hateCrime`, `sealed`, `vacated` (default false;
///     null = not known); `incarceratedDaysForThisCrime` (0...36525, default 0; null = not known).
/// - `pendingCharges[]`: `statute`*.
///
/// The output (`EvaluationReport`) adds, beside the earlier fields, `sentencedOn` on each
/// qualifying conviction and `holdDeadlinePassed` (the NYPD hold deadline was already past at the
/// start of `evaluatedOn`, New York time).
public struct EvaluationRequest: Sendable, Hashable, Codable {
    public var agency: String?
    public var evaluatedOn: String?
    public var instantArrestDate: String?
    public var releaseAt: String?
    public var detainer: DetainerInput?
    public var convictions: [ConvictionInput]?
    public var pendingCharges: [PendingChargeInput]?
    /// Problems found while decoding (wrong JSON types, unknown fields); not encoded.
    public var decodingIssues: [ValidationIssue] = []

    public init(
        agency: String? = nil, evaluatedOn: String? = nil, instantArrestDate: String? = nil, releaseAt: String? = nil,
        detainer: DetainerInput? = nil, convictions: [ConvictionInput]? = nil, pendingCharges: [PendingChargeInput]? = nil
    ) {
        self.agency = agency
        self.evaluatedOn = evaluatedOn
        self.instantArrestDate = instantArrestDate
        self.releaseAt = releaseAt
        self.detainer = detainer
        self.convictions = convictions
        self.pendingCharges = pendingCharges
    }

    private static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case agency, evaluatedOn, instantArrestDate, releaseAt, detainer, convictions, pendingCharges
    }

    public init(from decoder: any Decoder) throws {
        var reader = JSONFieldReader(decoder, knownKeys: Self.knownKeys)
        agency = reader.read("agency", as: String.self)
        evaluatedOn = reader.read("evaluatedOn", as: String.self)
        instantArrestDate = reader.read("instantArrestDate", as: String.self)
        releaseAt = reader.read("releaseAt", as: String.self)
        detainer = reader.read("detainer", as: DetainerInput.self)
        convictions = reader.read("convictions", as: [ConvictionInput].self)
        pendingCharges = reader.read("pendingCharges", as: [PendingChargeInput].self)
        reader.absorb(detainer?.decodingIssues ?? [])
        for conviction in convictions ?? [] { reader.absorb(conviction.decodingIssues) }
        for charge in pendingCharges ?? [] { reader.absorb(charge.decodingIssues) }
        decodingIssues = reader.issues
    }
}

public struct DetainerInput: Sendable, Hashable, Codable {
    public var receivedOn: String?
    /// nil with `warrantUnknown` false = absent (an input error); `warrantUnknown` = explicit null.
    public var warrant: String?
    /// An explicit `"warrant": null`: the kind of warrant is not known (Sources/DetainerDomain/Law/README.md §12.13).
    public var warrantUnknown: Bool
    /// nil = not known (explicit null); absent in JSON = false.
    public var terroristScreeningMatch: Bool?
    public var illegalReentryAfterRemoval: Bool?
    /// When the warrant was presented, if after the detainer (absent = with it).
    public var warrantPresentedAt: String?
    var decodingIssues: [ValidationIssue] = []

    public init(
        receivedOn: String? = nil, warrant: String? = nil, warrantUnknown: Bool = false,
        terroristScreeningMatch: Bool? = nil, illegalReentryAfterRemoval: Bool? = nil, warrantPresentedAt: String? = nil
    ) {
        self.warrantPresentedAt = warrantPresentedAt
        self.receivedOn = receivedOn
        self.warrant = warrant
        self.warrantUnknown = warrantUnknown
        self.terroristScreeningMatch = terroristScreeningMatch
        self.illegalReentryAfterRemoval = illegalReentryAfterRemoval
    }

    private static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case receivedOn, warrant, terroristScreeningMatch, illegalReentryAfterRemoval, warrantPresentedAt
    }

    public init(from decoder: any Decoder) throws {
        var reader = JSONFieldReader(decoder, knownKeys: Self.knownKeys)
        receivedOn = reader.read("receivedOn", as: String.self)
        warrantUnknown = reader.isNull("warrant")
        warrant = reader.read("warrant", as: String.self)
        terroristScreeningMatch = reader.readFact("terroristScreeningMatch")
        illegalReentryAfterRemoval = reader.readFact("illegalReentryAfterRemoval")
        warrantPresentedAt = reader.read("warrantPresentedAt", as: String.self)
        decodingIssues = reader.issues
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(receivedOn, forKey: .receivedOn)
        // Unknown is written as null, so it does not come back as false (or as missing).
        if warrantUnknown { try container.encodeNil(forKey: .warrant) } else { try container.encodeIfPresent(warrant, forKey: .warrant) }
        try container.encode(terroristScreeningMatch, forKey: .terroristScreeningMatch)
        try container.encode(illegalReentryAfterRemoval, forKey: .illegalReentryAfterRemoval)
        try container.encodeIfPresent(warrantPresentedAt, forKey: .warrantPresentedAt)
    }
}

/// One conviction as written. Every yes/no fact (and the tolling days) is three-valued: absent
/// from the JSON = false (0 days), explicit `null` = not known (nil here), Sources/DetainerDomain/Law/README.md §12.13.
/// `sentencedOn` nil = not known; `awaitingSentence` defaults to false (CPL 1.20(13)-(15), §12.12).
public struct ConvictionInput: Sendable, Hashable, Codable {
    public var statute: String?
    public var objectStatute: String?
    public var convictedOn: String?
    /// The date sentence was imposed, which completes the judgment (CPL 1.20(15)); nil = not known.
    public var sentencedOn: String?
    /// true = plea or verdict entered, no sentence yet; nil = not known.
    public var awaitingSentence: Bool?
    public var felonyClass: String?
    /// nil with `jurisdictionUnknown` false = New York (the default).
    public var jurisdiction: String?
    public var jurisdictionUnknown: Bool
    public var nyEquivalent: String?
    public var authorizedTermOverOneYear: Bool?
    public var youthfulOffender: Bool?
    public var juvenileDelinquent: Bool?
    public var hateCrime: Bool?
    public var sealed: Bool?
    public var vacated: Bool?
    public var incarceratedDaysForThisCrime: Int?
    /// Fields that could not be read (a number given as an object, …); a front end that decodes
    /// a conviction on its own (the web API) reports them, as the evaluate contract does.
    public internal(set) var decodingIssues: [ValidationIssue] = []

    /// Defaults are the "absent" values of the JSON contract; pass nil for "not known".
    public init(
        statute: String? = nil, objectStatute: String? = nil, convictedOn: String? = nil, sentencedOn: String? = nil,
        awaitingSentence: Bool? = false, felonyClass: String? = nil, jurisdiction: String? = nil,
        jurisdictionUnknown: Bool = false, nyEquivalent: String? = nil, authorizedTermOverOneYear: Bool? = nil,
        youthfulOffender: Bool? = false, juvenileDelinquent: Bool? = false, hateCrime: Bool? = false,
        sealed: Bool? = false, vacated: Bool? = false, incarceratedDaysForThisCrime: Int? = 0
    ) {
        self.statute = statute
        self.objectStatute = objectStatute
        self.convictedOn = convictedOn
        self.sentencedOn = sentencedOn
        self.awaitingSentence = awaitingSentence
        self.felonyClass = felonyClass
        self.jurisdiction = jurisdiction
        self.jurisdictionUnknown = jurisdictionUnknown
        self.nyEquivalent = nyEquivalent
        self.authorizedTermOverOneYear = authorizedTermOverOneYear
        self.youthfulOffender = youthfulOffender
        self.juvenileDelinquent = juvenileDelinquent
        self.hateCrime = hateCrime
        self.sealed = sealed
        self.vacated = vacated
        self.incarceratedDaysForThisCrime = incarceratedDaysForThisCrime
    }

    /// The contract's field names (every front end refuses any other inside a conviction).
    public static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case statute, objectStatute, convictedOn, sentencedOn, awaitingSentence, felonyClass, jurisdiction, nyEquivalent
        case authorizedTermOverOneYear, youthfulOffender, juvenileDelinquent, hateCrime, sealed, vacated
        case incarceratedDaysForThisCrime
    }

    public init(from decoder: any Decoder) throws {
        var reader = JSONFieldReader(decoder, knownKeys: Self.knownKeys)
        statute = reader.read("statute", as: String.self)
        objectStatute = reader.read("objectStatute", as: String.self)
        convictedOn = reader.read("convictedOn", as: String.self)
        sentencedOn = reader.read("sentencedOn", as: String.self)
        awaitingSentence = reader.readFact("awaitingSentence")
        felonyClass = reader.read("felonyClass", as: String.self)
        jurisdictionUnknown = reader.isNull("jurisdiction")
        jurisdiction = reader.read("jurisdiction", as: String.self)
        nyEquivalent = reader.read("nyEquivalent", as: String.self)
        authorizedTermOverOneYear = reader.read("authorizedTermOverOneYear", as: Bool.self)
        youthfulOffender = reader.readFact("youthfulOffender")
        juvenileDelinquent = reader.readFact("juvenileDelinquent")
        hateCrime = reader.readFact("hateCrime")
        sealed = reader.readFact("sealed")
        vacated = reader.readFact("vacated")
        incarceratedDaysForThisCrime = reader.readFact("incarceratedDaysForThisCrime", absent: 0)
        decodingIssues = reader.issues
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(statute, forKey: .statute)
        try container.encodeIfPresent(objectStatute, forKey: .objectStatute)
        try container.encodeIfPresent(convictedOn, forKey: .convictedOn)
        try container.encodeIfPresent(sentencedOn, forKey: .sentencedOn)
        try container.encodeIfPresent(felonyClass, forKey: .felonyClass)
        if jurisdictionUnknown {
            try container.encodeNil(forKey: .jurisdiction)
        } else {
            try container.encodeIfPresent(jurisdiction, forKey: .jurisdiction)
        }
        try container.encodeIfPresent(nyEquivalent, forKey: .nyEquivalent)
        try container.encodeIfPresent(authorizedTermOverOneYear, forKey: .authorizedTermOverOneYear)
        // Facts: nil is "not known" and must come back as null, never as absent (= false).
        try container.encode(awaitingSentence, forKey: .awaitingSentence)
        try container.encode(youthfulOffender, forKey: .youthfulOffender)
        try container.encode(juvenileDelinquent, forKey: .juvenileDelinquent)
        try container.encode(hateCrime, forKey: .hateCrime)
        try container.encode(sealed, forKey: .sealed)
        try container.encode(vacated, forKey: .vacated)
        try container.encode(incarceratedDaysForThisCrime, forKey: .incarceratedDaysForThisCrime)
    }
}

public struct PendingChargeInput: Sendable, Hashable, Codable {
    public var statute: String?
    var decodingIssues: [ValidationIssue] = []

    public init(statute: String? = nil) { self.statute = statute }

    private static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable { case statute }

    public init(from decoder: any Decoder) throws {
        var reader = JSONFieldReader(decoder, knownKeys: Self.knownKeys)
        statute = reader.read("statute", as: String.self)
        decodingIssues = reader.issues
    }

}
