/// Applies the rule version in force to validated case facts.
///
/// DOC §9-131(b)(1), NYPD §14-154(b)(1) and DOP §9-205(b) share one test:
/// `permitted = judicialWarrant ∧ (violentOrSeriousWithinWindow ∨ tsdbMatch)`, in three-valued
/// logic so an unknown fact matters only when it could change the result. NYPD adds (b)(2):
/// `hold = (violentOrSeriousEver ∧ illegalReentry) ∨ tsdbMatch`, evaluated when (b)(1) fails.
public enum Evaluator {
    /// `decisions` are the project's choices (Sources/DetainerDomain/Law/README.md §12); tests pass others to show that
    /// each one is applied.
    public static func evaluate(_ facts: CaseFacts, decisions: ProjectDecisions = .standard) -> Evaluation {
        let versionDate = decisions.versionChosenByEvaluationDate ? facts.evaluatedOn : facts.instantArrestDate
        let versionIndex = RuleBook.versionIndex(on: versionDate, decisions: decisions)
        let test = RuleBook.versions[versionIndex].test
        let listed = RuleBook.versions[versionIndex].listedOriginMask
        var evaluation = Evaluation(
            outcome: .needsReview, ruleVersionIndex: versionIndex, reasons: ReasonSet(), stage: .completed,
            judicialWarrant: Verdict(.unknown), violentOrSeriousConviction: Verdict(.unknown),
            terroristScreening: Verdict(.unknown), honorTest: Verdict(.unknown), convictions: [],
            warrantlessHold: nil)

        if case .notEncoded(let reason) = test {
            evaluation.stage = .versionNotEncoded
            evaluation.reasons = ReasonSet(reason)
            return evaluation
        }
        if facts.agency == .dop, facts.evaluatedOn < decisions.probationLawEffectiveDate {
            evaluation.stage = .agencyLawNotInForce
            evaluation.reasons = ReasonSet(.probationLawNotInForce)
            return evaluation
        }

        var findings: [ConvictionFinding] = []
        findings.reserveCapacity(facts.convictions.count)
        // Read convictions in place: copying each one would retain all its strings.
        facts.convictions.withUnsafeBufferPointer { convictions in
            for index in convictions.indices {
                findings.append(analyse(convictions[index], arrest: facts.instantArrestDate, listed: listed, decisions: decisions))
            }
        }
        evaluation.convictions = findings

        var warrant = warrantVerdict(facts.detainer)
        let conviction = anyQualifies(findings, ever: false, facts: facts)
        let tsdb = terroristScreening(facts.detainer.terroristScreeningMatch)
        var honor = warrant && (conviction || tsdb)

        let paragraphTwoApplies = decisions.nypdHoldWhenParagraphOneFails || warrant.value != .yes
        var hold: WarrantlessHold?
        if facts.agency == .nypd, honor.value != .yes, paragraphTwoApplies {
            hold = warrantlessHold(findings, tsdb: tsdb, facts: facts, decisions: decisions)
            // §14-154(b)(2): a judicial warrant ICE presents within the hold period counts, "the
            // period described above" being the business-hour deadline itself (issue 24 §4).
            if warrant.value != .yes, facts.detainer.warrant == .judicial, let presented = facts.detainer.warrantPresentedAt,
               let deadline = hold?.deadline {
                evaluation.warrantMeasuredAgainstDeadline = deadline
                if presented <= deadline {
                    warrant = .yes
                    honor = warrant && (conviction || tsdb)
                } else {
                    warrant = Verdict(.no, ReasonSet([.noJudicialWarrant, .warrantPresentedLate]))
                    honor = warrant && (conviction || tsdb)
                }
            }
        }
        evaluation.judicialWarrant = warrant
        evaluation.violentOrSeriousConviction = conviction
        evaluation.terroristScreening = tsdb
        evaluation.honorTest = honor

        switch honor.value {
        case .yes:
            evaluation.outcome = .permitted
            evaluation.reasons = honor.reasons
        case .unknown:
            evaluation.outcome = .needsReview
            evaluation.reasons = honor.reasons
        case .no:
            evaluation.outcome = .decline
            evaluation.reasons = honor.reasons
        }
        if var hold, honor.value != .yes {
            // What is known "now": the evaluation day has begun, and a warrant presented later
            // than the deadline shows the deadline is past.
            var known = NewYorkTime.startOfDay(facts.evaluatedOn)
            if let presented = facts.detainer.warrantPresentedAt, presented > known { known = presented }
            hold.passed = hold.deadline.map { $0 < known } ?? false
            evaluation.warrantlessHold = hold
            if honor.value == .no {
                switch hold.verdict.value {
                case .yes where hold.passed && decisions.holdEndsAtDeadline:
                    // §14-154(b)(2): without a judicial warrant within the period the person "shall
                    // be released": past the deadline nothing may be held (issue 24 §3).
                    evaluation.outcome = .decline
                    evaluation.reasons = honor.reasons.union(hold.verdict.reasons).union(ReasonSet(.holdDeadlinePassed))
                case .yes:
                    evaluation.outcome = .holdPendingWarrant
                    evaluation.reasons = honor.reasons.union(hold.verdict.reasons)
                case .unknown:
                    evaluation.outcome = .needsReview
                    evaluation.reasons = hold.verdict.reasons
                case .no:
                    evaluation.reasons = honor.reasons.union(hold.verdict.reasons)
                }
            }
        }
        return evaluation
    }

