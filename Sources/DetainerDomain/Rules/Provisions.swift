/// Where each requirement lives for an agency, for citing in checks.
/// DOC: Admin. Code §9-131; NYPD: §14-154 (list at (a)(6), warrant defined at (a)(4));
/// DOP: §9-205(b), which borrows §9-131's definitions through §9-205(a).
struct Provisions {
    let agency: Agency

    private var section: String {
        switch agency {
        case .doc: return "Admin. Code §9-131"
        case .nypd: return "Admin. Code §14-154"
        case .dop: return "Admin. Code §9-205"
        }
    }

    /// A definition paragraph of §9-131 / §14-154 ("(a)(2)(i)" style suffix given for DOC).
    private func definition(doc suffix: String, nypd nypdSuffix: String) -> String {
        switch agency {
        case .doc: return "Admin. Code §9-131" + suffix
        case .nypd: return "Admin. Code §14-154" + nypdSuffix
        case .dop: return "Admin. Code §9-131" + suffix + " (via §9-205(a))"
        }
    }

    var judicialWarrant: String {
        switch agency {
        case .doc, .nypd: return section + "(b)(1)(i)"
        case .dop: return section + "(b)(1)"
        }
    }

    var convictionTest: String {
        switch agency {
        case .doc, .nypd: return section + "(b)(1)(ii)(A)"
        case .dop: return section + "(b)(2)(a)"
        }
    }

    var terroristScreening: String {
        switch agency {
        case .doc, .nypd: return section + "(b)(1)(ii)(B)"
        case .dop: return section + "(b)(2)(b)"
        }
    }

    var honorTest: String {
        switch agency {
        case .doc, .nypd: return section + "(b)(1)"
        case .dop: return section + "(b)"
        }
    }

    var agencyLaw: String {
        switch agency {
        case .doc: return "Admin. Code §9-131 (L.L. 2014/058)"
        case .nypd: return "Admin. Code §14-154 (L.L. 2014/059)"
        case .dop: return "Admin. Code §9-205 (L.L. 2017/226)"
        }
    }

    var convicted: String { definition(doc: "(a)(2)", nypd: "(a)(2)") }
    var youthfulOffender: String { definition(doc: "(a)(2)(i)", nypd: "(a)(2)(i)") }
    var window: String { definition(doc: "(a)(2)(ii)", nypd: "(a)(2)(ii)") }
    var listedSection: String { definition(doc: "(a)(7)(i)", nypd: "(a)(6)(i)") }
    var hateCrime: String { definition(doc: "(a)(7)(ii)", nypd: "(a)(6)(ii)") }
    var inchoate: String { definition(doc: "(a)(7)(iii)", nypd: "(a)(6)(iii)") }
    var vehicleAndTraffic600: String { definition(doc: "(a)(7)(iv)", nypd: "(a)(6)(iv)") }
    var ruleAddition: String { definition(doc: "(a)(7)(v)", nypd: "(a)(6)(v)") }
    var violentOrSerious: String { definition(doc: "(a)(7)", nypd: "(a)(6)") }

    static let warrantlessHold = "Admin. Code §14-154(b)(2)"
    static let holdReentry = "Admin. Code §14-154(b)(2)(A)"
    static let holdTerroristScreening = "Admin. Code §14-154(b)(2)(B)"
    static let holdEver = "Admin. Code §14-154(a)(2)(ii) (\"has ever been entered\")"
}
