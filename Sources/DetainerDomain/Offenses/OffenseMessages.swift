/// Messages for the `convictions[i].offense` check: which category of §9-131(a)(7) /
/// §14-154(a)(6) the offense falls in, or why it does not.
extension CheckMessages {
    func classPhrase(_ offenseClass: CatalogClass) -> String {
        switch offenseClass {
        case .fixed(let value): return "a class \(value.label) felony"
        case .atLeast(let value): return "a class \(value.label) or higher felony"
        case .dependsOnSubdivision: return "a felony or a misdemeanor depending on the subdivision"
        case .oneAboveSpecifiedOffense: return "one class above the specified offense"
        }
    }

    func offenseMessage(_ index: Int, value: Tri, reasons: ReasonSet) -> String {
        let conviction = facts.convictions[index]
        let finding = evaluation.convictions[index].offense
        let row = finding.catalogRow.map { OffenseCatalog.rows[$0] }
        let statute = conviction.analysedStatute.map(\.description) ?? conviction.statute.raw
        let subject = conviction.jurisdiction == .newYork ? statute : "Its New York equivalent \(statute)"
        let stated = conviction.level.map { "convicted as \($0.phrase)" }
        let rowName = row.map { "PL \($0.section) (\($0.title))" } ?? statute

        if reasons.contains(.hateCrimeStatusUnknown) {
            return "The record does not say whether \(subject) was a hate crime (PL 485.05), and as a hate crime it would be a felony that counts (PL 485.10), so a person must check."
        }
        if reasons.contains(.jurisdictionUnknown) {
            return "The record does not say where \(convictionLabel(index)) was entered (New York, another state or federal), so it cannot be compared with the list."
        }
        if reasons.contains(.felonyClassConflict), let level = conviction.level {
            if finding.basis == .inchoate, let row {
                return "The stated class (\(level.label)) is not possible for an attempt to commit \(rowName), \(classPhrase(row.offenseClass)), under PL 110.05, so a person must check the record."
            }
            return "The stated class (\(level.label)) contradicts \(subject), which is always a felony, so a person must check the record."
        }
        switch finding.basis {
        case .noEquivalent:
            return "\(convictionLabel(index)) has no stated New York equivalent, so it cannot be compared with the list."
        case .notUnderstood:
            let statuteText = conviction.analysedStatute ?? conviction.statute
            switch statuteText.kind {
            case .blank: return "No statute is recorded for \(convictionLabel(index)), so a person must identify the offense."
            case .lawNotStated: return "\"\(statuteText.raw)\" does not say which law it cites, so a person must identify the offense."
            case .nonStatuteCode: return "\"\(statuteText.raw)\" is a booking code, not a statute, so a person must identify the offense."
            default: return "The statute \"\(statuteText.raw)\" is not understood, so a person must identify the offense."
            }
        case .notListed:
            switch (conviction.analysedStatute ?? conviction.statute).citation {
            case .vehicleAndTraffic:
                return "\(subject) is not a violent or serious crime: among Vehicle and Traffic Law offenses only VTL 600 felonies count."
            case .penalLaw:
                return "\(subject) is not a violent or serious crime: it is not listed, and it is not a hate crime, an inchoate offense of a listed crime or a VTL 600 felony."
            default:
                return "\(subject) is not a violent or serious crime: only Penal Law sections on the list, hate crimes, their inchoate forms and VTL 600 felonies count."
            }
        case .listedSection, .ruleAddition:
            guard let row else { return "\(subject) is not on the list." }
            if reasons.contains(.ruleAdditionNotInForce) {
                return "\(rowName) is listed only by the 2019 DOC rule, in force from \(ProjectDecisions.docRule2019EffectiveDate), after the evaluation date."
            }
            if let message = subdivisionMessage(subject: subject, row: row, reasons: reasons) { return message }
            if reasons.contains(.notAFelony), let level = conviction.level {
                return "\(rowName) counts only as a felony, and this conviction was \(level.phrase)."
            }
            if reasons.contains(.felonyClassRequired) {
                return "\(rowName) is \(classPhrase(row.offenseClass)), and the conviction does not state its class."
            }
            let grade = stated ?? classPhrase(row.offenseClass)
            if finding.basis == .ruleAddition {
                return "\(subject) (\(row.title)), \(grade), is a violent or serious crime added by the 2019 DOC rule, in force from \(ProjectDecisions.docRule2019EffectiveDate)."
            }
            return "\(subject) (\(row.title)), \(grade), is on the violent-or-serious list."
        case .hateCrime:
            var specified = subject
            if case .penalLaw(let reference)? = conviction.analysedStatute?.citation, reference.section == hateCrimeSection {
                specified = conviction.objectStatute.map { "\($0) (PL 485.05)" } ?? "A PL 485.05 conviction"
            }
            switch value {
            case .yes:
                if let stated { return "\(specified) as a hate crime was \(stated.dropFirst("convicted as ".count)), and felony hate crimes count." }
                return "\(specified) as a hate crime is a felony: PL 485.10 raises the class of the specified offense (as convicted, PL 110.05 for an attempt) one step, and felony hate crimes count."
            case .no:
                return "\(specified) as a hate crime was \(conviction.level?.phrase ?? "not a felony even one class higher (PL 485.10)"), and only felony hate crimes count."
            case .unknown:
                return "\(specified) as a hate crime counts only if it is a felony, and its class (raised by PL 485.10) is not stated."
            }
        case .inchoate:
            return inchoateMessage(index, subject: subject, finding: finding, row: row, value: value, reasons: reasons)
        case .vehicleAndTraffic600:
            switch value {
            case .yes: return "\(subject), \(stated ?? "a felony"), is a felony under VTL 600."
            case .no: return "\(subject) was \(conviction.level?.phrase ?? "not a felony"), and only VTL 600 felonies count."
            case .unknown: return "\(subject) counts only as a felony, and the conviction does not state its class."
            }
        }
    }

