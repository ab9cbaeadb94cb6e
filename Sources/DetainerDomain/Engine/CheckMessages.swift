/// Renders checks as one plain sentence plus the provision it applies. Only called when a report
/// is produced, so evaluation itself never builds strings.
struct CheckMessages {
    let facts: CaseFacts
    let evaluation: Evaluation
    let provisions: Provisions

    init(facts: CaseFacts, evaluation: Evaluation) {
        self.facts = facts
        self.evaluation = evaluation
        self.provisions = Provisions(agency: facts.agency)
    }

    func citation(_ check: Check) -> String {
        switch check.rule {
        case .ruleVersion:
            return evaluation.ruleVersion.source
        case .agencyLaw:
            return provisions.agencyLaw
        case .judicialWarrant:
            return provisions.judicialWarrant
        case .convictionStatus:
            if check.verdict.reasons.contains(.youthfulOffender) || check.verdict.reasons.contains(.juvenileDelinquent) {
                return provisions.youthfulOffender
            }
            if check.verdict.reasons.contains(.sealedConviction) { return provisions.convicted + "; project decision §12.5 (Sources/DetainerDomain/Law/README.md)" }
            return provisions.convicted + " and CPL 1.20(15)"
        case .convictionOffense(let index):
            let finding = evaluation.convictions[index].offense
            let dates = finding.outOfForceRow.map { "; dates in force of PL \(OffenseCatalog.rows[$0].section) (offenses.csv)" } ?? ""
            return offenseCitation(finding, index: index) + conflictProvision(finding, index: index) + dates
        case .convictionPredicate:
            return provisions.convicted + " and PL 70.06(1)(b)(i)"
        case .convictionWindow:
            return provisions.window
        case .violentOrSeriousConviction:
            return provisions.convictionTest
        case .terroristScreening:
            return provisions.terroristScreening
        case .pendingCharges:
            return provisions.convicted + " and CPL 1.20(15)"
        case .honorTest:
            return provisions.honorTest
        case .violentOrSeriousEver:
            return Provisions.holdEver
        case .reentryAfterRemoval:
            return Provisions.holdReentry
        case .warrantlessHold:
            return Provisions.warrantlessHold
        }
    }

    /// The provision that decides a class conflict, added to the offense check's citation.
    private func conflictProvision(_ finding: OffenseFinding, index: Int) -> String {
        switch finding.conflict {
        case .degree?, .degreeObject?:
            guard case .inchoate(let reference)? = resolvedInchoate(index), let section = reference.section else { return "" }
            return " and PL \(section)"
        case .vehicleAndTraffic?:
            return "; " + ClassRules.vehicleAndTrafficSource(facts.convictions[index].statute.description)
        case .listedSection?:
            return "; PL \(finding.catalogRow.map { OffenseCatalog.rows[$0].section.description } ?? "") (its class)"
        case .attempt?, .hateCrime?, nil:
            return ""
        }
    }

    private func offenseCitation(_ finding: OffenseFinding, index: Int) -> String {
        switch finding.basis {
        case .listedSection: return provisions.listedSection
        case .ruleAddition:
            let paragraph = finding.catalogRow.flatMap { OffenseCatalog.rows[$0].ruleParagraph }
            return provisions.ruleAddition + (paragraph.map { "; " + $0 } ?? "")
        case .hateCrime: return provisions.hateCrime + " and PL 485.10"
        case .inchoate:
            if case .inchoate(let reference)? = facts.convictions[index].analysedStatute?.citation, reference.kind == .attempt {
                return provisions.inchoate + " and PL 110.05"
            }
            return provisions.inchoate
        case .vehicleAndTraffic600: return provisions.vehicleAndTraffic600
        case .notListed, .notUnderstood: return provisions.violentOrSerious
        case .noEquivalent: return provisions.convicted
        }
    }

