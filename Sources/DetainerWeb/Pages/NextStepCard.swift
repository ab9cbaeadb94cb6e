import DetainerDomain
import DetainerStore

/// The top of the detainer page (issue 25 §3): what must happen next, in words, each with a link
/// to the form that does it (review, record the criminal-history search, record the transfer),
/// so the person does not scroll past the record to find it. The steps are the store's
/// `nextSteps`, the same `show --brief` prints.
enum NextStepCard {
    static func render(_ detail: DetainerDetail, now: UTCInstant, session: WebSession) -> HTML {
        let steps = detail.nextSteps(now: now)
        let role = session.user.role
        return el("section", .class("card next"), Attribute("aria-labelledby", "next")) {
            el("h2", .id("next"), text: "Next step")
            if steps.isEmpty {
                el("p", .class("muted"), text: "Nothing: this detainer needs no action.")
            } else {
                el("ul") {
                    for step in steps {
                        el("li", .class(urgent(step.kind) ? "step urgent" : "step")) {
                            HTML(step.words + " ")
                            if let target = link(step.kind, role: role) { el("a", .href("#" + target.anchor), text: target.label) }
                        }
                    }
                }
            }
        }
    }

    static func urgent(_ kind: NextStep.Kind) -> Bool { kind == .release || kind == .overdue || kind == .attention }

    /// The form on this page that does the step, when this person's role may use it.
    static func link(_ kind: NextStep.Kind, role: Role) -> (anchor: String, label: String)? {
        switch kind {
        case .review: role.may(.review) ? ("review", "Go to the review form") : nil
        case .recordSearch: role.may(.recordHistory) ? ("convictions", "Add convictions or attach the search") : nil
        case .transfer, .release, .overdue, .attention: role.may(.changeStatus) ? ("status", "Go to the status form") : nil
        case .warrant: role.may(.recordContact) ? ("contact", "Record the warrant ICE presents") : nil
        }
    }
}
