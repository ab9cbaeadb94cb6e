/// One requirement the evaluator examined, as compact values. `CheckMessages` turns it into the
/// `{rule, passed, result, message, citation}` of the report.
public struct Check: Sendable, Hashable {
    public let rule: CheckRule
    public let verdict: Verdict

    public var passed: Bool { verdict.value == .yes }
}

public enum CheckRule: Sendable, Hashable {
    case ruleVersion
    case agencyLaw
    case judicialWarrant
    case convictionStatus(Int)
    case convictionOffense(Int)
    case convictionPredicate(Int)
    case convictionWindow(Int)
    case violentOrSeriousConviction
    case terroristScreening
    case pendingCharges
    case honorTest
    case violentOrSeriousEver
    case reentryAfterRemoval
    case warrantlessHold

    /// Stable identifier used in output, e.g. `convictions[1].window`.
    public var name: String {
        switch self {
        case .ruleVersion: return "ruleVersion"
        case .agencyLaw: return "agencyLaw"
        case .judicialWarrant: return "judicialWarrant"
        case .convictionStatus(let index): return "convictions[\(index)].status"
        case .convictionOffense(let index): return "convictions[\(index)].offense"
        case .convictionPredicate(let index): return "convictions[\(index)].predicateFelony"
        case .convictionWindow(let index): return "convictions[\(index)].window"
        case .violentOrSeriousConviction: return "violentOrSeriousConviction"
        case .terroristScreening: return "terroristScreening"
        case .pendingCharges: return "pendingCharges"
        case .honorTest: return "honorTest"
        case .violentOrSeriousEver: return "violentOrSeriousEver"
        case .reentryAfterRemoval: return "reentryAfterRemoval"
        case .warrantlessHold: return "warrantlessHold"
        }
    }
}

extension Evaluation {
    /// Every check made, in the order the law reads: version, agency, warrant, each conviction,
    /// the conviction and TSDB prongs, pending charges, the (b)(1) test, then NYPD (b)(2).
    public func checks(for facts: CaseFacts) -> [Check] {
        var checks: [Check] = []
        switch stage {
        case .versionNotEncoded:
            checks.append(Check(rule: .ruleVersion, verdict: Verdict(.unknown, reasons)))
            return checks
        case .agencyLawNotInForce:
            checks.append(Check(rule: .ruleVersion, verdict: .yes))
            checks.append(Check(rule: .agencyLaw, verdict: Verdict(.unknown, reasons)))
            return checks
        case .completed:
            checks.append(Check(rule: .ruleVersion, verdict: .yes))
            checks.append(Check(rule: .agencyLaw, verdict: .yes))
        }
        checks.append(Check(rule: .judicialWarrant, verdict: judicialWarrant))
        for (index, finding) in convictions.enumerated() {
            checks.append(Check(rule: .convictionStatus(index), verdict: finding.status))
            checks.append(Check(rule: .convictionOffense(index), verdict: finding.offense.verdict))
            if let predicate = finding.offense.predicate {
                checks.append(Check(rule: .convictionPredicate(index), verdict: predicate))
            }
            checks.append(Check(rule: .convictionWindow(index), verdict: finding.window))
        }
        checks.append(Check(rule: .violentOrSeriousConviction, verdict: violentOrSeriousConviction))
        checks.append(Check(rule: .terroristScreening, verdict: terroristScreening))
        if !facts.pendingCharges.isEmpty {
            checks.append(Check(rule: .pendingCharges, verdict: Verdict(.no)))
        }
        checks.append(Check(rule: .honorTest, verdict: honorTest))
        if let hold = warrantlessHold {
            checks.append(Check(rule: .violentOrSeriousEver, verdict: hold.violentOrSeriousEver))
            checks.append(Check(rule: .reentryAfterRemoval, verdict: hold.reentryAfterRemoval))
            checks.append(Check(rule: .warrantlessHold, verdict: hold.verdict))
        }
        return checks
    }
}