    /// §9-131(b)(1)(i), §14-154(b)(1)(i), §9-205(b)(1): a judicial warrant presented "at the time
    /// such civil immigration detainer is presented". A warrant presented on a later New York day
    /// than the detainer's receipt was not (decline); on the same day, or with no receipt date,
    /// the record cannot tell (unknown). A warrant presented earlier was on hand (issue 24 §4).
    static func warrantVerdict(_ detainer: DetainerFacts) -> Verdict {
        switch detainer.warrant {
        case .judicial?:
            guard let presented = detainer.warrantPresentedAt else { return .yes }
            guard let received = detainer.receivedOn else { return Verdict(.unknown, .warrantTimeUnknown) }
            let day = NewYorkTime.localDate(at: presented)
            if day < received { return .yes }
            if day == received { return Verdict(.unknown, .warrantTimeUnknown) }
            return Verdict(.no, ReasonSet([.noJudicialWarrant, .warrantPresentedLate]))
        case .administrative?, WarrantKind.none?: return Verdict(.no, .noJudicialWarrant)
        case nil: return Verdict(.unknown, .warrantStatusUnknown)
        }
    }

    static func analyse(
        _ conviction: borrowing ConvictionFacts, arrest: CivilDate, listed: UInt8, decisions: ProjectDecisions = .standard
    ) -> ConvictionFinding {
        // An unknown fact stays unknown (§12.13); the superseded reading took it as "no".
        let known = decisions.unknownFactsAreNeverNo
        func read(_ value: Bool?) -> Bool? { known ? value : (value ?? false) }
        // §9-131(a)(2): a judgment (CPL 1.20(15)) that is not vacated and not a YO/JD adjudication.
        // Each fact is three-valued: unknown stays unknown (ProjectDecisions.unknownFactsAreNeverNo).
        var status = Verdict.yes
        status = status && fact(read(conviction.vacated), no: .vacatedConviction, unknown: .vacatedStatusUnknown)
        status = status && fact(read(conviction.youthfulOffender), no: .youthfulOffender, unknown: .youthfulOffenderStatusUnknown)
        status = status && fact(read(conviction.juvenileDelinquent), no: .juvenileDelinquent, unknown: .juvenileDelinquentStatusUnknown)
        switch read(conviction.sealed) {
        case false?: break
        case true?: if decisions.sealedConvictionIsUnknown { status = status && Verdict(.unknown, .sealedConviction) }
        case nil: status = status && Verdict(.unknown, .sealedStatusUnknown)
        }
        status = status && judgment(conviction, decisions: decisions)

        let classifier = OffenseClassifier(decisions: decisions)
        let classified: OffenseFinding
        let window: Verdict
        if known {
            // The common path reads the conviction in place (no copy of its strings).
            classified = classifier.classify(conviction, listed: listed)
            window = Self.window(conviction, arrest: arrest, decisions: decisions)
        } else {
            var readable = copy conviction
            readable.hateCrime = conviction.hateCrime ?? false
            readable.incarceratedDaysForThisCrime = conviction.incarceratedDaysForThisCrime ?? 0
            classified = classifier.classify(readable, listed: listed)
            window = Self.window(readable, arrest: arrest, decisions: decisions)
        }
        var offense = classified
        if decisions.judgmentMustFallWhileSectionInForce, let outside = sectionOutOfForce(conviction, offense) {
            // Issue 24 §2: a judgment dated before its section existed, or after it was repealed,
            // means the section or the date is wrong.
            offense.verdict = offense.verdict && Verdict(.unknown, .sectionNotInForce)
            offense.outOfForceRow = outside
        }
        let ever = status && offense.counts
        return ConvictionFinding(
            status: status, offense: offense, window: window, qualifies: ever && window, qualifiesEver: ever)
    }

