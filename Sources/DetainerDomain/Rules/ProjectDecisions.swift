/// Choices the engine makes where the law's text is silent or unverified (Sources/DetainerDomain/Law/README.md §12,
/// `Sources/DetainerDomain/Law/README.md` once the reference moves into the repository, plus the
/// engine's own). Each is a choice, not a finding: the evaluator reads them from the value it is
/// given (`ProjectDecisions.standard` unless a test passes another), checks name them in their
/// messages, and a better source changes them here only. `ProjectDecisionsTests` shows, for each
/// one, that changing it changes an outcome.
///
/// Settled by the text rather than chosen, and so not switchable: pending charges never count
/// (only "a judgment … entered" does); statute text that is not understood — DOC codes such as
/// `120.00H`, sections without a law — is `UNRECOGNIZED_STATUTE`, never guessed; an absent JSON
/// fact is false and an explicit null unknown (the JSON contract, `EvaluationRequest`).
public struct ProjectDecisions: Sendable, Hashable {
    /// The decisions in force.
    public static let standard = ProjectDecisions()

    /// Local Laws 58 (DOC, §9-131) and 59 (NYPD, §14-154) of 2014, enacted 2014-11-14, took effect
    /// 2014-12-14 (IDP practice advisory, Sources/DetainerDomain/Law/README.md §12.4). Earlier evaluations get
    /// `needsReview` with `PRE_2014_REGIME`: the 2011/2013 "covered crime" regime's exception list
    /// is unverified, so it is not encoded.
    public var localLaws2014EffectiveDate = CivilDate(year: 2014, month: 12, day: 14)!

    /// 39 RCNY §2-01 (seven Penal Law additions) — adoption date UNVERIFIED. The rule was proposed
    /// 2019-08-12 and the Commissioner said in May 2019 it would not take effect "until at least
    /// January" 2020 (NY Daily News 2019-05-14), so 2020-01-01 is used (Sources/DetainerDomain/Law/README.md §12.3).
    public var docRule2019EffectiveDate = CivilDate(year: 2020, month: 1, day: 1)!

    /// Probation's §9-205 (L.L. 2017/226). Its §2 says it "takes effect immediately" (editor's note
    /// in the 2020 code mirror); the enactment date is not in the stored sources. L.L. 2017/228
    /// (Int 1568-A, passed at the same 2017-10-31 stated meeting) was enacted 2017-12-01, and local
    /// laws are numbered in order of enactment, so No. 226 was law by 2017-12-01 at the latest.
    /// Using that latest possible date means an earlier DOP evaluation gets `needsReview`
    /// (`PROBATION_LAW_NOT_IN_FORCE`) rather than a possibly wrong answer.
    public var probationLawEffectiveDate = CivilDate(year: 2017, month: 12, day: 1)!

    /// Length of the look-back of §9-131(a)(2)(ii) / §14-154(a)(2)(ii).
    public var lookBackYears = 5

    /// Law reference §12.1: "at least five years prior to the date of the instant arrest" — a
    /// judgment on the same calendar date five years before the arrest is outside; one day later
    /// is inside. So the last arrest date on which a judgment still counts is
    /// `sentencedOn + 5 years + incarceratedDaysForThisCrime − 1 day`.
    public var boundaryDayIsOutside = true

    /// Law reference §12.2: a Feb 29 judgment's fifth anniversary is Feb 28 (false: Mar 1).
    public var leapDayAnniversaryIsFeb28 = true

    /// Law reference §12.6: judgments entered after the instant arrest (on the instant case) are
    /// inside the window — they are less than five years old.
    public var convictionsAfterArrestAreInside = true

    /// Law reference §12.11: tolling is recorded per conviction as `incarceratedDaysForThisCrime`
    /// (days in custody for that crime between its commission and the instant arrest, pre-trial
    /// included), and extends that conviction's window day for day.
    public var tollingIsPerConviction = true

    /// Law reference §12.5: the text does not address sealing. A sealed conviction that would
    /// otherwise qualify is `unknown` (`SEALED_CONVICTION`), so it yields `needsReview` only when
    /// no other conviction (or TSDB match) settles the case.
    public var sealedConvictionIsUnknown = true

