/// A three-valued answer with the reason codes that explain it: for `no`, the requirements that
/// failed; for `unknown`, the missing facts; for `yes`, the basis (when there is one to report).
public struct Verdict: Sendable, Hashable {
    public var value: Tri
    public var reasons: ReasonSet

    public init(_ value: Tri, _ reasons: ReasonSet = ReasonSet()) {
        self.value = value
        self.reasons = reasons
    }

    public init(_ value: Tri, _ reason: ReasonCode) { self.init(value, ReasonSet(reason)) }

    public static let yes = Verdict(.yes)

    /// Conjunction. A `no` explains itself with every failed part; `unknown` only when nothing
    /// failed, with the unknown parts — so unknowns that cannot change the answer are dropped.
    public static func && (lhs: Verdict, rhs: Verdict) -> Verdict {
        let value = lhs.value && rhs.value
        var reasons = ReasonSet()
        if lhs.value == value { reasons.formUnion(lhs.reasons) }
        if rhs.value == value { reasons.formUnion(rhs.reasons) }
        return Verdict(value, reasons)
    }

    /// Disjunction, the mirror image: a `yes` explains itself with every satisfied part.
    public static func || (lhs: Verdict, rhs: Verdict) -> Verdict {
        let value = lhs.value || rhs.value
        var reasons = ReasonSet()
        if lhs.value == value { reasons.formUnion(lhs.reasons) }
        if rhs.value == value { reasons.formUnion(rhs.reasons) }
        return Verdict(value, reasons)
    }
}
