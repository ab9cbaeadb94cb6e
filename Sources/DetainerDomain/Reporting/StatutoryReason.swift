/// The four reasons of Admin. Code §9-131(f)(1)–(2) for which ICE issued a detainer, plus
/// "other / not stated" (the list is "including, but not limited to"). Keys of the annual
/// report's f1/f2 breakdowns.
public enum StatutoryReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// (i) "had reason to believe that the individual in its custody is subject to removal".
    case i
    /// (ii) "initiated removal proceedings and served a notice to appear or other charging document".
    case ii
    /// (iii) "served a warrant of arrest for removal proceedings".
    case iii
    /// (iv) "obtained an order of deportation or removal from the United States".
    case iv
    /// None of the four, or not stated on the form as recorded.
    case other

    public var label: String {
        switch self {
        case .i: "(i) ICE had reason to believe the person is subject to removal"
        case .ii: "(ii) ICE initiated removal proceedings and served a notice to appear or other charging document"
        case .iii: "(iii) ICE served a warrant of arrest for removal proceedings"
        case .iv: "(iv) ICE obtained an order of deportation or removal"
        case .other: "other or not stated"
        }
    }
}

/// The I-247A as the office received it: what the mapping to a statutory reason reads.
public struct ReceivedI247A: Sendable, Hashable {
    public var finalOrder: Bool
    public var removalProceedings: Bool
    public var biometricMatch: Bool
    public var statements: Bool
    /// Box 2 ("DHS transferred the alien to your custody"); nil = not recorded.
    public var dhsTransferBox2: Bool?
    public var warrant: WarrantKind?
    /// With an administrative warrant: which form (nil = not recorded).
    public var administrativeWarrantForm: AdministrativeWarrantForm?
    public var noticeToAppearServed: Bool?

    public init(finalOrder: Bool = false, removalProceedings: Bool = false, biometricMatch: Bool = false, statements: Bool = false,
                dhsTransferBox2: Bool? = nil, warrant: WarrantKind? = nil, administrativeWarrantForm: AdministrativeWarrantForm? = nil,
                noticeToAppearServed: Bool? = nil) {
        self.finalOrder = finalOrder
        self.removalProceedings = removalProceedings
        self.biometricMatch = biometricMatch
        self.statements = statements
        self.dhsTransferBox2 = dhsTransferBox2
        self.warrant = warrant
        self.administrativeWarrantForm = administrativeWarrantForm
        self.noticeToAppearServed = noticeToAppearServed
    }
}

/// From the form to §9-131(f)(1)'s reasons: a versioned, named table (law reference §7a, copied
/// in Sources/DetainerDomain/Law/README.md). The four reasons follow the action boxes of the 2012
/// Form I-247, not the four probable-cause bases of the I-247A (02/17), so this is a READING that
/// needs counsel's sign-off before a report is published; change it here and bump `version`.
///
/// | on the form as received                                        | reason |
/// |----------------------------------------------------------------|--------|
/// | Box 1 "a final order of removal", or an I-205 attached         | (iv)   |
/// | an I-200 attached                                               | (iii)  |
/// | Box 1 "pendency of ongoing removal proceedings", or NTA served   | (ii)   |
/// | Box 1 "biometric confirmation…" or "statements…/other evidence" | (i)    |
/// | Box 2 only, a judicial warrant only, nothing recorded           | other  |
///
/// An administrative warrant whose form (I-200 or I-205) was not recorded is not guessed: it maps
/// to no reason by itself. A detainer counts ONCE, under its primary reason: the first of
/// `primaryOrder` (iv, iii, ii, i) it has, else `other`; so the reason rows always add up to f1.
public enum StatutoryReasonMapping {
    public static let version = "i247a-reasons/2026-12-07 (law reference §7a; needs counsel's sign-off)"
    public static let primaryOrder: [StatutoryReason] = [.iv, .iii, .ii, .i]

    /// Every reason the form supports (possibly several; empty = other).
    public static func reasons(_ form: ReceivedI247A) -> Set<StatutoryReason> {
        var out = Set<StatutoryReason>()
        if form.finalOrder || form.administrativeWarrantForm == .i205 { out.insert(.iv) }
        if form.administrativeWarrantForm == .i200 { out.insert(.iii) }
        if form.removalProceedings || form.noticeToAppearServed == true { out.insert(.ii) }
        if form.biometricMatch || form.statements { out.insert(.i) }
        return out
    }

    /// The one reason the detainer is counted under.
    public static func primary(_ form: ReceivedI247A) -> StatutoryReason {
        let all = reasons(form)
        return primaryOrder.first(where: all.contains) ?? .other
    }
}
