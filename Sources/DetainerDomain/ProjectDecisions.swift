/// Choices the engine makes where the law's text is silent or unverified (README §12 plus the
/// engine's own). Each is a choice, not a finding: the evaluator reads them from here, checks
/// name them in their messages, and a better source changes them here only.
public enum ProjectDecisions {
    /// Local Laws 58 (DOC, §9-131) and 59 (NYPD, §14-154) of 2014, enacted 2014-11-14, took effect
    /// 2014-12-14 (IDP practice advisory, README §12.4). Earlier evaluations get `needsReview` with
    /// `PRE_2014_REGIME`: the 2011/2013 "covered crime" regime's exception list is unverified, so
    /// it is not encoded.
    public static let localLaws2014EffectiveDate = CivilDate(year: 2014, month: 12, day: 14)!

    /// 39 RCNY §2-01 (seven Penal Law additions) — adoption date UNVERIFIED. The rule was proposed
    /// 2019-08-12 and the Commissioner said in May 2019 it would not take effect "until at least
    /// January" 2020 (NY Daily News 2019-05-14), so 2020-01-01 is used (README §12.3). This is the
    /// only place the date lives.
    public static let docRule2019EffectiveDate = CivilDate(year: 2020, month: 1, day: 1)!

    /// Probation's §9-205 (L.L. 2017/226). Its §2 says it "takes effect immediately" (editor's note
    /// in the 2020 code mirror); the enactment date is not in the stored sources. L.L. 2017/228
    /// (Int 1568-A, passed at the same 2017-10-31 stated meeting) was enacted 2017-12-01, and local
    /// laws are numbered in order of enactment, so No. 226 was law by 2017-12-01 at the latest.
    /// Using that latest possible date means an earlier DOP evaluation gets `needsReview`
    /// (`PROBATION_LAW_NOT_IN_FORCE`) rather than a possibly wrong answer.
    public static let probationLawEffectiveDate = CivilDate(year: 2017, month: 12, day: 1)!

    /// Length of the look-back of §9-131(a)(2)(ii) / §14-154(a)(2)(ii).
    public static let lookBackYears = 5

    /// README §12.1: "at least five years prior to the date of the instant arrest" — a judgment on
    /// the same calendar date five years before the arrest is outside; one day later is inside.
    /// So the last arrest date on which a conviction still counts is
    /// `convictedOn + 5 years + incarceratedDaysForThisCrime − 1 day`.
    public static let boundaryDayIsOutside = true

    /// The last instant-arrest date on which a judgment entered on `judgment` still counts, read
    /// from `lookBackYears`, `boundaryDayIsOutside` and the per-conviction tolling (§12.1, 12.2, 12.11).
    public static func lastQualifyingArrestDate(judgment: CivilDate, tollingDays: Int) -> CivilDate {
        judgment.adding(years: lookBackYears).adding(days: tollingDays - (boundaryDayIsOutside ? 1 : 0))
    }

    /// Law reference §12.12 (CPL 1.20(13)-(15)): "a judgment … entered" is a conviction *and* its
    /// sentence. A conviction counts only once sentence is imposed (`sentencedOn` known), and the
    /// window runs from the sentence date. Known to be awaiting sentence → never counts (for the
    /// NYPD §14-154(b)(2) "has been convicted" test too). Neither known → unknown
    /// (`SENTENCE_NOT_KNOWN`), which gives needsReview only where that conviction would otherwise
    /// settle the case.
    public static let judgmentRequiresSentence = true

    /// Law reference §12.13: every fact the law turns on is three-valued. An explicit JSON `null`
    /// (or `unknown` on the command line) for any fact — YO/JD status, sealed, vacated, hate
    /// crime, tolling days, jurisdiction, warrant kind, awaiting sentence — is unknown, never false;
    /// it gives needsReview where it could change the outcome. Absent keeps the documented
    /// default (false / 0 / New York).
    public static let unknownFactsAreNeverNo = true

    /// PL 485.10 raises the class of a hate crime one step (misdemeanor, E, D or C felony; B and A
    /// keep theirs), and only a "specified offense" of PL 485.05(3) (or an attempt or conspiracy to
    /// commit one) can be a hate crime (`HateCrimeOffenses`). `hateCrime: true` on any other
    /// offense raises nothing: the conviction is analysed as the offense it is.
    public static let hateCrimeRaisesSpecifiedOffensesOnly = true

    /// The degrees of PL articles 100 (solicitation), 105 (conspiracy) and 115 (facilitation) fix
    /// their class (`InchoateClasses`), so a conviction under one of those sections needs no stated
    /// class; a stated class that contradicts it is `FELONY_CLASS_CONFLICT`.
    public static let inchoateClassFixedByDegree = true

    /// README §12.2: a Feb 29 judgment's fifth anniversary is Feb 28 (`CivilDate.adding(years:)`).
    public static let leapDayAnniversary = "Feb 29 + 5 years = Feb 28"

