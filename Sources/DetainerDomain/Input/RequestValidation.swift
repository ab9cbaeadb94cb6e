extension EvaluationRequest {
    /// Longest tolling accepted (100 years): beyond it a value is a data-entry error.
    public static let maximumIncarceratedDays = 36_525

    /// Checks every field and builds the typed facts, or returns every problem found, each naming
    /// its field path. Rules:
    /// - bad or impossible dates; dates after `evaluatedOn` (`instantArrestDate`,
    ///   `detainer.receivedOn`, `convictions[i].convictedOn`) — a conviction after the instant
    ///   arrest but not after `evaluatedOn` is valid (Sources/DetainerDomain/Law/README.md §12.6);
    /// - unknown enumeration values; unknown fields; wrong JSON types;
    /// - missing `agency`, `detainer`, `detainer.warrant`, `instantArrestDate`, `convictions[i].statute`,
    ///   `pendingCharges[i].statute`, and `evaluatedOn` when `detainer.receivedOn` is absent;
    /// - `nyEquivalent` / `authorizedTermOverOneYear` on a NY conviction; `objectStatute` on a
    ///   statute that takes no object; an `objectStatute` different from the object already in
    ///   the statute text; negative or implausible `incarceratedDaysForThisCrime`.
    public func validated(decisions: ProjectDecisions = .standard) throws(InputErrors) -> CaseFacts {
        // A document that is not an object has no fields to report on.
        if decodingIssues.contains(where: { $0.path == "$" }) { throw InputErrors(decodingIssues) }
        var issues = decodingIssues
        func date(_ text: String?, _ path: String) -> CivilDate? {
            guard let text else { return nil }
            guard let value = CivilDate(parsing: text) else {
                issues.append(ValidationIssue(path: path, message: "not a valid date \"\(text)\" (expected YYYY-MM-DD)"))
                return nil
            }
            return value
        }
        func required<T>(_ value: T?, _ path: String, _ what: String) {
            if value == nil { issues.append(ValidationIssue(path: path, message: "required (\(what))")) }
        }

        // Issue 24 §5: no text field of any input may carry a control character (a statute with
        // ESC could repaint a report on a terminal). Named by path, exit 65.
        refuseControlCharacters([
            ("agency", agency), ("evaluatedOn", evaluatedOn), ("instantArrestDate", instantArrestDate), ("releaseAt", releaseAt),
            ("detainer.receivedOn", detainer?.receivedOn), ("detainer.warrant", detainer?.warrant),
            ("detainer.warrantPresentedAt", detainer?.warrantPresentedAt),
        ] + (pendingCharges ?? []).enumerated().map { ("pendingCharges[\($0.offset)].statute", $0.element.statute) }, &issues)

        let agency: Agency? = enumeration(agency, "agency", Agency.allCases.map(\.rawValue), &issues).flatMap { Agency(rawValue: $0) }
        if self.agency == nil { required(agency, "agency", "DOC, NYPD or DOP") }

        var warrant: WarrantKind?
        var receivedOn: CivilDate?
        if let detainer {
            receivedOn = date(detainer.receivedOn, "detainer.receivedOn")
            warrant = enumeration(detainer.warrant, "detainer.warrant", WarrantKind.allCases.map(\.rawValue), &issues)
                .flatMap(WarrantKind.init)
            if detainer.warrant == nil, !detainer.warrantUnknown {
                required(warrant, "detainer.warrant", "judicial, administrative or none")
            }
        } else if !decodingIssues.contains(where: { $0.path == "detainer" }) {
            required(detainer, "detainer", "an object with at least \"warrant\"")
        }

        let explicitEvaluatedOn = date(evaluatedOn, "evaluatedOn")
        let evaluatedOn = explicitEvaluatedOn ?? (self.evaluatedOn == nil ? receivedOn : nil)
        if self.evaluatedOn == nil, detainer?.receivedOn == nil {
            issues.append(ValidationIssue(path: "evaluatedOn", message: "required when detainer.receivedOn is absent"))
        }
        func notAfterEvaluation(_ value: CivilDate?, _ path: String) {
            if let value, let evaluatedOn, value > evaluatedOn {
                issues.append(ValidationIssue(path: path, message: "\(value) is after evaluatedOn \(evaluatedOn)"))
            }
        }
        notAfterEvaluation(receivedOn, "detainer.receivedOn")

        var arrest = date(instantArrestDate, "instantArrestDate")
        if instantArrestDate == nil {
            if decisions.instantArrestDateRequired { required(arrest, "instantArrestDate", "YYYY-MM-DD") } else { arrest = evaluatedOn }
        }
        notAfterEvaluation(arrest, "instantArrestDate")

        var release: UTCInstant?
        if let releaseAt {
            release = UTCInstant(parsing: releaseAt)
            if release == nil {
                issues.append(ValidationIssue(
                    path: "releaseAt", message: "not a valid UTC ISO-8601 instant \"\(releaseAt)\" (e.g. 2021-06-01T18:30:00Z)"))
            }
        }

        // Issue 24 §4: when the warrant was presented, if after the detainer.
        var presentedAt: UTCInstant?
        if let text = detainer?.warrantPresentedAt {
            presentedAt = UTCInstant(parsing: text)
            if presentedAt == nil {
                issues.append(ValidationIssue(
                    path: "detainer.warrantPresentedAt", message: "not a valid UTC ISO-8601 instant \"\(text)\" (e.g. 2021-06-03T15:00:00Z)"))
            } else if let presented = presentedAt, let evaluatedOn, presented >= NewYorkTime.startOfDay(evaluatedOn.adding(days: 1)) {
                issues.append(ValidationIssue(
                    path: "detainer.warrantPresentedAt", message: "\(presented) is after evaluatedOn \(evaluatedOn) (New York time)"))
            }
        }

        var convictionFacts: [ConvictionFacts] = []
        for (index, input) in (convictions ?? []).enumerated() {
            let path = "convictions[\(index)]"
            if let facts = input.validated(path: path, evaluatedOn: evaluatedOn, issues: &issues) {
                convictionFacts.append(facts)
            }
        }
        var pending: [Statute] = []
        for (index, input) in (pendingCharges ?? []).enumerated() {
            if let statute = input.statute {
                pending.append(StatuteParser.parse(statute))
            } else if !input.decodingIssues.contains(where: { $0.path == "pendingCharges[\(index)].statute" }) {
                issues.append(ValidationIssue(path: "pendingCharges[\(index)].statute", message: "required (the charge as written)"))
            }
        }

        guard issues.isEmpty, let agency, warrant != nil || detainer?.warrantUnknown == true, let evaluatedOn, let arrest else {
            throw InputErrors(issues)
        }
        return CaseFacts(
            agency: agency, evaluatedOn: evaluatedOn, instantArrestDate: arrest, releaseAt: release,
            detainer: DetainerFacts(
                receivedOn: receivedOn, warrant: warrant,
                terroristScreeningMatch: detainer?.terroristScreeningMatch,
                illegalReentryAfterRemoval: detainer?.illegalReentryAfterRemoval, warrantPresentedAt: presentedAt),
            convictions: convictionFacts, pendingCharges: pending)
    }
}

