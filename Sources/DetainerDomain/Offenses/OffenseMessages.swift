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
        if reasons.contains(.sectionNotInForce), let outside = finding.outOfForceRow {
            return sectionDatesMessage(index, row: OffenseCatalog.rows[outside])
        }
        if reasons.contains(.jurisdictionUnknown) {
            return "The record does not say where \(convictionLabel(index)) was entered (New York, another state or federal), so it cannot be compared with the list."
        }
        if reasons.contains(.felonyClassConflict), let message = conflictMessage(index, subject: subject, row: row, finding: finding) {
            return message
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

extension CheckMessages {
    /// A list of classes in words: "a class C felony", "a class B felony or a class A-I felony".
    func levelsPhrase(_ levels: [OffenseLevel]) -> String {
        levels.isEmpty ? "another class" : levels.map(\.phrase).joined(separator: " or ")
    }

    /// The `FELONY_CLASS_CONFLICT` sentence: the stated class, what the statute says instead, and
    /// the provision that decides (issue 24 §1, §6). Each names the right kind of offense.
    func conflictMessage(_ index: Int, subject: String, row: Offense?, finding: OffenseFinding) -> String? {
        let conviction = facts.convictions[index]
        let stated = "The record states \(subject) was \(conviction.level?.phrase ?? "of a class it does not name")"
        let check = "the record contradicts itself, so a person must check which of the two is wrong before relying on it."
        let rowName = row.map { "PL \($0.section) (\($0.title))" } ?? subject
        switch finding.conflict {
        case .listedSection(let minimum)?:
            let law = minimum.map { "is a class \($0.label) felony or higher" } ?? "is always a felony"
            return "\(stated), but \(rowName) \(law) (\(row.map { classPhrase($0.offenseClass) } ?? "a felony") in the list): \(check)"
        case .attempt(let allowed)?:
            let object = row.map { "\(rowName), \(classPhrase($0.offenseClass))" } ?? rowName
            return "\(stated), but under PL 110.05 an attempt to commit \(object), is \(levelsPhrase(allowed)): \(check)"
        case .degree(let fixed)?:
            guard case .inchoate(let reference)? = resolvedInchoate(index), let section = reference.section else { return nil }
            return "\(stated), but PL \(section) (\(reference.kind.rawValue) in the \(InchoateClasses.degreeName(section) ?? "stated") degree) is always \(fixed.phrase) (PL \(section)): \(check)"
        case .degreeObject(let requirement)?:
            guard case .inchoate(let reference)? = resolvedInchoate(index), let section = reference.section else { return nil }
            let objectClass = row.map { classPhrase($0.offenseClass) } ?? "of another class"
            let degree = "PL \(section) (\(reference.kind.rawValue) in the \(InchoateClasses.degreeName(section) ?? "stated") degree)"
            return "The record states a conviction under \(degree), which requires that the crime it is directed at be \(requirement.phrase) (PL \(section)), but its object \(rowName) is \(objectClass): either the degree or the object crime is wrong (a lower degree may not be a felony at all), so a person must check the record."
        case .hateCrime(let allowed)?:
            return "\(stated) as a hate crime, but PL 485.10 raises the specified offense one class, so as a hate crime it is \(levelsPhrase(allowed)): \(check)"
        case .vehicleAndTraffic(let allowed)?:
            return "\(stated), but that subdivision is \(levelsPhrase(allowed)) (\(ClassRules.vehicleAndTrafficSource(subject))): \(check)"
        case nil:
            return "\(stated), which contradicts the statute: \(check)"
        }
    }
}

extension CheckMessages {
    /// `SECTION_NOT_IN_FORCE`: the judgment's date, the section, the dates it was in force and
    /// their source (issue 24 §2).
    func sectionDatesMessage(_ index: Int, row: Offense) -> String {
        let conviction = facts.convictions[index]
        let date = conviction.convictedOn.map { "the plea or verdict of \($0)" } ?? conviction.sentencedOn.map { "the sentence of \($0)" } ?? "its date"
        var span: String
        if let from = row.inForceFrom {
            span = "in force from \(from)"
        } else {
            span = "in force from a date not verified, and not before \(row.notBefore)"
        }
        if let until = row.inForceUntil { span += " until \(until)" }
        let hint = row.section.description == "135.61"
            ? " (before November 2018 \"coercion in the second degree\" was the misdemeanor now at PL 135.60, which is not covered)" : ""
        return "\(convictionLabel(index)) rests on \(date), but PL \(row.section) (\(row.title)) is \(span) (\(row.datesSource)): either the section or the date is wrong\(hint), so a person must check the record."
    }
}
