/// The detainer form ICE used (I-247A since April 2017; older forms appear in old records).
public enum DetainerForm: String, Sendable, Hashable, CaseIterable, Codable {
    case i247A = "I-247A"
    case i247 = "I-247"
    case i247D = "I-247D"
    case i247N = "I-247N"
    case i247X = "I-247X"
}

/// The I-247A's probable-cause boxes.
public enum ProbableCause: String, Sendable, Hashable, CaseIterable, Codable {
    /// "a final order of removal against the alien"
    case finalOrder
    /// "the pendency of ongoing removal proceedings against the alien"
    case removalProceedings
    /// "biometric confirmation of the alien's identity and a records check of federal databases"
    case biometricMatch
    /// "statements made by the alien to an immigration officer and/or other reliable evidence"
    case statements
}

/// Agencies a clerk logs detainers for. For Probation (Admin. Code §9-205) the "custody case" is
/// the probation case: its booking number is the probation case number, its release time the
/// end of the appointment or supervision contact at which ICE asked for the person.
public enum CustodyAgency: String, Sendable, Hashable, CaseIterable, Codable {
    case nypd = "NYPD"
    case doc = "DOC"
    case dop = "DOP"

    public var agency: Agency {
        switch self {
        case .nypd: .nypd
        case .doc: .doc
        case .dop: .dop
        }
    }
}
