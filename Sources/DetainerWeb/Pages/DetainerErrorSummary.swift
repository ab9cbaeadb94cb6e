/// The detainer page's summary of a refused form (issue 25 §4), as the intake page's: at the top
/// of the page, focused on load, each problem linking to its field in the form that was refused
/// (every form on the page scopes its field ids by its own name, `review.reason`). A problem
/// that names no field of the form (a stale proposal, "nothing changes") links to the form's
/// card instead and is named by it.
enum DetainerErrorSummary {
    /// The refused form's problems keyed by field id name (`review.reason`), once each: the
    /// conviction forms get a store path and its bare field (`conviction.vacated`, `vacated`),
    /// only the bare one, which is the form's field, is listed.
    static func errors(_ state: DetainerPage.FormState?) -> [String: String] {
        guard let state else { return [:] }
        var scoped: [String: String] = [:]
        for (key, message) in state.errors {
            if key.hasPrefix("conviction."), state.errors[String(key.dropFirst("conviction.".count))] != nil { continue }
            scoped[state.form + "." + key] = message
        }
        return scoped
    }

    /// The card a form sits in (its heading's id) and its heading, for problems without a field.
    static func card(of form: String) -> (anchor: String, label: String) {
        switch form {
        case "review": ("review", "Review")
        case "status": ("status", "Change status")
        case "contact": ("contact", "Record a contact")
        case "document": ("documents", "Documents")
        case _ where form.hasPrefix("conviction"): ("convictions", "Convictions")
        case _ where form.hasPrefix("approve-") || form.hasPrefix("reject-"): ("proposals", "Second-person approvals")
        default: ("errors", "This page")
        }
    }

    /// "Nothing was recorded. Fix the field marked below:" (stored, for a document).
    static func intro(_ state: DetainerPage.FormState, count: Int) -> String {
        "Nothing was \(state.form == "document" ? "stored" : "recorded"). Fix \(count == 1 ? "the problem" : "the \(count) problems") listed here; each links to its field:"
    }

    /// The finished page with the summary in its slot (the page unchanged without a refused form).
    static func fill(_ page: HTML, state: DetainerPage.FormState?) -> HTML {
        let errors = errors(state)
        guard let state, !errors.isEmpty else { return page }
        return ErrorSummary.fill(page, errors: errors, intro: intro(state, count: errors.count), fallback: card(of: state.form))
    }
}