    /// Law reference §12.8: the rule version — and so the offense list — is the one in force on
    /// `evaluatedOn` (default: the date the detainer was received), whatever the conviction date
    /// (false: the one in force on the instant arrest).
    public var versionChosenByEvaluationDate = true

    /// Law reference §12.9: `felonyClass` is the class as convicted (an attempt's own class; a hate
    /// crime's raised class). When omitted it is derived (offenses.csv, PL 110.05 for attempts,
    /// `InchoateClasses`, `HateCrimeOffenses`). A stated class that contradicts the statute (a
    /// felony attempt of an E felony, a misdemeanor under an always-felony section) is
    /// `FELONY_CLASS_CONFLICT` → `needsReview`, not silently trusted (false: trusted).
    public var felonyClassConflictNeedsReview = true

    /// PL 485.10 raises the class of a hate crime one step (misdemeanor, E, D or C felony; B and A
    /// keep theirs), and only a "specified offense" of PL 485.05(3) (or an attempt or conspiracy
    /// to commit one) can be a hate crime (`HateCrimeOffenses`). `hateCrime: true` on any other
    /// offense raises nothing (false: any offense flagged as a hate crime is analysed as one).
    public var hateCrimeRaisesSpecifiedOffensesOnly = true

    /// The degrees of PL articles 100 (solicitation), 105 (conspiracy) and 115 (facilitation) fix
    /// their class (`InchoateClasses`), so a conviction under one of those sections needs no stated
    /// class (false: the class must be stated).
    public var inchoateClassFixedByDegree = true

    /// Subparagraph (iii) covers inchoate offenses "to commit any crime specified in subparagraph
    /// (i)". The 2019 rule additions sit under subparagraph (v), so an attempt of, say, PL 135.37 is
    /// not covered (PL 230.34-a is in (i) too, so its attempt is). False: (v) objects count too.
    public var inchoateCoversStatutoryListOnly = true

    /// VTL 600 is a felony only in some circumstances (VTL 600(2)(c)); with no stated class the
    /// conviction is `FELONY_CLASS_REQUIRED` (false: presumed a felony).
    public var vehicleAndTraffic600NeedsClass = true

    /// Out-of-state and federal convictions (§9-131(a)(2)): the stated `nyEquivalent` is analysed
    /// as a New York conviction, and `authorizedTermOverOneYear` answers PL 70.06(1)(b)(i)'s
    /// "sentence … in excess of one year … was authorized" (false: the predicate test is skipped).
    public var foreignConvictionNeedsPredicate = true

    /// NYPD §14-154(b)(2) applies "notwithstanding paragraph one": it is evaluated whenever (b)(1)
    /// does not permit honoring, even if a judicial warrant is on file (then only the 48-hour hold
    /// is allowed, since (b)(1)(ii) failed). False: only without a judicial warrant.
    public var nypdHoldWhenParagraphOneFails = true

    /// Without `releaseAt` the 48-hour hold is counted from 00:00 America/New_York on
    /// `evaluatedOn` — the earliest the person could be released that day, so the deadline is
    /// never later than the true one (false: from the end of that day).
    public var holdStartsAtMidnightWithoutReleaseTime = true

    /// Issue 24 §3: without `releaseAt` the 48-hour count starts on the day the detainer was
    /// received (`detainer.receivedOn`, else `evaluatedOn`), so a later evaluation never restarts
    /// the hold (false: the evaluation day, the superseded reading that let a hold run on).
    public var holdCountedFromReceiptWithoutReleaseTime = true

    /// Issue 24 §3, §14-154(b)(2): "if federal immigration authorities fail to present the
    /// department with a judicial warrant for such person within the period described above, such
    /// person shall be released". A hold whose deadline had passed when the evaluation was made
    /// (before the start of `evaluatedOn`, or before a warrant presented after it) is `decline`
    /// with `HOLD_DEADLINE_PASSED` (false: `holdPendingWarrant` with `holdDeadlinePassed`).
    public var holdEndsAtDeadline = true

