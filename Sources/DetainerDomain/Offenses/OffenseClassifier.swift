/// Decides whether a conviction's offense is a "violent or serious crime" (§9-131(a)(7),
/// §14-154(a)(6)) under a rule version. Pure and allocation-free on pre-parsed facts.
struct OffenseClassifier {
    /// The project's choices this analysis applies (Sources/DetainerDomain/Law/README.md §12.9 and the class rules).
    let decisions: ProjectDecisions

    func classify(_ conviction: borrowing ConvictionFacts, listed: UInt8) -> OffenseFinding {
        // An unknown hate-crime flag matters only when the two answers differ (Sources/DetainerDomain/Law/README.md §12.13).
        switch conviction.hateCrime {
        case let known?:
            return classify(conviction, hate: known, listed: listed)
        case nil:
            let without = classify(conviction, hate: false, listed: listed)
            let with = classify(conviction, hate: true, listed: listed)
            if without.counts.value == with.counts.value { return without }
            var finding = without
            finding.verdict = Verdict(.unknown, .hateCrimeStatusUnknown)
            return finding
        }
    }

    private func classify(_ conviction: borrowing ConvictionFacts, hate: Bool, listed: UInt8) -> OffenseFinding {
        guard let jurisdiction = conviction.jurisdiction else {
            return OffenseFinding(
                verdict: Verdict(.unknown, .jurisdictionUnknown), basis: .notUnderstood, catalogRow: nil,
                classSource: .unavailable, predicate: nil)
        }
        // The statute is read in place (not through `analysedStatute`) to avoid copying it.
        if jurisdiction == .newYork {
            return classifyNewYork(conviction.statute, conviction: conviction, hate: hate, listed: listed)
        }
        let predicate = decisions.foreignConvictionNeedsPredicate ? predicateVerdict(conviction) : nil
        guard let equivalent = conviction.nyEquivalent else {
            return OffenseFinding(
                verdict: Verdict(.unknown, .noNYEquivalent), basis: .noEquivalent, catalogRow: nil,
                classSource: .unavailable, predicate: predicate)
        }
        var finding = classifyNewYork(equivalent, conviction: conviction, hate: hate, listed: listed)
        finding.predicate = predicate
        return finding
    }

    /// PL 70.06(1)(b)(i): a term of imprisonment over one year was authorized where convicted.
    private func predicateVerdict(_ conviction: ConvictionFacts) -> Verdict {
        switch conviction.authorizedTermOverOneYear {
        case true?: return .yes
        case false?: return Verdict(.no, .notPredicateFelony)
        case nil: return Verdict(.unknown, .predicateFelonyUnknown)
        }
    }

    private func classifyNewYork(
        _ statute: Statute, conviction: ConvictionFacts, hate: Bool, listed: UInt8
    ) -> OffenseFinding {
        switch statute.citation {
        case .penalLaw(let reference):
            if reference.section == hateCrimeSection {
                return hateCrime(specified: separateObject(conviction), conviction: conviction)
            }
            if hate, let finding = hateCrimeIfSpecified(.penalLaw(reference), conviction: conviction) {
                return finding
            }
            return listedSection(reference, level: conviction.level, listed: listed)
        case .inchoate(var reference):
            if reference.object == nil, case .penalLaw(let object)? = separateObject(conviction) {
                reference = reference.with(object: object)
            }
            if hate, let finding = hateCrimeIfSpecified(.inchoate(reference), conviction: conviction) {
                return finding
            }
            return inchoate(reference, objectStatute: conviction.objectStatute, level: conviction.level, listed: listed)
        case .vehicleAndTraffic(let section) where section.section == "600":
            // The subdivision fixes the class where it can (600(1) is a traffic infraction).
            let allowed = decisions.felonyClassConflictNeedsReview ? ClassRules.vehicleAndTrafficLevels(section) : nil
            if let allowed, let stated = conviction.level, !ClassRules.vehicleAndTrafficAdmits(allowed, stated) {
                return OffenseFinding(
                    verdict: Verdict(.unknown, .felonyClassConflict), basis: .vehicleAndTraffic600, catalogRow: nil,
                    classSource: .stated, predicate: nil, conflict: .vehicleAndTraffic(allowed: allowed))
            }
            if conviction.level == nil, let allowed, !allowed.contains(where: \.isFelony) {
                return OffenseFinding(
                    verdict: Verdict(.no, .notAFelony), basis: .vehicleAndTraffic600, catalogRow: nil,
                    classSource: .derived, predicate: nil)
            }
            let felony = felonyVerdict(
                stated: conviction.level, certainly: decisions.vehicleAndTraffic600NeedsClass ? .unknown : .yes, missing: .felonyClassRequired)
            return OffenseFinding(
                verdict: felony, basis: .vehicleAndTraffic600, catalogRow: nil,
                classSource: conviction.level == nil ? .unavailable : .stated, predicate: nil)
        case .vehicleAndTraffic(let section):
            // Not listed whatever its class; a stated class the subdivision cannot have still
            // means the record contradicts itself (it may be a miswritten VTL 600(2)).
            if decisions.felonyClassConflictNeedsReview, let allowed = ClassRules.vehicleAndTrafficLevels(section),
               let stated = conviction.level, !ClassRules.vehicleAndTrafficAdmits(allowed, stated) {
                return OffenseFinding(
                    verdict: Verdict(.unknown, .felonyClassConflict), basis: .notListed, catalogRow: nil,
                    classSource: .stated, predicate: nil, conflict: .vehicleAndTraffic(allowed: allowed))
            }
            return OffenseFinding(
                verdict: Verdict(.no, .notListedOffense), basis: .notListed, catalogRow: nil,
                classSource: .unavailable, predicate: nil)
        case .administrativeCode, .otherLaw:
            return OffenseFinding(
                verdict: Verdict(.no, .notListedOffense), basis: .notListed, catalogRow: nil,
                classSource: .unavailable, predicate: nil)
        case .blank, .unrecognized, .lawNotStated, .nonStatuteCode:
            return OffenseFinding(
                verdict: Verdict(.unknown, .unrecognizedStatute), basis: .notUnderstood, catalogRow: nil,
                classSource: .unavailable, predicate: nil)
        }
    }

