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

/// Which administrative warrant ICE attached to the I-247A: an I-200 (warrant for arrest of alien,
/// for removal proceedings) or an I-205 (warrant of removal/deportation, which follows a final
/// order). Neither is a judicial warrant (Admin. Code §9-131(a)(5)); the difference matters only to
/// the reason the annual report files the detainer under (`StatutoryReasonMapping`).
public enum AdministrativeWarrantForm: String, Sendable, Hashable, CaseIterable, Codable {
    case i200 = "I-200"
    case i205 = "I-205"
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
