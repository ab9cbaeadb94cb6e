import DetainerDomain

/// How ICE's lift reasons map onto this system's statuses and decisions. This table is the
/// one documented in the README; change both together.
///
/// | lift reason | status | decision |
/// |---|---|---|
/// | (blank) | received (still open) | — |
/// | Booked into Detention | transferred | honor |
/// | Detainer Declined by LEA | declined | decline |
/// | Lifted; Lifted - Lack of Funds; Lifted - Lack of Space; Case Closed; Prosecutorial Discretion; Alien Not Subject to Deportation; Not Amenable to Removal; Noncitizen Not Amenable to Removal; United States Citizen Interviewed; USC or Presumptive Claim to US Citizenship; Judicial Review | lifted | — |
/// | Transferred; Early Release; Died; No longer in State, Local, or Federal Custody | released | — |
///
/// Anything else is rejected as an unknown lift reason rather than guessed.
enum LiftReasons {
    struct Mapping {
        let status: DetainerStatus
        let decision: Decision?
    }

    static func mapping(for raw: String) -> Mapping? {
        let reason = raw.trimmingSpaces.lowercased()
        if reason.isEmpty { return Mapping(status: .received, decision: nil) }
        if reason == "booked into detention" { return Mapping(status: .transferred, decision: .honor) }
        if reason == "detainer declined by lea" { return Mapping(status: .declined, decision: .decline) }
        if lifted.contains(reason) || reason.hasPrefix("lifted") { return Mapping(status: .lifted, decision: nil) }
        if released.contains(reason) { return Mapping(status: .released, decision: nil) }
        return nil
    }

    private static let lifted: Set<String> = [
        "case closed", "prosecutorial discretion", "alien not subject to deportation", "not amenable to removal",
        "noncitizen not amenable to removal", "united states citizen interviewed",
        "usc or presumptive claim to us citizenship", "judicial review",
    ]

    private static let released: Set<String> = [
        "transferred", "early release", "died", "no longer in state, local, or federal custody",
    ]

    /// What imported decisions rest on: ICE's records say honored or declined, never why.
    static let importedHonorBasis = "ICE_RECORD_BOOKED"
    static let importedDeclineBasis = "ICE_RECORD_DECLINED"
}