    /// Issue 24 §2: a section counts only for judgments entered while it existed. Each offenses.csv
    /// row carries the dates it was in force (`in_force_from`, `in_force_until`, each with its
    /// source in `dates_source`). A judgment (plea or verdict date, else the sentence date) before
    /// the section took effect or after it was repealed is `SECTION_NOT_IN_FORCE` → needsReview
    /// where it decides: the section or the date is wrong (a 2017 "135.61" is the old
    /// misdemeanor coercion, now 135.60, or a wrong date). **An unknown start date stays unknown**:
    /// it is never read as "always in force"; the row records the earliest date the section can
    /// have existed that the sources do establish (`not before`: the revised Penal Law's
    /// 1967-09-01, or the act that created the article), and a judgment before that is flagged.
    /// (False: dates are not checked.)
    public var judgmentMustFallWhileSectionInForce = true

    /// The hold length of §14-154(b)(2).
    public var warrantlessHoldHours = 48

    /// `instantArrestDate` is required: the window cannot be measured without it, and every
    /// detainer form carries it (false: it defaults to `evaluatedOn`). `evaluatedOn` may be
    /// omitted when `detainer.receivedOn` is given.
    public var instantArrestDateRequired = true

    /// Law reference §12.12 (CPL 1.20(13)-(15)): "a judgment … entered" is a conviction *and* its
    /// sentence. A conviction counts only once sentence is imposed (`sentencedOn` known), and the
    /// window runs from the sentence date. Known to be awaiting sentence → never counts (for the
    /// NYPD §14-154(b)(2) "has been convicted" test too). Neither known → unknown
    /// (`SENTENCE_NOT_KNOWN`), which gives needsReview only where that conviction would otherwise
    /// settle the case. (False: the superseded reading, window from the plea date.)
    public var judgmentRequiresSentence = true

    /// Law reference §12.13: every fact the law turns on is three-valued. An explicit JSON `null`
    /// (or `unknown` on the command line) for any fact — YO/JD status, sealed, vacated, hate
    /// crime, tolling days, jurisdiction, warrant kind, awaiting sentence, TSDB match, re-entry —
    /// is unknown, never false; it gives needsReview where it could change the outcome. Absent
    /// keeps the documented default (false / 0 / New York). (False: unknown conviction facts are
    /// read as "no", the behaviour issue 10 removed.)
    public var unknownFactsAreNeverNo = true

    public init() {}

    // Read-only spellings for code outside the evaluator (rule versions, catalog, messages).
    public static var localLaws2014EffectiveDate: CivilDate { standard.localLaws2014EffectiveDate }
    public static var docRule2019EffectiveDate: CivilDate { standard.docRule2019EffectiveDate }
    public static var probationLawEffectiveDate: CivilDate { standard.probationLawEffectiveDate }
    public static var lookBackYears: Int { standard.lookBackYears }
    public static var warrantlessHoldHours: Int { standard.warrantlessHoldHours }

    /// The last instant-arrest date on which a judgment entered on `judgment` still counts (§12.1,
    /// 12.2, 12.11): `lookBackYears`, `leapDayAnniversaryIsFeb28`, `tollingIsPerConviction` and
    /// `boundaryDayIsOutside` applied.
    public func lastQualifyingArrestDate(judgment: CivilDate, tollingDays: Int) -> CivilDate {
        var anniversary = judgment.adding(years: lookBackYears)
        if !leapDayAnniversaryIsFeb28, judgment.month == 2, judgment.day == 29, anniversary.day == 28 {
            anniversary = anniversary.adding(days: 1)
        }
        return anniversary.adding(days: (tollingIsPerConviction ? tollingDays : 0) - (boundaryDayIsOutside ? 1 : 0))
    }

    public static func lastQualifyingArrestDate(judgment: CivilDate, tollingDays: Int) -> CivilDate {
        standard.lastQualifyingArrestDate(judgment: judgment, tollingDays: tollingDays)
    }
}

extension ProjectDecisions {
    /// Issue 23 §2: audit times must increase. Rows are numbered in commit order and each reads
    /// the clock after taking the write lock, so on one server the times can run backwards only
    /// when the clock itself is stepped back. An NTP correction steps it by well under a second,
    /// and times are kept to the whole second, so `detainer check` tolerates a row dated up to
    /// this many seconds before the latest time already in the chain and reports anything more
    /// as time running backwards (a failure on a production database).
    public static let auditClockToleranceSeconds: Int64 = 2
}
