extension DecisionBasis {
    /// A stored basis (`NO_JUDICIAL_WARRANT`, `QUALIFYING_CONVICTION+TSDB_MATCH`,
    /// `DECIDED_ON_REVIEW`) in words for people (issue 25 §3: `show`, the detainer page and the
    /// decision record read words; JSON and CSV keep the code the reports count by). An unknown
    /// code is shown as stored rather than hidden.
    public static func words(_ basis: String) -> String {
        basis.split(separator: "+").map { part -> String in
            let code = String(part)
            if let reason = ReasonCode(code: code) { return reason.plainClause }
            switch code {
            case overrideBySupervisor: return "a supervisor declined although the engine permitted honoring"
            case decidedOnReview: return "decided by a supervisor on review"
            case engineDecline: return "the engine declined"
            case "ICE_RECORD_BOOKED": return "ICE's record says the detainer was honored (it does not say why)"
            case "ICE_RECORD_DECLINED": return "ICE's record says the detainer was declined (it does not say why)"
            default: return code
            }
        }.joined(separator: " and ")
    }
}