    func message(_ check: Check) -> String {
        let value = check.verdict.value
        let reasons = check.verdict.reasons
        switch check.rule {
        case .ruleVersion:
            let version = evaluation.ruleVersion
            if evaluation.stage == .versionNotEncoded {
                return "On \(facts.evaluatedOn) the pre-2014 covered-crime regime applied, which this engine does not encode (its exception list is unverified), so a person must review the detainer."
            }
            return "The rules in force on \(facts.evaluatedOn) are \(version.id): \(version.title)."
        case .agencyLaw:
            if evaluation.stage == .agencyLawNotInForce {
                return "Probation's §9-205 is treated as in force only from \(ProjectDecisions.probationLawEffectiveDate), so a person must review a Probation detainer evaluated on \(facts.evaluatedOn)."
            }
            switch facts.agency {
            case .doc: return "Admin. Code §9-131 governs detainers lodged with the Department of Correction."
            case .nypd: return "Admin. Code §14-154 governs detainers lodged with the Police Department."
            case .dop: return "Admin. Code §9-205 governs detainers lodged with the Department of Probation, using the definitions of §9-131."
            }
        case .judicialWarrant:
            switch facts.detainer.warrant {
            case .judicial?:
                if let presented = facts.detainer.warrantPresentedAt { return lateWarrantMessage(presented, value: value) }
                return "ICE presented a judicial warrant with the detainer."
            case .administrative?: return "ICE presented only an administrative warrant (I-200/I-205), which is not a judicial warrant."
            case WarrantKind.none?: return "ICE presented no warrant with the detainer."
            case nil: return "The record does not say what kind of warrant, if any, ICE presented, so a person must check it."
            }
        case .convictionStatus(let index):
            return statusMessage(index, value: value, reasons: reasons)
        case .convictionOffense(let index):
            return offenseMessage(index, value: value, reasons: reasons)
        case .convictionPredicate(let index):
            let label = convictionLabel(index)
            switch value {
            case .yes: return "\(label) authorized a prison term over one year, so it can be a predicate felony conviction."
            case .no: return "\(label) did not authorize a prison term over one year, so it is not a predicate felony conviction."
            case .unknown: return "\(label) does not state whether a prison term over one year was authorized, which decides whether it is a predicate felony conviction."
            }
        case .convictionWindow(let index):
            return windowMessage(index, value: value)
        case .violentOrSeriousConviction:
            switch value {
            case .yes:
                return "\(listOfConvictions(evaluation.convictions.indices.filter { evaluation.convictions[$0].qualifies.value == .yes })) a violent or serious crime within the five-year window."
            case .no:
                if facts.convictions.isEmpty {
                    return facts.pendingCharges.isEmpty ? "No convictions are recorded." : "No convictions are recorded, only pending charges."
                }
                return "No conviction is a violent or serious crime within the five-year window."
            case .unknown:
                return "Whether a conviction qualifies cannot be settled from the record: \(describe(reasons))."
            }
        case .terroristScreening:
            switch value {
            case .yes: return "The person is identified as a possible match in the terrorist screening database."
            case .no: return "The person is not identified as a possible match in the terrorist screening database."
            case .unknown: return "The record does not say whether the person is a possible match in the terrorist screening database."
            }
        case .pendingCharges:
            let count = facts.pendingCharges.count
            let list = facts.pendingCharges.map(\.description).joined(separator: ", ")
            return "\(count) pending charge\(count == 1 ? "" : "s") (\(list)) \(count == 1 ? "is not a conviction and does" : "are not convictions and do") not count."
        case .honorTest:
            let act = facts.agency == .dop ? "hold the person" : "hold the person or notify ICE of the release"
            switch value {
            case .yes:
                return "The agency may honor the detainer (\(act)): a judicial warrant was presented and \(describe(reasons))."
            case .no:
                return "The agency may not honor the detainer under the warrant-and-conviction test: \(describe(reasons))."
            case .unknown:
                return "Whether the agency may honor the detainer depends on facts the record does not settle: \(describe(reasons))."
            }
        case .violentOrSeriousEver:
            switch value {
            case .yes:
                return "\(listOfConvictions(evaluation.convictions.indices.filter { evaluation.convictions[$0].qualifiesEver.value == .yes })) a violent or serious crime, and for the 48-hour hold a judgment ever entered counts."
            case .no: return "No conviction is a violent or serious crime, even without the five-year limit."
            case .unknown: return "Whether any conviction is a violent or serious crime cannot be settled from the record: \(describe(reasons))."
            }
        case .reentryAfterRemoval:
            switch value {
            case .yes: return "The person illegally re-entered the United States after a previous removal or return."
            case .no: return "The person is not recorded as having illegally re-entered after a previous removal or return."
            case .unknown: return "The record does not say whether the person illegally re-entered after a previous removal or return."
            }
        case .warrantlessHold:
            return holdMessage(value: value, reasons: reasons)
        }
    }

