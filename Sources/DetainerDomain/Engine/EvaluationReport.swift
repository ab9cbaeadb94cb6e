/// The rendered, encodable result (`detainer evaluate` output). All collections are arrays in a
/// fixed order and every key is a stored property, so `JSONEncoder` with `.sortedKeys` gives
/// byte-identical output for identical input. Optional values are omitted when absent.
public struct EvaluationReport: Codable, Sendable, Hashable {
    public var outcome: Outcome
    public var ruleVersion: String
    public var agency: Agency
    public var evaluatedOn: CivilDate
    /// Stable codes (see `ReasonCode`), in declaration order.
    public var reasons: [ReasonCode]
    public var checks: [CheckReport]
    public var qualifyingConvictions: [QualifyingConvictionReport]
    /// For `holdPendingWarrant`: the end of the NYPD 48-hour hold, UTC.
    public var holdDeadline: UTCInstant?
    /// The same instant in New York time with its offset, e.g. `2021-06-03T18:30:00-04:00`.
    public var holdDeadlineLocal: String?
    /// true when the hold deadline was already past at the start of `evaluatedOn` (New York time).
    public var holdDeadlinePassed: Bool?
}

public struct CheckReport: Codable, Sendable, Hashable {
    /// e.g. `judicialWarrant`, `convictions[0].window`.
    public var rule: String
    public var passed: Bool
    /// "pass" | "fail" | "unknown".
    public var result: String
    /// One plain sentence.
    public var message: String
    /// Section and paragraph, e.g. `Admin. Code §9-131(b)(1)(i)`.
    public var citation: String
    /// The codes behind this check's result (empty when it passed without a basis to report).
    public var reasons: [ReasonCode]
}

public struct QualifyingConvictionReport: Codable, Sendable, Hashable {
    /// Index into the input's `convictions`.
    public var index: Int
    public var statute: String
    public var nyEquivalent: String?
    public var convictedOn: CivilDate?
    /// The sentence date, which completes the judgment the window runs from (CPL 1.20(15)).
    public var sentencedOn: CivilDate?
    /// Last instant-arrest date on which this conviction still qualifies (anniversary + tolling − 1 day).
    public var lastQualifyingArrestDate: CivilDate?
    /// False for a conviction relied on only by the NYPD "ever" rule.
    public var withinWindow: Bool
}

extension Evaluation {
    /// Renders messages and citations. `facts` must be the facts this evaluation was made from.
    public func report(for facts: CaseFacts) -> EvaluationReport {
        let messages = CheckMessages(facts: facts, evaluation: self)
        let checks = checks(for: facts).map { check in
            CheckReport(
                rule: check.rule.name, passed: check.passed, result: check.verdict.value.checkResult,
                message: messages.message(check), citation: messages.citation(check), reasons: check.verdict.reasons.codes)
        }
        let qualifying = qualifyingConvictionIndexes.map { index in
            let conviction = facts.convictions[index]
            return QualifyingConvictionReport(
                index: index,
                statute: conviction.jurisdiction == .newYork ? conviction.statute.description : conviction.statute.raw,
                nyEquivalent: conviction.nyEquivalent?.description,
                convictedOn: conviction.convictedOn,
                sentencedOn: conviction.sentencedOn,
                lastQualifyingArrestDate: conviction.lastQualifyingArrestDate,
                withinWindow: convictions[index].window.value == .yes)
        }
        // A hold's deadline is reported while the hold runs and, once it has passed, with the
        // decline it caused (issue 24 §3).
        let ended = outcome == .decline && reasons.contains(.holdDeadlinePassed)
        let deadline = outcome == .holdPendingWarrant || ended ? warrantlessHold?.deadline : nil
        return EvaluationReport(
            outcome: outcome, ruleVersion: ruleVersion.id, agency: facts.agency, evaluatedOn: facts.evaluatedOn,
            reasons: reasons.codes, checks: checks, qualifyingConvictions: qualifying, holdDeadline: deadline,
            holdDeadlineLocal: deadline.map { NewYorkTime.localDateTime(at: $0).description },
            holdDeadlinePassed: deadline.map { _ in warrantlessHold?.passed ?? false })
    }