    /// The catalog row whose dates in force (offenses.csv `in_force_from`, `in_force_until`) the
    /// conviction's date falls outside, if any: the section relied on (or the object of an
    /// inchoate offense, or the specified offense of a hate crime) and, for a hate crime, PL
    /// 485.05 itself. The date is the plea or verdict (else the sentence). A New York conviction
    /// only: a foreign statute's dates are not in the list.
    static func sectionOutOfForce(_ conviction: borrowing ConvictionFacts, _ offense: OffenseFinding) -> Int? {
        guard (conviction.jurisdiction ?? .newYork) == .newYork, let date = conviction.convictedOn ?? conviction.sentencedOn else { return nil }
        var rows: [Int] = []
        if let row = offense.catalogRow { rows.append(row) }
        if offense.basis == .hateCrime, let row = OffenseCatalog.rowIndex(for: hateCrimeSection) { rows.append(row) }
        for row in rows {
            let rule = OffenseCatalog.rules[row]
            if date < rule.notBefore { return row }
            if let until = rule.inForceUntil, date > until { return row }
        }
        return nil
    }

    /// A fact that, when true, means "not a conviction".
    private static func fact(_ value: Bool?, no: ReasonCode, unknown: ReasonCode) -> Verdict {
        switch value {
        case false?: return .yes
        case true?: return Verdict(.no, no)
        case nil: return Verdict(.unknown, unknown)
        }
    }

    /// CPL 1.20(15): a judgment is a conviction and its sentence (ProjectDecisions.judgmentRequiresSentence).
    static func judgment(_ conviction: borrowing ConvictionFacts, decisions: ProjectDecisions) -> Verdict {
        guard decisions.judgmentRequiresSentence else { return .yes }
        if conviction.awaitingSentence == true { return Verdict(.no, .awaitingSentence) }
        if conviction.sentencedOn != nil { return .yes }
        return Verdict(.unknown, .sentenceNotKnown)
    }

