/// Short clauses naming each reason code, joined into the summary checks' sentences.
extension CheckMessages {
    /// A short clause per reason code, for summary checks.
    func describe(_ reasons: ReasonSet) -> String {
        let clauses = reasons.map(Self.clause)
        return clauses.isEmpty ? "no further detail" : clauses.joined(separator: "; ")
    }

    static func clause(_ reason: ReasonCode) -> String {
        switch reason {
        case .qualifyingConviction: return "a conviction qualifies"
        case .tsdbMatch: return "the person is a possible TSDB match"
        case .reentryAfterRemoval: return "the person illegally re-entered after removal"
        case .noJudicialWarrant: return "no judicial warrant was presented"
        case .noQualifyingConviction: return "no conviction qualifies and there is no TSDB match"
        case .convictionOutsideWindow: return "a conviction is outside the five-year window"
        case .notListedOffense: return "an offense is not on the list"
        case .notAFelony: return "an offense was not a felony"
        case .subdivisionNotListed: return "a subdivision is not listed"
        case .ruleAdditionNotInForce: return "an offense is listed only by the 2019 rule, not yet in force"
        case .youthfulOffender: return "a youthful-offender adjudication is not a conviction"
        case .juvenileDelinquent: return "a juvenile-delinquency adjudication is not a conviction"
        case .vacatedConviction: return "a vacated conviction is not a conviction"
        case .notPredicateFelony: return "a foreign conviction is not a predicate felony"
        case .pendingChargesOnly: return "there are only pending charges, which never count"
        case .notReenteredAfterRemoval: return "the person did not illegally re-enter after removal"
        case .pre2014Regime: return "the pre-2014 regime is not encoded"
        case .probationLawNotInForce: return "§9-205 was not yet in force"
        case .unrecognizedStatute: return "a statute is not understood"
        case .missingConvictionDate: return "a conviction date is missing"
        case .subdivisionRequired: return "a subdivision must be stated"
        case .noNYEquivalent: return "a foreign conviction has no stated New York equivalent"
        case .predicateFelonyUnknown: return "a foreign conviction's authorized sentence is not stated"
        case .inchoateClassRequired: return "an inchoate offense's class must be stated"
        case .inchoateObjectRequired: return "an inchoate offense's object crime must be stated"
        case .felonyClassRequired: return "an offense's class must be stated"
        case .hateCrimeClassRequired: return "a hate crime's class must be stated"
        case .felonyClassConflict: return "a stated class contradicts the statute"
        case .sealedConviction: return "a qualifying conviction is sealed"
        case .tsdbStatusUnknown: return "the TSDB search result is not recorded"
        case .reentryStatusUnknown: return "illegal re-entry after removal is not recorded"
        case .awaitingSentence: return "a plea or verdict awaiting sentence is not yet a judgment"
        case .sentenceNotKnown: return "whether or when sentence was imposed is not recorded"
        case .youthfulOffenderStatusUnknown: return "whether a conviction is a youthful-offender adjudication is not known"
        case .juvenileDelinquentStatusUnknown: return "whether a conviction is a juvenile-delinquency adjudication is not known"
        case .sealedStatusUnknown: return "whether a conviction is sealed is not known"
        case .vacatedStatusUnknown: return "whether a conviction was vacated is not known"
        case .hateCrimeStatusUnknown: return "whether a conviction is a hate crime is not known"
        case .incarceratedDaysUnknown: return "the days incarcerated for a crime (tolling) are not known"
        case .jurisdictionUnknown: return "a conviction's jurisdiction is not known"
        case .warrantStatusUnknown: return "the kind of warrant presented is not known"
        case .warrantPresentedLate: return "the judicial warrant was presented too late"
        case .warrantTimeUnknown: return "whether the judicial warrant came with the detainer is not known"
        case .holdDeadlinePassed: return "the NYPD 48-hour hold's deadline has passed, so the person must be released"
        case .sectionNotInForce: return "a judgment is dated outside the years its section was in force"
        }
    }
}

extension ReasonCode {
    /// The reason as a short plain clause, for text meant for people (never the code itself).
    public var plainClause: String { CheckMessages.clause(self) }
}
