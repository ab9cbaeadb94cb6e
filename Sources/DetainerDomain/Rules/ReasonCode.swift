/// Stable reason codes carried by every result. Reports count decisions by these codes, so a
/// code's spelling never changes once shipped; add new codes at the end.
///
/// A result lists the codes that explain its outcome:
/// - `permitted`: the basis (`QUALIFYING_CONVICTION`, `TSDB_MATCH`).
/// - `decline`: every failed requirement that, on its own, prevents honoring
///   (`NO_JUDICIAL_WARRANT`, `NO_QUALIFYING_CONVICTION` with the per-conviction details …).
/// - `holdPendingWarrant`: why (b)(1) failed plus the (b)(2) basis.
/// - `needsReview`: only the unknowns that could change the outcome.
public enum ReasonCode: UInt8, Sendable, Hashable, CaseIterable, Comparable {
    // Bases for honoring or holding.
    /// A conviction qualifies as a violent or serious crime within the five-year window.
    case qualifyingConviction
    /// The person is identified as a possible match in the terrorist screening database.
    case tsdbMatch
    /// NYPD §14-154(b)(2)(A): a violent or serious conviction ever entered plus illegal re-entry
    /// after removal.
    case reentryAfterRemoval

    // Why honoring is not allowed.
    /// ICE did not present a judicial warrant (an administrative I-200/I-205 warrant is not one).
    case noJudicialWarrant
    /// No conviction qualifies and the person is not a possible TSDB match.
    case noQualifyingConviction
    /// A violent or serious conviction exists but its judgment is five or more years (plus tolling)
    /// before the instant arrest.
    case convictionOutsideWindow
    /// The offense is not on the violent-or-serious list in any of its categories.
    case notListedOffense
    /// The offense (or the attempt, conspiracy, solicitation, facilitation or hate crime) is not a felony.
    case notAFelony
    /// The listed section counts only in certain subdivisions and the stated one is not among them.
    case subdivisionNotListed
    /// The offense is listed only by the 2019 DOC rule, not yet in force on the evaluation date.
    case ruleAdditionNotInForce
    /// Youthful-offender adjudication: not a conviction (§9-131(a)(2)(i)).
    case youthfulOffender
    /// Juvenile-delinquent adjudication: not a conviction (§9-131(a)(2)(i)).
    case juvenileDelinquent
    /// The conviction was vacated: there is no judgment.
    case vacatedConviction
    /// An out-of-state or federal conviction that did not authorize more than a year of
    /// imprisonment, so it is not a PL 70.06(1)(b)(i) predicate.
    case notPredicateFelony
    /// The person has pending charges and no convictions; pending charges never count.
    case pendingChargesOnly
    /// NYPD (b)(2)(A): the person did not illegally re-enter after removal.
    case notReenteredAfterRemoval

    // Why a person must review the case.
    /// The detainer is evaluated before Local Laws 58/59 of 2014 took effect (2014-12-14); the
    /// earlier "covered crime" regime is not encoded.
    case pre2014Regime
    /// Probation (DOP) detainer evaluated before §9-205 (L.L. 2017/226) took effect.
    case probationLawNotInForce
    /// The statute text could not be understood (or names no statute, or names no law).
    case unrecognizedStatute
    /// The conviction date is not recorded, and the five-year window needs it.
    case missingConvictionDate
    /// The section counts only in certain subdivisions and none (or too little) was stated.
    case subdivisionRequired
    /// An out-of-state or federal conviction without a stated New York equivalent.
    case noNYEquivalent
    /// An out-of-state or federal conviction whose authorized sentence (over one year?) is not stated.
    case predicateFelonyUnknown
    /// A conspiracy, solicitation or facilitation (or an attempt whose class cannot be derived)
    /// without its own felony class.
    case inchoateClassRequired
    /// An attempt, conspiracy, solicitation or facilitation whose object crime is not stated.
    case inchoateObjectRequired
    /// The section is a felony only in some forms and the class is not stated (e.g. VTL 600, PL 265.10).
    case felonyClassRequired
    /// A hate crime whose raised class (PL 485.10) is needed and not stated.
    case hateCrimeClassRequired
    /// The stated class contradicts the statute (e.g. a felony attempt of a class E felony).
    case felonyClassConflict
    /// The only conviction that would qualify is sealed (Sources/DetainerDomain/Law/README.md §12.5).
    case sealedConviction
    /// Whether the person is a possible TSDB match is not recorded.
    case tsdbStatusUnknown
    /// NYPD (b)(2)(A): whether the person illegally re-entered after removal is not recorded.
    case reentryStatusUnknown

    // Added with the judgment-needs-a-sentence and unknown-is-never-no rules (Sources/DetainerDomain/Law/README.md §12.12-12.13).
    /// A plea or verdict awaiting sentence: a conviction but not yet a judgment (CPL 1.20(13), (15)); never counts.
    case awaitingSentence
    /// Whether or when sentence was imposed is not recorded, so whether (and when) a judgment was entered is unknown (Sources/DetainerDomain/Law/README.md §12.12).
    case sentenceNotKnown
    /// Whether the conviction was replaced by a youthful-offender finding is not known.
    case youthfulOffenderStatusUnknown
    /// Whether it is a juvenile-delinquency adjudication is not known.
    case juvenileDelinquentStatusUnknown
    /// Whether the conviction is sealed is not known.
    case sealedStatusUnknown
    /// Whether the conviction was vacated is not known.
    case vacatedStatusUnknown
    /// Whether the conviction is a hate crime (PL 485.05) is not known, and it would change the answer.
    case hateCrimeStatusUnknown
    /// The days incarcerated for the crime (tolling) are not known, and they could bring the judgment inside the window.
    case incarceratedDaysUnknown
    /// The conviction's jurisdiction (New York, another state, federal) is not known.
    case jurisdictionUnknown
    /// The kind of warrant ICE presented (judicial, administrative, none) is not known.
    case warrantStatusUnknown