    /// "conviction 1 (PL 120.05)": people count from one and read words, not the JSON path
    /// `convictions[0]` (issue 25 §3); the check's `rule` keeps the path for machines.
    func convictionLabel(_ index: Int) -> String {
        let conviction = facts.convictions[index]
        let name = "conviction \(index + 1)"
        switch conviction.jurisdiction {
        case .newYork?: return "\(name) (\(conviction.statute))"
        case .otherState?: return "\(name) (other state: \(conviction.statute.raw))"
        case .federal?: return "\(name) (federal: \(conviction.statute.raw))"
        case nil: return "\(name) (\(conviction.statute.raw), jurisdiction not known)"
        }
    }

    private func listOfConvictions(_ indexes: [Int]) -> String {
        let names = indexes.map { convictionLabel($0) }
        if names.count <= 1 { return (names.first ?? "No conviction") + " is" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last! + " are each"
    }

    private func statusMessage(_ index: Int, value: Tri, reasons: ReasonSet) -> String {
        let label = convictionLabel(index)
        let conviction = facts.convictions[index]
        switch value {
        case .yes:
            let sentence = conviction.sentencedOn.map { ", completed by the sentence imposed on \($0)" } ?? ""
            return "\(label) is a judgment of conviction\(sentence)."
        case .unknown:
            var phrases: [String] = []
            if reasons.contains(.sealedConviction) {
                phrases.append("it is sealed, and the law does not say whether sealed convictions count (project decision: a person reviews it)")
            }
            if reasons.contains(.sealedStatusUnknown) { phrases.append("the record does not say whether it is sealed") }
            if reasons.contains(.vacatedStatusUnknown) { phrases.append("the record does not say whether it was vacated") }
            if reasons.contains(.youthfulOffenderStatusUnknown) {
                phrases.append("the record does not say whether it was replaced by a youthful-offender finding")
            }
            if reasons.contains(.juvenileDelinquentStatusUnknown) {
                phrases.append("the record does not say whether it is a juvenile-delinquency adjudication")
            }
            if reasons.contains(.sentenceNotKnown) {
                phrases.append("the record does not say whether sentence has been imposed, and only a conviction with its sentence is a judgment (CPL 1.20(15))")
            }
            return "Whether \(label) is a judgment that counts cannot be settled: \(phrases.joined(separator: "; "))."
        case .no:
            var phrases: [String] = []
            if reasons.contains(.vacatedConviction) { phrases.append("it was vacated") }
            if reasons.contains(.youthfulOffender) { phrases.append("it is a youthful-offender adjudication, which replaces the conviction") }
            if reasons.contains(.juvenileDelinquent) { phrases.append("it is a juvenile-delinquency adjudication") }
            if reasons.contains(.awaitingSentence) {
                phrases.append("the plea or verdict is awaiting sentence, so no judgment has been entered yet (CPL 1.20(13), (15))")
            }
            return "\(label) is not a judgment of conviction: \(phrases.joined(separator: " and "))."
        }
    }

    private func windowMessage(_ index: Int, value: Tri) -> String {
        let conviction = facts.convictions[index]
        let arrest = facts.instantArrestDate
        guard let sentencedOn = conviction.sentencedOn else {
            if value == .yes, let convictedOn = conviction.convictedOn {
                return "The plea or verdict of \(convictedOn) is recent enough that any judgment entered on it is inside the five-year window before the instant arrest of \(arrest)."
            }
            if conviction.convictedOn == nil {
                return "Neither the conviction date nor the sentence date is recorded, so the five-year window cannot be measured."
            }
            return "The sentence date is not recorded, and the window runs from the judgment (the sentence), so it cannot be measured."
        }
        let days = conviction.incarceratedDaysForThisCrime ?? 0
        let last = ProjectDecisions.lastQualifyingArrestDate(judgment: sentencedOn, tollingDays: days)
        let tolling = days > 0 ? " (five years plus \(days) days of incarceration for this crime)" : ""
        let adjudication = conviction.youthfulOffender == true || conviction.juvenileDelinquent == true
        if adjudication {
            // A YO/JD adjudication is not a judgment of conviction (§9-131(a)(2)(i)); say only where the date falls.
            let side = value == .yes ? "inside" : "outside"
            return "The adjudication of \(sentencedOn) is not a judgment of conviction; its date would fall \(side) the five-year window before the instant arrest of \(arrest)."
        }
        let subject = "The judgment of \(sentencedOn)"
        switch value {
        case .yes:
            if sentencedOn > arrest {
                return "\(subject) was entered after the instant arrest of \(arrest), on the instant case, so it is inside the window."
            }
            return "\(subject) counts for instant arrests through \(last)\(tolling), which includes the instant arrest of \(arrest)."
        case .unknown:
            return "\(subject) counts without tolling only for instant arrests through \(last), before the instant arrest of \(arrest); the days incarcerated for this crime, which extend the window, are not recorded."
        case .no:
            return "\(subject) counted only for instant arrests through \(last)\(tolling), before the instant arrest of \(arrest)."
        }
    }

    /// The judicial-warrant check for a warrant presented after the detainer: what happened, when
    /// (New York time with its zone, and UTC), and what the law makes of it (issue 24 §4).
    private func lateWarrantMessage(_ presented: UTCInstant, value: Tri) -> String {
        let when = "on \(presented.newYorkText) (\(presented))"
        let receipt = facts.detainer.receivedOn.map { "the detainer received on \($0)" } ?? "the detainer (its receipt date is not recorded)"
        let rule = facts.agency == .dop ? "§9-205(b)(1)" : (facts.agency == .doc ? "§9-131(b)(1)(i)" : "§14-154(b)(1)(i)")
        let requirement = "\(rule) requires it \"at the time such civil immigration detainer is presented\""
        if facts.agency == .nypd, let deadline = evaluation.warrantMeasuredAgainstDeadline {
            let end = "the 48-hour hold's deadline, \(deadline.newYorkText) (\(deadline))"
            if presented <= deadline {
                return "A judicial warrant was presented \(when), after \(receipt) but before \(end), so it counts (§14-154(b)(2))."
            }
            return "A judicial warrant was presented \(when), after \(end), when the person had to be released (§14-154(b)(2)), so it does not count."
        }
        switch value {
        case .yes:
            return "A judicial warrant was presented \(when), before \(receipt), so it was on hand when the detainer was presented."
        case .unknown:
            return "A judicial warrant was presented \(when), the day of \(receipt); \(requirement), and the record does not show whether it came with the detainer, so a person must check."
        case .no:
            let lodge = facts.agency == .nypd ? "" : " ICE may lodge a new detainer with the warrant, which is a new intake."
            return "A judicial warrant was presented \(when), after \(receipt); \(requirement), so the late warrant does not make this detainer honorable.\(lodge)"
        }
    }

    private func holdMessage(value: Tri, reasons: ReasonSet) -> String {
        guard let hold = evaluation.warrantlessHold else { return "" }
        switch value {
        case .yes where hold.passed:
            guard let deadline = hold.deadline else { return "" }
            let before = facts.detainer.warrantPresentedAt.map { $0 > deadline ? "before the judicial warrant was presented on \($0.newYorkText)" : "before this evaluation on \(facts.evaluatedOn)" }
                ?? "before this evaluation on \(facts.evaluatedOn)"
            return "The NYPD 48-hour hold ended at \(deadline.newYorkText), \(before), without a judicial warrant presented in time: the person \"shall be released\" and ICE may not be notified of the release (§14-154(b)(2))."
        case .yes:
            guard let deadline = hold.deadline else { return "" }
            // People read New York time with its zone (issue 25 §3); the JSON carries the instant.
            let start = hold.startIsReleaseTime
                ? "from the release time \(hold.start.newYorkText)"
                : "from 00:00 New York time on \(NewYorkTime.localDate(at: hold.start)) (the day the detainer was received, or else the evaluation day) because no release time was given (the earliest possible start, so the deadline is conservative)"
            let after = evaluation.judicialWarrant.value == .yes
                ? "a judicial warrant is already on file, but paragraph (1) does not permit honoring, so the hold may not go beyond that time"
                : "without a judicial warrant by then the person must be released without notifying ICE"
            return "NYPD may hold the person until \(deadline.newYorkText), 48 hours excluding Saturdays, Sundays and federal holidays counted \(start); \(after)."
        case .no:
            return "The NYPD 48-hour hold is not allowed: \(describe(reasons))."
        case .unknown:
            return "Whether the NYPD 48-hour hold is allowed depends on facts the record does not settle: \(describe(reasons))."
        }
    }

}
