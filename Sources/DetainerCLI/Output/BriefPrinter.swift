import DetainerDomain
import DetainerStore

/// `detainer show ID --brief`: the few lines a person needs at the counter or on the phone
/// (issue 25 §3): who, what must happen next and by when, the engine's outcome and reasons in
/// words, the decision, and how much more the full record holds.
enum BriefPrinter {
    static func print(_ detail: DetainerDetail, now: UTCInstant) {
        let d = detail.detainer
        let id = d.id.map(String.init) ?? ""
        Terminal.out("Detainer \(id): \(StatusWords.status(d.status))\(d.agency.map { ", \($0.rawValue)" } ?? "")")
        if let p = detail.person {
            let ids = [("NYSID", p.nysid), ("booking", detail.custodyCase?.bookingNumber)].compactMap { label, value in value.map { "\(label) \($0)" } }
            Terminal.out("Person: \(p.name ?? "name not recorded")\(ids.isEmpty ? "" : "  (" + ids.joined(separator: ", ") + ")")")
        }
        if let release = detail.custodyCase?.scheduledReleaseAt { Terminal.out("Scheduled release: \(release.newYorkText)") }
        let declined = d.outcome == .decline || d.decision == .decline
        if let deadline = d.holdDeadline, !declined, d.status.isOpen {
            Terminal.out("Hold deadline: \(deadline.newYorkText) (\(TimeLeft.describe(deadline.secondsSinceEpoch - now.secondsSinceEpoch)) left)")
        }
        if let outcome = d.outcome {
            let reasons = d.reasons?.codes.map(\.plainClause) ?? []
            Terminal.out("Engine: \(outcome.plainLabel)\(reasons.isEmpty ? "" : " — " + reasons.joined(separator: "; "))")
        }
        if let decision = d.decision {
            Terminal.out("Decision: \(decision.rawValue) on \(d.decidedOn?.description ?? "")\(d.decisionBasis.map { " because \(DecisionBasis.words($0))" } ?? "")")
        }
        let steps = detail.nextSteps(now: now)
        if steps.isEmpty {
            Terminal.out("Next: nothing; the detainer needs no action.")
        } else {
            for step in steps { Terminal.out("Next: \(step.words)") }
        }
        let counts = [(detail.convictions.count, "conviction"), (detail.pendingCharges.count, "pending charge"),
                      (detail.documents.count, "document"), (detail.contacts.count, "contact with ICE")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        Terminal.out("On record: \(counts.isEmpty ? "nothing more" : counts.joined(separator: ", ")); `detainer show \(id)` prints it all.")
    }
}

/// Statuses as people say them (the web's `Labels.status` wording, for the terminal).
enum StatusWords {
    static func status(_ status: DetainerStatus) -> String {
        switch status {
        case .pendingReview: "pending review"
        case .enteredInError: "entered in error"
        default: status.rawValue
        }
    }
}
