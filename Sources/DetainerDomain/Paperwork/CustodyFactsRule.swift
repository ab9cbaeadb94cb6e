/// Admin. Code §9-131(h)(1): the city may not tell ICE a person's "incarceration status, release
/// dates, court appearance dates, or any other information related to persons in the
/// department's custody" (other than citizenship or immigration status) unless the information
/// "relates to a person convicted of a violent or serious crime or identified as a possible
/// match in the terrorist screening database", is unrelated to civil immigration enforcement,
/// or is otherwise required by law (law reference, "Information sharing"). A notice to ICE is
/// civil immigration enforcement by definition, and whether something is "otherwise required by
/// law" is for counsel, not this tool; so the tool prints custody facts to ICE only for a person
/// the record shows to be covered by (h)(1)(i), and refuses otherwise, saying why (issue 21 §2).
///
/// Project readings (the safe direction: when in doubt, nothing is disclosed):
/// - "Convicted of a violent or serious crime" is read as the honoring test reads it: a judgment
///   (conviction and sentence) for a listed crime that the law engine counted in its latest
///   evaluation, inside the five-year window (`judgmentMustBeInWindow`). The text of (h) names
///   no window; the narrower reading discloses less and waits for a lawyer's answer.
/// - An unknown TSDB match or an unevaluated detainer is not a match.
/// - (h) is written for DOC; NYPD (§14-154) and Probation (§9-205) get the same refusal, since
///   a notice the DOC could not send is not one this tool should print for another agency.
public enum CustodyFactsRule {
    /// The choice above, as a named constant (`CustodyFactsRuleTests` shows it changes the answer).
    public static let judgmentMustBeInWindow = true

    public static let citation = "Admin. Code §9-131(h)(1)"

    /// What the record says about the person, from the detainer and its latest evaluation.
    public struct Facts: Sendable, Equatable {
        /// The detainer's TSDB flag: nil is not known.
        public var tsdbMatch: Bool?
        /// Whether the detainer has been evaluated at all.
        public var evaluated: Bool
        /// Qualifying judgments in the latest evaluation inside the window, and those relied on
        /// only by the NYPD "ever" rule (outside it).
        public var judgmentsInWindow: Int
        public var judgmentsOutsideWindow: Int

        public init(tsdbMatch: Bool?, evaluated: Bool, judgmentsInWindow: Int, judgmentsOutsideWindow: Int = 0) {
            self.tsdbMatch = tsdbMatch
            self.evaluated = evaluated
            self.judgmentsInWindow = judgmentsInWindow
            self.judgmentsOutsideWindow = judgmentsOutsideWindow
        }
    }

    public enum Answer: Sendable, Equatable {
        /// Custody facts may be given; the words say on which ground.
        case allowed(ground: String)
        /// They may not; the words say why, for the refusal message.
        case refused(why: String)
    }

    public static func answer(_ facts: Facts, judgmentMustBeInWindow: Bool = judgmentMustBeInWindow) -> Answer {
        if facts.tsdbMatch == true {
            return .allowed(ground: "the person is recorded as a possible match in the terrorist screening database")
        }
        let judgments = facts.judgmentsInWindow + (judgmentMustBeInWindow ? 0 : facts.judgmentsOutsideWindow)
        if facts.evaluated, judgments > 0 {
            return .allowed(ground: "the law engine found a judgment for a violent or serious crime")
        }
        var missing: [String] = []
        if !facts.evaluated {
            missing.append("the detainer has not been evaluated, so no judgment for a violent or serious crime is established")
        } else {
            missing.append("the latest evaluation found no judgment for a violent or serious crime within five years")
        }
        switch facts.tsdbMatch {
        case false?: missing.append("the person is not a terrorist screening database match")
        default: missing.append("a terrorist screening database match is not on record (unknown counts as no match)")
        }
        return .refused(why: missing.joined(separator: ", and "))
    }
}