    /// The tolled five-year window, from the judgment (= sentence) date (§12.1, 12.2, 12.11, 12.12).
    /// Without a sentence date the plea date still settles "inside" (sentence never precedes the
    /// plea, so a later judgment is inside too); unknown tolling only ever extends the window.
    static func window(_ conviction: borrowing ConvictionFacts, arrest: CivilDate, decisions: ProjectDecisions) -> Verdict {
        let anchor = decisions.judgmentRequiresSentence ? conviction.sentencedOn : (conviction.sentencedOn ?? conviction.convictedOn)
        let days = conviction.incarceratedDaysForThisCrime ?? 0
        if let anchor {
            if anchor > arrest, !decisions.convictionsAfterArrestAreInside { return Verdict(.no, .convictionOutsideWindow) }
            if arrest <= decisions.lastQualifyingArrestDate(judgment: anchor, tollingDays: days) { return .yes }
            return conviction.incarceratedDaysForThisCrime == nil
                ? Verdict(.unknown, .incarceratedDaysUnknown) : Verdict(.no, .convictionOutsideWindow)
        }
        if let convictedOn = conviction.convictedOn,
           convictedOn <= arrest || decisions.convictionsAfterArrestAreInside,
           arrest <= decisions.lastQualifyingArrestDate(judgment: convictedOn, tollingDays: days) {
            return .yes
        }
        var reasons = ReasonSet(.sentenceNotKnown)
        if conviction.convictedOn == nil { reasons.insert(.missingConvictionDate) }
        return Verdict(.unknown, reasons)
    }

    /// Disjunction over convictions. `yes` → QUALIFYING_CONVICTION (for the "ever" test no code:
    /// REENTRY_AFTER_REMOVAL names that ground); `no` → NO_QUALIFYING_CONVICTION plus each
    /// conviction's failures (and PENDING_CHARGES_ONLY when that is all there is).
    static func anyQualifies(_ findings: [ConvictionFinding], ever: Bool, facts: CaseFacts) -> Verdict {
        var any = Verdict(.no, .noQualifyingConviction)
        for finding in findings {
            any = any || (ever ? finding.qualifiesEver : finding.qualifies)
        }
        if any.value == .yes {
            return ever ? .yes : Verdict(.yes, .qualifyingConviction)
        }
        if any.value == .no, findings.isEmpty, !facts.pendingCharges.isEmpty {
            any.reasons.insert(.pendingChargesOnly)
        }
        return any
    }

    static func terroristScreening(_ match: Bool?) -> Verdict {
        switch match {
        case true?: return Verdict(.yes, .tsdbMatch)
        case false?: return Verdict(.no)
        case nil: return Verdict(.unknown, .tsdbStatusUnknown)
        }
    }

    static func warrantlessHold(
        _ findings: [ConvictionFinding], tsdb: Verdict, facts: CaseFacts, decisions: ProjectDecisions
    ) -> WarrantlessHold {
        let ever = anyQualifies(findings, ever: true, facts: facts)
        let reentry: Verdict
        switch facts.detainer.illegalReentryAfterRemoval {
        case true?: reentry = Verdict(.yes, .reentryAfterRemoval)
        case false?: reentry = Verdict(.no, .notReenteredAfterRemoval)
        case nil: reentry = Verdict(.unknown, .reentryStatusUnknown)
        }
        let reentryGround = ever && reentry
        let verdict = reentryGround || tsdb
        // Without a release time the count starts at 00:00 on the day the detainer was received
        // (the earliest the hold could begin), so evaluating later never moves the deadline.
        let day = decisions.holdCountedFromReceiptWithoutReleaseTime ? (facts.detainer.receivedOn ?? facts.evaluatedOn) : facts.evaluatedOn
        let start = facts.releaseAt ?? NewYorkTime.startOfDay(
            decisions.holdStartsAtMidnightWithoutReleaseTime ? day : day.adding(days: 1))
        let deadline = verdict.value == .yes
            ? BusinessHours.deadline(start: start, hours: decisions.warrantlessHoldHours) : nil
        return WarrantlessHold(
            violentOrSeriousEver: ever, reentryAfterRemoval: reentry, reentryGround: reentryGround,
            verdict: verdict, start: start, startIsReleaseTime: facts.releaseAt != nil, deadline: deadline, passed: false)
    }
}