    func subdivisionMessage(subject: String, row: Offense, reasons: ReasonSet) -> String? {
        guard let limit = row.subdivisionLimit else { return nil }
        let scope: String
        switch limit {
        case .path: scope = "subdivision \(limit)"
        case .range: scope = "subdivisions \(limit)"
        }
        if reasons.contains(.subdivisionNotListed) {
            return "PL \(row.section) is listed only in \(scope), and \(subject) is outside it."
        }
        if reasons.contains(.subdivisionRequired) {
            return "PL \(row.section) is listed only in \(scope), and \(subject) does not state enough of the subdivision to tell."
        }
        return nil
    }

    func inchoateMessage(_ index: Int, subject: String, finding: OffenseFinding, row: Offense?, value: Tri, reasons: ReasonSet) -> String {
        guard case .inchoate(let reference)? = resolvedInchoate(index) else { return "\(subject) is an inchoate offense." }
        let kind = reference.kind.rawValue
        let kinds = reference.kind.plural
        let ofObject = reference.kind.objectPreposition
        let objectName = row.map { "PL \($0.section) (\($0.title))" } ?? reference.object.map { "PL \($0)" } ?? "an unstated crime"
        if reasons.contains(.inchoateObjectRequired) { return "\(subject) does not state the crime it was \(reference.kind.pastParticiple)." }
        if reasons.contains(.unrecognizedStatute) { return "The object crime of \(subject) is not understood, so a person must identify it." }
        if reasons.contains(.notListedOffense) {
            if let row, row.listOrigin == .rule2019 {
                return "\(objectName) was added by the 2019 rule under subparagraph (v), not subparagraph (i), so the \(kind) \(ofObject) it does not count (project decision)."
            }
            return "\(objectName) is not in the statutory list (subparagraph (i)), so the \(kind) \(ofObject) it does not count."
        }
        if let row, let message = subdivisionMessage(subject: subject, row: row, reasons: reasons) { return message }
        switch value {
        case .yes:
            if reference.kind != .attempt, finding.classSource == .derived, let fixed = InchoateClasses.level(of: reference.section) {
                return "PL \(reference.section.map(\.description) ?? "") is \(fixed.phrase), so the \(kind) \(ofObject) \(objectName) is a felony and counts."
            }
            if finding.classSource == .derived, let row {
                return "The \(kind) \(ofObject) \(objectName), \(classPhrase(row.offenseClass)), is a felony under PL 110.05 and counts."
            }
            return "The \(kind) \(ofObject) \(objectName) is a felony and counts."
        case .no:
            if reference.kind != .attempt, finding.classSource == .derived, let fixed = InchoateClasses.level(of: reference.section) {
                return "PL \(reference.section.map(\.description) ?? "") is always \(fixed.phrase), so the \(kind) \(ofObject) \(objectName) is not a felony, and only felony \(kinds) count."
            }
            if finding.classSource == .derived, let row {
                return "An attempt to commit \(objectName), \(classPhrase(row.offenseClass)), is a class A misdemeanor under PL 110.05(7), and only felony attempts count."
            }
            return "The \(kind) \(ofObject) \(objectName) was not a felony, and only felony \(kinds) count."
        case .unknown:
            return "The \(kind) \(ofObject) \(objectName) counts only if it is a felony, and its class is not stated."
        }
    }

    /// The inchoate citation with any separately written object merged in.
    func resolvedInchoate(_ index: Int) -> StatuteCitation? {
        let conviction = facts.convictions[index]
        guard case .inchoate(let reference)? = conviction.analysedStatute?.citation else { return nil }
        if reference.object == nil, case .penalLaw(let object)? = conviction.objectStatute?.citation {
            return .inchoate(reference.with(object: object))
        }
        return .inchoate(reference)
    }
}