    /// The object crime written in `objectStatute`, parsed as a citation.
    private func separateObject(_ conviction: ConvictionFacts) -> StatuteCitation? {
        conviction.objectStatute?.citation
    }

    /// Subparagraph (i) (and (v) for 2019-rule rows).
    private func listedSection(_ reference: PenalLawReference, level: OffenseLevel?, listed: UInt8) -> OffenseFinding {
        guard let rowIndex = OffenseCatalog.rowIndex(for: reference.section) else {
            return OffenseFinding(
                verdict: Verdict(.no, .notListedOffense), basis: .notListed, catalogRow: nil,
                classSource: level == nil ? .unavailable : .stated, predicate: nil)
        }
        let row = OffenseCatalog.rules[rowIndex]
        let basis: OffenseBasis = row.listOrigin == .rule2019 ? .ruleAddition : .listedSection
        guard listed & row.listOrigin.bit != 0 else {
            return OffenseFinding(
                verdict: Verdict(.no, .ruleAdditionNotInForce), basis: basis, catalogRow: rowIndex,
                classSource: .unavailable, predicate: nil)
        }
        let subdivision = subdivisionVerdict(row, reference.subdivisions)
        var felony = felonyVerdict(
            stated: level, certainly: row.offenseClass.isAlwaysFelony ? .yes : .unknown, missing: .felonyClassRequired)
        // A section that is "E or higher" (PL 120.70) or "D or higher" (PL 490.25) stated lower.
        if case .atLeast(let minimum) = row.offenseClass, let stated = level?.felonyClass, stated < minimum,
           decisions.felonyClassConflictNeedsReview {
            felony = Verdict(.unknown, .felonyClassConflict)
        }
        var conflict: ClassConflict?
        if felony.reasons.contains(.felonyClassConflict) {
            if case .atLeast(let minimum) = row.offenseClass { conflict = .listedSection(minimum: minimum) } else {
                conflict = .listedSection(minimum: nil)
            }
        }
        return OffenseFinding(
            verdict: subdivision && felony, basis: basis, catalogRow: rowIndex,
            classSource: level != nil ? .stated : (row.offenseClass.isAlwaysFelony ? .derived : .unavailable),
            predicate: nil, conflict: conflict)
    }

    private func subdivisionVerdict(_ row: OffenseRule, _ subdivisions: [String]) -> Verdict {
        guard let limit = row.subdivisionLimit else { return .yes }
        switch limit.admits(subdivisions) {
        case .yes: return .yes
        case .no: return Verdict(.no, .subdivisionNotListed)
        case .unknown: return Verdict(.unknown, .subdivisionRequired)
        }
    }

