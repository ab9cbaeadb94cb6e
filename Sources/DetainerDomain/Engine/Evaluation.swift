/// The compact result of evaluating one case: enums, verdicts and indexes only. Render it with
/// `report(for:)` (for JSON) or `renderedText(for:)`; both need the same `CaseFacts`.
public struct Evaluation: Sendable, Hashable {
    public var outcome: Outcome
    /// Index into `RuleBook.versions`.
    public var ruleVersionIndex: Int
    public var reasons: ReasonSet
    /// How far the evaluation went.
    public var stage: Stage
    public var judicialWarrant: Verdict
    /// (b)(1)(ii)(A): any conviction qualifies within the window.
    public var violentOrSeriousConviction: Verdict
    public var terroristScreening: Verdict
    /// (b)(1) as a whole.
    public var honorTest: Verdict
    /// One finding per input conviction, same order.
    public var convictions: [ConvictionFinding]
    /// NYPD (b)(2), when evaluated.
    public var warrantlessHold: WarrantlessHold?
    /// NYPD: the hold deadline a judicial warrant presented after the detainer was measured
    /// against (§14-154(b)(2)), when it was.
    public var warrantMeasuredAgainstDeadline: UTCInstant? = nil

    public enum Stage: UInt8, Sendable, Hashable {
        /// Stopped: no encoded rules for the evaluation date.
        case versionNotEncoded
        /// Stopped: the agency's section was not in force on the evaluation date.
        case agencyLawNotInForce
        case completed
    }

    public var ruleVersion: RuleVersion { RuleBook.versions[ruleVersionIndex] }

    /// Indexes of the convictions the outcome rests on: those qualifying within the window, or —
    /// for an NYPD hold on the re-entry ground — those qualifying "ever".
    public var qualifyingConvictionIndexes: [Int] {
        let useEver = outcome == .holdPendingWarrant && warrantlessHold?.reentryGround.value == .yes
        return convictions.indices.filter {
            (useEver ? convictions[$0].qualifiesEver : convictions[$0].qualifies).value == .yes
        }
    }
}

/// The NYPD §14-154(b)(2) evaluation.
public struct WarrantlessHold: Sendable, Hashable {
    /// Any violent or serious conviction ever (no window).
    public var violentOrSeriousEver: Verdict
    public var reentryAfterRemoval: Verdict
    /// (b)(2)(A): ever ∧ re-entry.
    public var reentryGround: Verdict
    /// (b)(2) as a whole: (A) ∨ (B) TSDB.
    public var verdict: Verdict
    /// When the count starts: `releaseAt`, or 00:00 New York time on `evaluatedOn`.
    public var start: UTCInstant
    public var startIsReleaseTime: Bool
    /// Present when the hold is allowed.
    public var deadline: UTCInstant?
    /// The deadline was past when the evaluation was made (the start of `evaluatedOn`, New York
    /// time, or a warrant presented after it): the hold has ended (§14-154(b)(2)).
    public var passed: Bool
}