    /// README §12.6: convictions entered after the instant arrest (on the instant case) are inside
    /// the window — they follow from the same formula, since they are less than five years old.
    public static let convictionsAfterArrestAreInside = true

    /// README §12.11: tolling is recorded per conviction as `incarceratedDaysForThisCrime` (days in
    /// custody for that crime between its commission and the instant arrest, pre-trial included),
    /// and extends that conviction's window day for day.
    public static let tollingIsPerConviction = true

    /// README §12.5: the text does not address sealing. A sealed conviction that would otherwise
    /// qualify is `unknown` (`SEALED_CONVICTION`), so it yields `needsReview` only when no other
    /// conviction (or TSDB match) settles the case.
    public static let sealedConvictionIsUnknown = true

    /// README §12.8: the rule version — and so the offense list — is the one in force on
    /// `evaluatedOn` (default: the date the detainer was received), whatever the conviction date.
    public static let versionChosenByEvaluationDate = true

    /// README §12.9: `felonyClass` is the class as convicted (an attempt's own class; a hate
    /// crime's raised class). When omitted it is derived from offenses.csv (and PL 110.05 for
    /// attempts); conspiracy, solicitation and facilitation need it stated. A stated class that
    /// contradicts the statute (a felony attempt of an E felony, a misdemeanor under an
    /// always-felony section) is `FELONY_CLASS_CONFLICT` → `needsReview`, not silently trusted.
    public static let felonyClassAsConvicted = true

    /// A hate crime (PL 485.05) counts under subparagraph (ii) when it is a felony, whatever the
    /// specified offense. Without a stated class it is a felony only when the specified offense is
    /// itself a felony by the catalog (PL 485.10 raises, never lowers, the class); otherwise
    /// `HATE_CRIME_CLASS_REQUIRED`.
    public static let hateCrimeFelonyTest = true

    /// Subparagraph (iii) covers inchoate offenses "to commit any crime specified in subparagraph
    /// (i)". The 2019 rule additions sit under subparagraph (v), so an attempt of, say, PL 135.37 is
    /// not covered (PL 230.34-a is in (i) too, so its attempt is). A hate crime is not in (i) either.
    public static let inchoateCoversStatutoryListOnly = true

    /// VTL 600 is a felony only in some circumstances (VTL 600(2)(c)); with no stated class the
    /// conviction is `FELONY_CLASS_REQUIRED`. Other VTL sections (1192, 1111(d) …) are never listed.
    public static let vehicleAndTraffic600NeedsClass = true

    /// Out-of-state and federal convictions (§9-131(a)(2)): the stated `nyEquivalent` is analysed
    /// as a New York conviction with the given `felonyClass`, and `authorizedTermOverOneYear`
    /// answers PL 70.06(1)(b)(i)'s "sentence … in excess of one year … was authorized". Either
    /// missing → `NO_NY_EQUIVALENT` / `PREDICATE_FELONY_UNKNOWN`.
    public static let foreignConvictionTest = true

    /// Booleans about the detainer (`terroristScreeningMatch`, `illegalReentryAfterRemoval`): an
    /// explicit `null` is *unknown*, not false — the law requires the search, and a clerk who has
    /// not seen its result records null (intake's "unknown"). An absent field is false: the JSON
    /// contract lets a case omit the fields it does not need. The same holds for every fact on a
    /// conviction (`unknownFactsAreNeverNo`).
    public static let detainerFlagsDefaultToUnknown = true

    /// NYPD §14-154(b)(2) applies "notwithstanding paragraph one": it is evaluated whenever (b)(1)
    /// does not permit honoring, even if a judicial warrant is on file (then only the 48-hour hold
    /// is allowed, since (b)(1)(ii) failed). DOC and DOP have no such hold.
    public static let nypdHoldWhenParagraphOneFails = true

    /// Without `releaseAt` the 48-hour hold is counted from 00:00 America/New_York on
    /// `evaluatedOn` — the earliest the person could be released that day, so the deadline is
    /// never later than the true one.
    public static let holdStartsAtMidnightWithoutReleaseTime = true

    /// The hold length of §14-154(b)(2).
    public static let warrantlessHoldHours = 48

    /// `instantArrestDate` is required: the window cannot be measured without it, and every
    /// detainer form carries it. `evaluatedOn` may be omitted when `detainer.receivedOn` is given.
    public static let instantArrestDateRequired = true

    /// Pending charges never count (only a "judgment … entered" does); they are reported in one
    /// check, and `PENDING_CHARGES_ONLY` is added to a decline when there are no convictions at all.
    public static let pendingChargesNeverCount = true

    /// Statute text that is not understood — including DOC codes such as `120.00H` or `265.01B`
    /// and section numbers without a law — is `UNRECOGNIZED_STATUTE`, never guessed.
    public static let neverGuessStatutes = true
}