    /// A plain-text rendering for the terminal (`detainer evaluate --format text`).
    public func renderedText(for facts: CaseFacts) -> String {
        report(for: facts).renderedText
    }
}

extension EvaluationReport {
    /// Plain text for a reader: no internal identifiers (outcome and rule names are spelt out).
    public var renderedText: String {
        var lines = [
            "Outcome: \(outcome.plainLabel)",
            "Rules: \(ruleVersion) (\(agency.rawValue), evaluated on \(evaluatedOn))",
            "Reasons: " + (reasons.isEmpty ? "none" : reasons.map(\.plainClause).joined(separator: "; ")),
        ]
        if let holdDeadline, let holdDeadlineLocal {
            let passed = holdDeadlinePassed == true ? " — already past: the hold has ended and the person must be released" : ""
            lines.append("Hold deadline: \(holdDeadlineLocal) (\(holdDeadline))\(passed)")
        }
        if !qualifyingConvictions.isEmpty {
            lines.append("Qualifying convictions:")
            for conviction in qualifyingConvictions {
                let date = conviction.convictedOn.map { "convicted \($0)" } ?? "conviction date not recorded"
                let sentence = conviction.sentencedOn.map { ", sentenced \($0)" } ?? ", sentence date not recorded"
                let last = conviction.lastQualifyingArrestDate.map { ", counts for arrests through \($0)" } ?? ""
                let equivalent = conviction.nyEquivalent.map { " (NY equivalent \($0))" } ?? ""
                let scope = conviction.withinWindow ? "" : " (outside the window; counted only under §14-154(b)(2)(A))"
                lines.append("  [\(conviction.index)] \(conviction.statute)\(equivalent), \(date)\(sentence)\(last)\(scope)")
            }
        }
        lines.append("Checks:")
        for check in checks {
            let tag = check.result.uppercased().padding(to: 7)
            lines.append("  \(tag) \(CheckRule.plainName(check.rule)): \(check.message) [\(check.citation)]")
        }
        return lines.joined(separator: "\n")
    }
}

extension Outcome {
    /// The outcome in words, for text meant for people.
    public var plainLabel: String {
        switch self {
        case .permitted: return "permitted"
        case .decline: return "decline"
        case .holdPendingWarrant: return "hold pending a judicial warrant (NYPD, 48 business hours)"
        case .needsReview: return "needs review by a person"
        }
    }
}

extension CheckRule {
    /// A check's identifier (`convictions[0].window`) in words (`conviction 1, five-year window`),
    /// counted from one as people count, like the check messages.
    public static func plainName(_ name: String) -> String {
        var prefix = ""
        var key = name
        if name.hasPrefix("convictions["), let close = name.firstIndex(of: "]") {
            let index = name[name.index(name.startIndex, offsetBy: 12)..<close]
            prefix = "conviction \(Int(index).map { String($0 + 1) } ?? String(index)), "
            key = String(name[name.index(after: close)...].dropFirst())
        }
        let words: [String: String] = [
            "ruleVersion": "rules in force", "agencyLaw": "agency's law", "judicialWarrant": "judicial warrant",
            "status": "judgment of conviction", "offense": "violent or serious crime", "predicateFelony": "predicate felony",
            "window": "five-year window", "violentOrSeriousConviction": "qualifying conviction",
            "terroristScreening": "terrorist screening database", "pendingCharges": "pending charges",
            "honorTest": "may honor", "violentOrSeriousEver": "violent or serious conviction ever",
            "reentryAfterRemoval": "re-entry after removal", "warrantlessHold": "NYPD 48-hour hold",
        ]
        return prefix + (words[key] ?? key)
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
