/// Decides whether a conviction's offense is a "violent or serious crime" (§9-131(a)(7),
/// §14-154(a)(6)) under a rule version. Pure and allocation-free on pre-parsed facts.
enum OffenseClassifier {
    static func classify(_ conviction: borrowing ConvictionFacts, listed: UInt8) -> OffenseFinding {
        // The statute is read in place (not through `analysedStatute`) to avoid copying it.
        if conviction.jurisdiction == .newYork {
            return classifyNewYork(conviction.statute, conviction: conviction, listed: listed)
        }
        let predicate = predicateVerdict(conviction)
        guard let equivalent = conviction.nyEquivalent else {
            return OffenseFinding(
                verdict: Verdict(.unknown, .noNYEquivalent), basis: .noEquivalent, catalogRow: nil,
                classSource: .unavailable, predicate: predicate)
        }
        var finding = classifyNewYork(equivalent, conviction: conviction, listed: listed)
        finding.predicate = predicate
        return finding
    }

    /// PL 70.06(1)(b)(i): a term of imprisonment over one year was authorized where convicted.
    private static func predicateVerdict(_ conviction: ConvictionFacts) -> Verdict {
        switch conviction.authorizedTermOverOneYear {
        case true?: return .yes
        case false?: return Verdict(.no, .notPredicateFelony)
        case nil: return Verdict(.unknown, .predicateFelonyUnknown)
        }
    }

    private static func classifyNewYork(
        _ statute: Statute, conviction: ConvictionFacts, listed: UInt8
    ) -> OffenseFinding {
        switch statute.citation {
        case .penalLaw(let reference):
            if reference.section == hateCrimeSection {
                return hateCrime(specified: separateObject(conviction), conviction: conviction)
            }
            if conviction.hateCrime {
                return hateCrime(specified: .penalLaw(reference), conviction: conviction)
            }
            return listedSection(reference, level: conviction.level, listed: listed)
        case .inchoate(var reference):
            if reference.object == nil, case .penalLaw(let object)? = separateObject(conviction) {
                reference = reference.with(object: object)
            }
            if conviction.hateCrime {
                return hateCrime(specified: .inchoate(reference), conviction: conviction)
            }
            return inchoate(reference, objectStatute: conviction.objectStatute, level: conviction.level)
        case .vehicleAndTraffic(let section) where section.section == "600":
            let felony = felonyVerdict(stated: conviction.level, certainly: .unknown, missing: .felonyClassRequired)
            return OffenseFinding(
                verdict: felony, basis: .vehicleAndTraffic600, catalogRow: nil,
                classSource: conviction.level == nil ? .unavailable : .stated, predicate: nil)
        case .vehicleAndTraffic, .administrativeCode, .otherLaw:
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
    private static func separateObject(_ conviction: ConvictionFacts) -> StatuteCitation? {
        conviction.objectStatute?.citation
    }

    /// Subparagraph (i) (and (v) for 2019-rule rows).
    private static func listedSection(_ reference: PenalLawReference, level: OffenseLevel?, listed: UInt8) -> OffenseFinding {
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
        let felony = felonyVerdict(
            stated: level, certainly: row.offenseClass.isAlwaysFelony ? .yes : .unknown, missing: .felonyClassRequired)
        return OffenseFinding(
            verdict: subdivision && felony, basis: basis, catalogRow: rowIndex,
            classSource: level != nil ? .stated : (row.offenseClass.isAlwaysFelony ? .derived : .unavailable),
            predicate: nil)
    }

    private static func subdivisionVerdict(_ row: OffenseRule, _ subdivisions: [String]) -> Verdict {
        guard let limit = row.subdivisionLimit else { return .yes }
        switch limit.admits(subdivisions) {
        case .yes: return .yes
        case .no: return Verdict(.no, .subdivisionNotListed)
        case .unknown: return Verdict(.unknown, .subdivisionRequired)
        }
    }

    /// Subparagraph (ii): a hate crime counts when it is a felony (PL 485.10 raises the class).
    private static func hateCrime(specified: StatuteCitation?, conviction: ConvictionFacts) -> OffenseFinding {
        var certainly = Tri.unknown
        var rowIndex: Int?
        switch specified {
        case .penalLaw(let reference)?:
            rowIndex = OffenseCatalog.rowIndex(for: reference.section)
            if let rowIndex, OffenseCatalog.rules[rowIndex].offenseClass.isAlwaysFelony { certainly = .yes }
        case .inchoate(let reference)?:
            if let object = reference.object { rowIndex = OffenseCatalog.rowIndex(for: object.section) }
            if reference.kind == .attempt, let rowIndex,
               OffenseCatalog.rules[rowIndex].offenseClass.attemptIsFelony == .yes { certainly = .yes }
        default:
            break
        }
        // A misdemeanor can become a felony hate crime, so "certainly not a felony" never applies.
        let felony = felonyVerdict(stated: conviction.level, certainly: certainly, missing: .hateCrimeClassRequired)
        return OffenseFinding(
            verdict: felony, basis: .hateCrime, catalogRow: rowIndex,
            classSource: conviction.level != nil ? .stated : (certainly == .yes ? .derived : .unavailable),
            predicate: nil)
    }

    /// Subparagraph (iii): a felony attempt, conspiracy, solicitation or facilitation of a crime in (i).
    private static func inchoate(_ reference: InchoateReference, objectStatute: Statute?, level: OffenseLevel?) -> OffenseFinding {
        var objectVerdict = Verdict.yes
        var rowIndex: Int?
        if let object = reference.object {
            rowIndex = OffenseCatalog.rowIndex(for: object.section)
            if let rowIndex {
                let row = OffenseCatalog.rules[rowIndex]
                objectVerdict = row.isInStatutoryList
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
        let felony: Verdict
        var derived = false
        if reference.kind == .attempt {
            let certainly = row?.offenseClass.attemptIsFelony ?? .unknown
            let highest = row.flatMap { row -> FelonyClass?? in
                if case .fixed(let value) = row.offenseClass { return .some(value.highestAttemptClass) }
                return nil
            }
            felony = felonyVerdict(
                stated: level, certainly: certainly, missing: .inchoateClassRequired, highestStatedClass: highest)
            derived = level == nil && certainly != .unknown
        } else {
            felony = felonyVerdict(stated: level, certainly: .unknown, missing: .inchoateClassRequired)
        }
        return OffenseFinding(
            verdict: objectVerdict && felony, basis: .inchoate, catalogRow: rowIndex,
            classSource: level != nil ? .stated : (derived ? .derived : .unavailable), predicate: nil)
    }

    /// Is the offense a felony? `certainly` is what the statute alone says; `highestStatedClass`
    /// (attempts) is the highest class PL 110.05 allows, `.some(nil)` meaning "never a felony".
    private static func felonyVerdict(
        stated: OffenseLevel?, certainly: Tri, missing: ReasonCode, highestStatedClass: FelonyClass?? = nil
    ) -> Verdict {
        switch stated {
        case .felony(let value)?:
            if certainly == .no { return Verdict(.unknown, .felonyClassConflict) }
            if case .some(.some(let highest)) = highestStatedClass, value > highest {
                return Verdict(.unknown, .felonyClassConflict)
            }
            return .yes
        case .some:
            return certainly == .yes ? Verdict(.unknown, .felonyClassConflict) : Verdict(.no, .notAFelony)
        case nil:
            switch certainly {
            case .yes: return .yes
            case .no: return Verdict(.no, .notAFelony)
            case .unknown: return Verdict(.unknown, missing)
            }
        }
    }
}
