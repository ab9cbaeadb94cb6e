/// A person's standing for the annual reports' information-request split (§9-131(f)(9),
/// §14-154(f)(5), §9-205(f)(5)) and for §9-131(f)(4)–(5): has at least one conviction for a
/// violent or serious crime; has none but is a possible match in the terrorist screening database;
/// or neither. Keys of the report's breakdown.
public enum PersonStanding: String, Sendable, Hashable, CaseIterable, Codable {
    case noVSC
    case VSC
    case TSDBOnly

    /// The standing from one stored evaluation's check results (`EvaluationReport.checks`, by the
    /// exact rule names `violentOrSeriousConviction` and `terroristScreening`; never by matching
    /// text in reason lists). "Convicted of a violent or serious crime" is the defined term of
    /// §9-131(a)(2), which carries the five-year exclusion (a)(2)(ii): the engine's
    /// `violentOrSeriousConviction` check is exactly that (`ReportDecisions.vscStanding`).
    /// A check that did not pass (failed, unknown, or no evaluation at all) is not a conviction
    /// shown: the person is `noVSC` — and `known` is false when that rests on an unknown.
    public static func from(vscResult: String?, tsdbResult: String?) -> (standing: PersonStanding, known: Bool) {
        if vscResult == "pass" { return (.VSC, true) }
        if tsdbResult == "pass" { return (.TSDBOnly, vscResult == "fail") }
        return (.noVSC, vscResult == "fail" && tsdbResult == "fail")
    }

    /// §9-131(h)(1): DOC may not tell ICE about custody, release or court dates of a person who is
    /// neither convicted of a violent or serious crime nor a possible TSDB match (unless unrelated
    /// to civil immigration enforcement or required by law). A standing that is not known is
    /// treated as protected: the safe direction.
    public static func protectedBy9131h(_ standing: PersonStanding, known: Bool) -> Bool {
        standing == .noVSC || !known
    }
}