    // Added with issue 24 (time: warrants presented late, holds past their deadline, sections in force).
    /// The judicial warrant was presented after the detainer (§9-131(b)(1)(i), §9-205(b)(1)), or
    /// for an NYPD hold after its deadline (§14-154(b)(2)); it does not make the detainer honorable.
    case warrantPresentedLate
    /// The warrant was presented on the day the detainer was received (or the receipt date is not
    /// recorded), and the record does not show whether it came with the detainer.
    case warrantTimeUnknown
    /// NYPD §14-154(b)(2): the 48-business-hour hold ended before this evaluation without a
    /// judicial warrant in time, so the person "shall be released" without notice to ICE.
    case holdDeadlinePassed
    /// The judgment's date falls outside the dates the cited section was in force (added,
    /// renumbered or repealed): either the section or the date is wrong.
    case sectionNotInForce

    /// The stable spelling, e.g. `NO_JUDICIAL_WARRANT`.
    public var code: String {
        switch self {
        case .qualifyingConviction: return "QUALIFYING_CONVICTION"
        case .tsdbMatch: return "TSDB_MATCH"
        case .reentryAfterRemoval: return "REENTRY_AFTER_REMOVAL"
        case .noJudicialWarrant: return "NO_JUDICIAL_WARRANT"
        case .noQualifyingConviction: return "NO_QUALIFYING_CONVICTION"
        case .convictionOutsideWindow: return "CONVICTION_OUTSIDE_WINDOW"
        case .notListedOffense: return "NOT_LISTED_OFFENSE"
        case .notAFelony: return "NOT_A_FELONY"
        case .subdivisionNotListed: return "SUBDIVISION_NOT_LISTED"
        case .ruleAdditionNotInForce: return "RULE_ADDITION_NOT_IN_FORCE"
        case .youthfulOffender: return "YOUTHFUL_OFFENDER"
        case .juvenileDelinquent: return "JUVENILE_DELINQUENT"
        case .vacatedConviction: return "VACATED_CONVICTION"
        case .notPredicateFelony: return "NOT_PREDICATE_FELONY"
        case .pendingChargesOnly: return "PENDING_CHARGES_ONLY"
        case .notReenteredAfterRemoval: return "NOT_REENTERED_AFTER_REMOVAL"
        case .pre2014Regime: return "PRE_2014_REGIME"
        case .probationLawNotInForce: return "PROBATION_LAW_NOT_IN_FORCE"
        case .unrecognizedStatute: return "UNRECOGNIZED_STATUTE"
        case .missingConvictionDate: return "MISSING_CONVICTION_DATE"
        case .subdivisionRequired: return "SUBDIVISION_REQUIRED"
        case .noNYEquivalent: return "NO_NY_EQUIVALENT"
        case .predicateFelonyUnknown: return "PREDICATE_FELONY_UNKNOWN"
        case .inchoateClassRequired: return "INCHOATE_CLASS_REQUIRED"
        case .inchoateObjectRequired: return "INCHOATE_OBJECT_REQUIRED"
        case .felonyClassRequired: return "FELONY_CLASS_REQUIRED"
        case .hateCrimeClassRequired: return "HATE_CRIME_CLASS_REQUIRED"
        case .felonyClassConflict: return "FELONY_CLASS_CONFLICT"
        case .sealedConviction: return "SEALED_CONVICTION"
        case .tsdbStatusUnknown: return "TSDB_STATUS_UNKNOWN"
        case .reentryStatusUnknown: return "REENTRY_STATUS_UNKNOWN"
        case .awaitingSentence: return "AWAITING_SENTENCE"
        case .sentenceNotKnown: return "SENTENCE_NOT_KNOWN"
        case .youthfulOffenderStatusUnknown: return "YOUTHFUL_OFFENDER_STATUS_UNKNOWN"
        case .juvenileDelinquentStatusUnknown: return "JUVENILE_DELINQUENT_STATUS_UNKNOWN"
        case .sealedStatusUnknown: return "SEALED_STATUS_UNKNOWN"
        case .vacatedStatusUnknown: return "VACATED_STATUS_UNKNOWN"
        case .hateCrimeStatusUnknown: return "HATE_CRIME_STATUS_UNKNOWN"
        case .incarceratedDaysUnknown: return "INCARCERATED_DAYS_UNKNOWN"
        case .jurisdictionUnknown: return "JURISDICTION_UNKNOWN"
        case .warrantStatusUnknown: return "WARRANT_STATUS_UNKNOWN"
        case .warrantPresentedLate: return "WARRANT_PRESENTED_LATE"
        case .warrantTimeUnknown: return "WARRANT_TIME_UNKNOWN"
        case .holdDeadlinePassed: return "HOLD_DEADLINE_PASSED"
        case .sectionNotInForce: return "SECTION_NOT_IN_FORCE"
        }
    }

    public init?(code: String) {
        guard let match = ReasonCode.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    public static func < (lhs: ReasonCode, rhs: ReasonCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ReasonCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = ReasonCode(code: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown reason code \"\(text)\"")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