    /// A conviction flagged `hateCrime` is a hate crime only when its offense is a specified
    /// offense of PL 485.05(3), or an attempt or conspiracy to commit one; otherwise nil (the flag
    /// raises nothing, `ProjectDecisions.hateCrimeRaisesSpecifiedOffensesOnly`).
    private func hateCrimeIfSpecified(_ citation: StatuteCitation, conviction: ConvictionFacts) -> OffenseFinding? {
        guard decisions.hateCrimeRaisesSpecifiedOffensesOnly else { return hateCrime(specified: citation, conviction: conviction) }
        switch citation {
        case .penalLaw(let reference):
            guard let entry = HateCrimeOffenses.entry(for: reference.section),
                  HateCrimeOffenses.admits(entry, reference.subdivisions) != .no else { return nil }
        case .inchoate(let reference):
            guard reference.kind == .attempt || reference.kind == .conspiracy, let object = reference.object,
                  let entry = HateCrimeOffenses.entry(for: object.section),
                  HateCrimeOffenses.admits(entry, object.subdivisions) != .no else { return nil }
        default:
            return nil
        }
        return hateCrime(specified: citation, conviction: conviction)
    }

    /// Subparagraph (ii): a hate crime counts when it is a felony. The class as convicted (§12.9)
    /// follows PL 485.10 from the specified offense's class (PL 485.05(3) table), lowered for an
    /// attempt (PL 110.05) or fixed by the conspiracy degree (PL 105), then raised one step. A
    /// stated class is checked against that arithmetic both ways: a stated felony where PL 485.10
    /// gives a misdemeanor, or a misdemeanor where it gives a felony, is a conflict (issue 24 §1).
    private func hateCrime(specified: StatuteCitation?, conviction: ConvictionFacts) -> OffenseFinding {
        var bases: [OffenseLevel]?
        var rowIndex: Int?
        var subdivisionUnknown = false
        switch specified {
        case .penalLaw(let reference)?:
            rowIndex = OffenseCatalog.rowIndex(for: reference.section)
            if let entry = HateCrimeOffenses.entry(for: reference.section) {
                bases = entry.level.map { [$0] }
                subdivisionUnknown = HateCrimeOffenses.admits(entry, reference.subdivisions) == .unknown
            }
        case .inchoate(let reference)?:
            if let object = reference.object {
                rowIndex = OffenseCatalog.rowIndex(for: object.section)
                if let entry = HateCrimeOffenses.entry(for: object.section) {
                    subdivisionUnknown = HateCrimeOffenses.admits(entry, object.subdivisions) == .unknown
                    switch reference.kind {
                    case .attempt: bases = entry.level.flatMap(ClassRules.attemptLevels)
                    case .conspiracy: bases = InchoateClasses.level(of: reference.section).map { [$0] }
                    case .solicitation, .facilitation: bases = nil
                    }
                }
            }
        default:
            break
        }
        // PL 485.10: each possible class of the specified offense, one step higher.
        var raised: [OffenseLevel]?
        if let bases {
            let levels = bases.compactMap(HateCrimeOffenses.raised)
            raised = levels.count == bases.count ? levels : nil
        }
        let derivable = raised != nil && !subdivisionUnknown
        let felony: Verdict
        var conflict: ClassConflict?
        if let stated = conviction.level {
            if decisions.felonyClassConflictNeedsReview, derivable, let raised, !ClassRules.admits(raised, stated) {
                felony = Verdict(.unknown, .felonyClassConflict)
                conflict = .hateCrime(allowed: raised)
            } else {
                felony = stated.isFelony ? .yes : Verdict(.no, .notAFelony)
            }
        } else if derivable, let raised {
            if raised.allSatisfy(\.isFelony) {
                felony = .yes
            } else if raised.contains(where: \.isFelony) {
                felony = Verdict(.unknown, .hateCrimeClassRequired)
            } else {
                felony = Verdict(.no, .notAFelony)
            }
        } else {
            felony = Verdict(.unknown, subdivisionUnknown ? .subdivisionRequired : .hateCrimeClassRequired)
        }
        return OffenseFinding(
            verdict: felony, basis: .hateCrime, catalogRow: rowIndex,
            classSource: conviction.level != nil ? .stated : (derivable ? .derived : .unavailable),
            predicate: nil, conflict: conflict)
    }