/// Records an issue for each field whose text holds a control character (C0, DEL, C1, U+2028/9;
/// `FieldValidator.isControl`), naming the field and the character.
func refuseControlCharacters(_ fields: [(String, String?)], _ issues: inout [ValidationIssue]) {
    for (path, text) in fields {
        guard let text, let bad = text.unicodeScalars.first(where: { FieldValidator.isControl($0, allowNewlines: false) }) else { continue }
        issues.append(ValidationIssue(
            path: path, message: "contains a control character (U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(4)))"))
    }
}

/// Matches `text` against allowed spellings in any case (issue 25 §3: `Judicial`, `doc`),
/// returning the canonical spelling, and records an issue listing the choices for anything else.
func enumeration(_ text: String?, _ path: String, _ allowed: [String], _ issues: inout [ValidationIssue]) -> String? {
    guard let text else { return nil }
    if allowed.contains(text) { return text }
    guard let canonical = allowed.first(where: { $0.lowercased() == text.lowercased() }) else {
        issues.append(ValidationIssue(path: path, message: "\"\(text)\" is not one of \(allowed.joined(separator: ", "))"))
        return nil
    }
    return canonical
}

extension ConvictionInput {
    public func validated(path: String, evaluatedOn: CivilDate?, issues: inout [ValidationIssue]) -> ConvictionFacts? {
        let before = issues.count
        refuseControlCharacters([
            (path + ".statute", statute), (path + ".objectStatute", objectStatute), (path + ".convictedOn", convictedOn),
            (path + ".sentencedOn", sentencedOn), (path + ".felonyClass", felonyClass), (path + ".jurisdiction", jurisdiction),
            (path + ".nyEquivalent", nyEquivalent),
        ], &issues)
        func date(_ text: String?, _ key: String) -> CivilDate? {
            guard let text else { return nil }
            guard let value = CivilDate(parsing: text) else {
                issues.append(ValidationIssue(path: path + "." + key, message: "not a valid date \"\(text)\" (expected YYYY-MM-DD)"))
                return nil
            }
            if let evaluatedOn, value > evaluatedOn {
                issues.append(ValidationIssue(path: path + "." + key, message: "\(value) is after evaluatedOn \(evaluatedOn)"))
            }
            return value
        }
        let convictedOnValue = date(convictedOn, "convictedOn")
        let sentencedOnValue = date(sentencedOn, "sentencedOn")
        // CPL 1.20(14): sentence is imposed upon a conviction, so never before it.
        if let convictedOnValue, let sentencedOnValue, sentencedOnValue < convictedOnValue {
            issues.append(ValidationIssue(
                path: path + ".sentencedOn", message: "\(sentencedOnValue) is before convictedOn \(convictedOnValue)"))
        }
        if awaitingSentence == true, sentencedOn != nil {
            issues.append(ValidationIssue(
                path: path + ".awaitingSentence", message: "true contradicts sentencedOn (a sentence was imposed)"))
        }
        var level: OffenseLevel?
        if let felonyClass {
            level = OffenseLevel(parsing: felonyClass)
            if level == nil {
                issues.append(ValidationIssue(
                    path: path + ".felonyClass",
                    message: "\"\(felonyClass)\" is not one of \(OffenseLevel.acceptedSpellings.joined(separator: ", "))"))
            }
        }
        var jurisdictionValue: Jurisdiction?? = jurisdictionUnknown ? .some(nil) : .some(.newYork)
        if let jurisdiction {
            jurisdictionValue = enumeration(jurisdiction, path + ".jurisdiction", Jurisdiction.allCases.map(\.rawValue), &issues)
                .flatMap(Jurisdiction.init).map { .some($0) }
        }
        if let days = incarceratedDaysForThisCrime, !(0...EvaluationRequest.maximumIncarceratedDays).contains(days) {
            issues.append(ValidationIssue(
                path: path + ".incarceratedDaysForThisCrime",
                message: "\(days) is not between 0 and \(EvaluationRequest.maximumIncarceratedDays)"))
        }
        var statuteValue: Statute?
        if let statute {
            statuteValue = StatuteParser.parse(statute)
        } else if !decodingIssues.contains(where: { $0.path == path + ".statute" }) {
            issues.append(ValidationIssue(path: path + ".statute", message: "required (the statute as written)"))
        }
        if jurisdictionValue == .some(.newYork) {
            if nyEquivalent != nil {
                issues.append(ValidationIssue(path: path + ".nyEquivalent", message: "only for otherState or federal convictions"))
            }
            if authorizedTermOverOneYear != nil {
                issues.append(ValidationIssue(
                    path: path + ".authorizedTermOverOneYear", message: "only for otherState or federal convictions"))
            }
        }
        let isNewYork = jurisdictionValue == .some(.newYork)
        let equivalent = isNewYork ? nil : nyEquivalent.map(StatuteParser.parse)
        let object = objectStatute.map(StatuteParser.parse)
        if let object, let analysed = isNewYork ? statuteValue : equivalent {
            checkObject(object, for: analysed, path: path, issues: &issues)
        }
        guard issues.count == before, let statuteValue, let jurisdictionValue else { return nil }
        return ConvictionFacts(
            statute: statuteValue, objectStatute: object, convictedOn: convictedOnValue, sentencedOn: sentencedOnValue,
            awaitingSentence: awaitingSentence, level: level, jurisdiction: jurisdictionValue, nyEquivalent: equivalent,
            authorizedTermOverOneYear: authorizedTermOverOneYear, youthfulOffender: youthfulOffender,
            juvenileDelinquent: juvenileDelinquent, hateCrime: hateCrime, sealed: sealed, vacated: vacated,
            incarceratedDaysForThisCrime: incarceratedDaysForThisCrime)
    }

    /// `objectStatute` belongs to an inchoate offense or to PL 485.05, and must agree with an
    /// object already written in the statute text.
    private func checkObject(_ object: Statute, for statute: Statute, path: String, issues: inout [ValidationIssue]) {
        switch statute.citation {
        case .inchoate(let reference):
            if let written = reference.object, case .penalLaw(let separate) = object.citation, separate != written {
                issues.append(ValidationIssue(
                    path: path + ".objectStatute",
                    message: "\"\(object.raw)\" conflicts with the object crime PL \(written) in the statute"))
            }
        case .penalLaw(let reference) where reference.section == hateCrimeSection:
            break
        case .blank, .unrecognized, .lawNotStated, .nonStatuteCode:
            break
        default:
            issues.append(ValidationIssue(
                path: path + ".objectStatute",
                message: "only for an attempt, conspiracy, solicitation or facilitation (PL 100/105/110/115) or a hate crime (PL 485.05)"))
        }
    }
}