    /// Subparagraph (iii): a felony attempt, conspiracy, solicitation or facilitation of a crime in (i).
    private func inchoate(
        _ reference: InchoateReference, objectStatute: Statute?, level: OffenseLevel?, listed: UInt8
    ) -> OffenseFinding {
        var objectVerdict = Verdict.yes
        var rowIndex: Int?
        if let object = reference.object {
            rowIndex = OffenseCatalog.rowIndex(for: object.section)
            if let rowIndex {
                let row = OffenseCatalog.rules[rowIndex]
                let covered = row.isInStatutoryList
                    || (!decisions.inchoateCoversStatutoryListOnly && listed & row.listOrigin.bit != 0)
                objectVerdict = covered
                    ? subdivisionVerdict(row, object.subdivisions) : Verdict(.no, .notListedOffense)
            } else {
                objectVerdict = Verdict(.no, .notListedOffense)
            }
        } else if let objectStatute, objectStatute.kind != .penalLaw {
            objectVerdict = Verdict(.unknown, .unrecognizedStatute)
        } else {
            objectVerdict = Verdict(.unknown, .inchoateObjectRequired)
        }
        let row = rowIndex.map { OffenseCatalog.rules[$0] }
        var felony: Verdict
        var derived = false
        var conflict: ClassConflict?
        let checks = decisions.felonyClassConflictNeedsReview
        if reference.kind == .attempt {
            // PL 110.05: the attempt's class follows the object's, exactly.
            let allowed = row.flatMap { ClassRules.levels($0.offenseClass) }?.first.flatMap(ClassRules.attemptLevels)
            let certainly = row?.offenseClass.attemptIsFelony ?? .unknown
            if checks, let allowed, let level, !ClassRules.admits(allowed, level) {
                felony = Verdict(.unknown, .felonyClassConflict)
                conflict = .attempt(allowed: allowed)
            } else {
                felony = felonyVerdict(stated: level, certainly: certainly, missing: .inchoateClassRequired)
                if felony.reasons.contains(.felonyClassConflict) { conflict = .attempt(allowed: allowed ?? []) }
            }
            derived = level == nil && certainly != .unknown
        } else if decisions.inchoateClassFixedByDegree, let fixed = InchoateClasses.level(of: reference.section) {
            // The degree fixes the class (PL 100, 105, 115; ProjectDecisions.inchoateClassFixedByDegree).
            if let level, !Self.compatible(stated: level, fixed: fixed), checks {
                felony = Verdict(.unknown, .felonyClassConflict)
                conflict = .degree(fixed: fixed)
            } else {
                let grade = level ?? fixed
                felony = grade.isFelony ? .yes : Verdict(.no, .notAFelony)
            }
            derived = level == nil
        } else {
            felony = felonyVerdict(stated: level, certainly: .unknown, missing: .inchoateClassRequired)
        }
        // The degree names the kind of crime it is directed at (PL 105.15: "a class A felony"): an
        // object of another class means the degree or the object is wrong.
        if checks, reference.kind != .attempt, let requirement = ClassRules.objectRequirement(reference.section), let row,
           requirement.admits(row.offenseClass) == .no, felony.value != .no || conflict != nil {
            felony = Verdict(.unknown, .felonyClassConflict)
            conflict = .degreeObject(requirement)
        }
        return OffenseFinding(
            verdict: objectVerdict && felony, basis: .inchoate, catalogRow: rowIndex,
            classSource: level != nil ? .stated : (derived ? .derived : .unavailable), predicate: nil,
            conflict: conflict)
    }

    /// A stated class agrees with the class a section fixes (plain "A" matches A-I and A-II; any
    /// non-felony grade matches a fixed non-felony grade of the same kind).
    static func compatible(stated: OffenseLevel, fixed: OffenseLevel) -> Bool {
        switch (stated, fixed) {
        case (.felony(let a), .felony(let b)): return a == b || (a == .a && (b == .aI || b == .aII))
        case (.misdemeanor(.unspecified), .misdemeanor): return true
        case (.misdemeanor(let a), .misdemeanor(let b)): return a == b
        case (.violation, .violation): return true
        default: return false
        }
    }

    /// Is the offense a felony? `certainly` is what the statute alone says.
    private func felonyVerdict(stated: OffenseLevel?, certainly: Tri, missing: ReasonCode) -> Verdict {
        switch stated {
        case .felony?:
            guard decisions.felonyClassConflictNeedsReview else { return .yes }
            return certainly == .no ? Verdict(.unknown, .felonyClassConflict) : .yes
        case .some:
            let conflict = certainly == .yes && decisions.felonyClassConflictNeedsReview
            return conflict ? Verdict(.unknown, .felonyClassConflict) : Verdict(.no, .notAFelony)
        case nil:
            switch certainly {
            case .yes: return .yes
            case .no: return Verdict(.no, .notAFelony)
            case .unknown: return Verdict(.unknown, missing)
            }
        }
    }
}
