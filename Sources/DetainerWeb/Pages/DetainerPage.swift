import Foundation
import DetainerDomain
import DetainerStore

/// One detainer: person, custody case, ICE paperwork, convictions, the engine's explanation with
/// every check and citation, the timeline, and the forms a clerk or supervisor acts with.
enum DetainerPage {
    /// What a form on the page needs when it is shown again after an error.
    struct FormState: Sendable {
        var form: String
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var message: String?
    }

    static func render(_ detail: DetainerDetail, session: WebSession, now: UTCInstant, state: FormState? = nil,
                       notice: String? = nil) -> HTML {
        let d = detail.detainer
        let id = d.id.map(String.init) ?? ""
        let status: DetainerStatus? = d.status
        let role = session.user.role
        let latest = detail.evaluations.last
        return DetainerErrorSummary.fill(Layout.page("Detainer #\(id)", session: session, current: .queue) {
            el("p") { el("a", .href("/queue"), text: "← Queue") }
            el("h1") {
                HTML("Detainer #\(id) ")
                Badges.status(d.status.rawValue)
                HTML(" ")
                Badges.outcome(d.outcome)
            }
            el("p", .class("actions")) { PaperworkLinks.render(detail) }
            if let notice { el("div", .class("notice success"), Attribute("role", "status"), text: notice) }
            // After a refused form its summary takes the focus (issue 25 §4), not the page body:
            // each problem links to its field (`DetainerErrorSummary`), as on the intake page.
            ErrorSummary.slot(DetainerErrorSummary.errors(state))
            if let message = state?.message, DetainerErrorSummary.errors(state).isEmpty {
                el("div", .class("notice error"), .id("errors"), Attribute("role", "alert"), Attribute("tabindex", "-1"),
                   Attribute("autofocus", present: true), text: message)
            }
            NextStepCard.render(detail, now: now, session: session)
            if let status, let countdown = Countdown.of(status: status, outcome: d.outcome, holdDeadline: d.holdDeadline,
                                                         scheduledRelease: detail.custodyCase?.scheduledReleaseAt) {
                el("p") {
                    el("strong", text: "\(countdown.kind.label): ")
                    Badges.time(countdown.at)
                    if status.isOpen || countdown.secondsLeft(now: now) >= 0 {
                        HTML(" — ")
                        Badges.countdown(deadline: countdown.at, secondsLeft: countdown.secondsLeft(now: now))
                    }
                }
                if countdown.kind == .releaseOnTime {
                    el("p", .class("muted"), text: "No lawful hold: the engine's outcome or the decision is decline, so the person is released at the scheduled time, not held 48 hours.")
                }
            }
            if let deadline = d.holdDeadline, let status, status.isOpen {
                if Deadlines.needs(status: status, outcome: d.outcome, holdDeadline: deadline, now: now).contains(.release) {
                    el("div", .class("notice error"), Attribute("role", "alert"),
                       text: "Release now: the NYPD hold's deadline passed without a judicial warrant, so the person must be released without notifying ICE (Admin. Code §14-154(b)(2)).")
                }
            }
            el("div", .class("grid")) {
                personCard(detail.person)
                custodyCard(detail.custodyCase)
                paperworkCard(d)
            }
            if !detail.proposals.isEmpty { proposals(detail.proposals, detainerID: id, session: session, state: state, now: now) }
            explanation(latest)
            convictions(detail, session: session, state: state)
            if role.may(.review), status == .pendingReview {
                reviewForm(d, latest: latest, searchPending: detail.historySearchPending, session: session, state: state,
                           lateHonor: Deadlines.lateHonorWarning(holdDeadline: d.holdDeadline, now: now))
            }
            if role.may(.changeStatus), let status, !status.allowedNext.isEmpty { statusForm(status, id: id, session: session, state: state) }
            if role.may(.recordContact) { contactForm(id: id, session: session, state: state) }
            DocumentsCard.render(detail, session: session, state: state)
            timeline(detail)
        }, state: state)
    }

    static func text(_ object: [String: JSONValue]?, _ key: String) -> String { object?[key]?.cellText ?? "" }

    /// An optional field as a fact's text ("" shows as —).
    static func text<T: CustomStringConvertible>(_ value: T?) -> String { value?.description ?? "" }

    private static func facts(_ rows: [(String, String)]) -> HTML {
        el("dl", .class("facts")) {
            for (label, value) in rows {
                el("dt", text: label)
                el("dd", text: value.isEmpty ? "—" : value)
            }
        }
    }

    private static func yesNo(_ value: Bool?) -> String {
        switch value { case true?: "yes"; case false?: "no"; default: "unknown" }
    }

    private static func personCard(_ p: PersonRecord?) -> HTML {
        el("section", .class("card"), Attribute("aria-labelledby", "person")) {
            el("h2", .id("person"), text: "Person")
            if let p {
                facts([("Name", text(p.name)), ("Date of birth", text(p.dateOfBirth)), ("NYSID", text(p.nysid)),
                       ("A-number", text(p.aNumber)), ("FBI number", text(p.fbiNumber)), ("Country of birth", text(p.countryOfBirth)),
                       ("Person record", "#" + text(p.id))])
            } else {
                el("p", .class("muted"), text: "No person on record (an imported ICE record).")
            }
        }
    }

    private static func custodyCard(_ c: CustodyCaseRecord?) -> HTML {
        el("section", .class("card"), Attribute("aria-labelledby", "custody")) {
            el("h2", .id("custody"), text: "Custody case")
            if let c {
                facts([("Agency", c.agency.rawValue), ("Booking number", text(c.bookingNumber)), ("Facility", text(c.facility)),
                       ("Arrest date", text(c.arrestDate)),
                       ("Scheduled release", c.scheduledReleaseAt.map(Badges.newYork) ?? "")])
            } else {
                el("p", .class("muted"), text: "No custody case on record.")
            }
        }
    }

    private static func paperworkCard(_ d: DetainerRecord) -> HTML {
        let boxes = [("final order", d.pcFinalOrder), ("removal proceedings", d.pcRemovalProceedings),
                     ("biometric match", d.pcBiometricMatch), ("statements", d.pcStatements)].filter(\.1).map(\.0)
        // An unknown warrant stays visibly unknown: the engine reads it as "not shown yet".
        let warrant = switch d.warrantType { case .known(let kind): Labels.warrant(kind); case .unknown: "unknown (not yet established)" }
        return el("section", .class("card"), Attribute("aria-labelledby", "paperwork")) {
            el("h2", .id("paperwork"), text: "ICE paperwork")
            facts([("Form", d.form.rawValue), ("Received", Badges.newYork(d.receivedAt)),
                   ("Warrant", warrantText(type: warrant, issuer: text(d.warrantIssuer), date: text(d.warrantDate))),
                   ("TSDB match", yesNo(d.tsdbMatch)), ("Illegal re-entry", yesNo(d.illegalReentry)),
                   ("Probable cause", boxes.isEmpty ? "none checked" : boxes.joined(separator: ", ")),
                   ("Decision", d.decision.map { "\($0.rawValue) on \(text(d.decidedOn))\(d.decisionBasis.map { " because \(DecisionBasis.words($0))" } ?? "")" } ?? "")] + detailFacts(d))
        }
    }

    /// "judicial — Hon. A. Judge, 2026-11-20": only the parts on record, no stray separators.
    static func warrantText(type: String, issuer: String, date: String) -> String {
        let details = [issuer, date].filter { !$0.isEmpty }.joined(separator: ", ")
        return [type, details].filter { !$0.isEmpty }.joined(separator: " — ")
    }

    private static func explanation(_ entry: WithActor<EvaluationRecord>?) -> HTML {
        el("section", .class("card"), Attribute("aria-labelledby", "engine")) {
            el("h2", .id("engine"), text: "The law engine's explanation")
            if let entry, case .object(let result) = entry.record.resultJSON.value {
                let evaluation = entry.record
                el("p") {
                    Badges.outcome(Outcome(rawValue: text(result, "outcome")))
                    HTML(" under rule version \(text(result, "ruleVersion")), \(text(result, "agency")), evaluated as of \(text(result, "evaluatedOn")) (evaluation #\(evaluation.sequence), \(evaluation.trigger), by \(entry.actor)).")
                }
                // Reasons in words (issue 25 §3); the codes stay in the API's JSON.
                if case .array(let reasons)? = result["reasons"], !reasons.isEmpty {
                    el("p") {
                        el("strong", text: "Reasons: ")
                        HTML(reasons.map { ReasonCode(code: $0.cellText)?.plainClause ?? $0.cellText }.joined(separator: "; ") + ".")
                    }
                }
                // Every check with its citation is long: folded, one click away.
                if case .array(let checks)? = result["checks"] {
                    el("details", .class("checks")) {
                        el("summary", text: "Every check the engine made (\(checks.count)), with its citation")
                        el("ol", .class("checks")) {
                            for case .object(let check) in checks {
                                el("li") {
                                    Badges.check(text(check, "result"))
                                    HTML(" " + text(check, "message") + " ")
                                    el("span", .class("citation"), text: "(" + text(check, "citation") + ")")
                                }
                            }
                        }
                    }
                }
                if case .array(let qualifying)? = result["qualifyingConvictions"], !qualifying.isEmpty {
                    el("h3", text: "Qualifying convictions")
                    el("ul") {
                        for case .object(let q) in qualifying {
                            el("li", text: "\(text(q, "statute")) convicted \(text(q, "convictedOn")); still counts for arrests through \(text(q, "lastQualifyingArrestDate"))\(q["withinWindow"] == .bool(false) ? " (NYPD “ever” rule only)" : "")")
                        }
                    }
                }
            } else {
                el("p", .class("muted"), text: "Not evaluated.")
            }
        }
    }

    private static func convictions(_ detail: DetainerDetail, session: WebSession, state: FormState?) -> HTML {
        let personID = text(detail.person?.id)
        let detainerID = text(detail.detainer.id)
        let canEdit = session.user.role.may(.recordHistory) && detail.person != nil
        return el("section", .class("card"), Attribute("aria-labelledby", "convictions")) {
            el("h2", .id("convictions"), text: "Convictions (\(detail.convictions.count))")
            if detail.convictions.isEmpty {
                el("p", .class("muted"), text: "No convictions on record.")
            } else {
                ScrollRegion.table("Convictions") {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                for heading in ["#", "Statute", "Class", "Convicted", "Jurisdiction", "Incarcerated (days)", "Flags"] {
                                    el("th", Attribute("scope", "col"), text: heading)
                                }
                            }
                        }
                        el("tbody") {
                            for c in detail.convictions {
                                el("tr") {
                                    el("td", text: text(c.id))
                                    el("td", text: c.statuteRaw)
                                    el("td", text: text(c.felonyClass))
                                    el("td", text: text(c.convictedOn))
                                    el("td", text: (jurisdictionWords[c.jurisdiction?.rawValue ?? "unknown"] ?? text(c.jurisdiction?.rawValue))
                                                 + (text(c.nyEquivalent).isEmpty ? "" : " ≈ " + text(c.nyEquivalent)))
                                    el("td", .class("num"), text: text(c.incarceratedDays))
                                    el("td", text: ConvictionRecord.flags.filter { c[keyPath: $0.value] == true }.map(\.words).joined(separator: ", "))
                                }
                            }
                        }
                    }
                }
                if canEdit {
                    for c in detail.convictions {
                        let cid = text(c.id)
                        let formName = "conviction-\(cid)"
                        let mine = state?.form == formName ? state : nil
                        element("details", attributes: [Attribute("open", present: mine != nil)]) {
                            el("summary", text: "Correct conviction #\(cid) (\(c.statuteRaw))")
                            el("form", Attribute("method", "post"), Attribute("action", "/detainers/\(detainerID)/convictions/\(cid)")) {
                                Forms.csrf(session)
                                convictionFields(prefix: formName, values: mine?.values ?? [:], errors: mine?.errors ?? [:], current: c)
                                Forms.submit("Save correction")
                            }
                        }
                    }
                }
            }
            if canEdit {
                let mine = state?.form == "conviction-add" ? state : nil
                element("details", attributes: [Attribute("open", present: mine != nil)]) {
                    el("summary", text: "Add a conviction")
                    el("form", Attribute("method", "post"), Attribute("action", "/detainers/\(detainerID)/convictions")) {
                        Forms.csrf(session)
                        void("input", .type("hidden"), .name("person"), .value(personID))
                        convictionFields(prefix: "conviction-add", values: mine?.values ?? [:], errors: mine?.errors ?? [:], current: nil)
                        Forms.submit("Add conviction")
                    }
                }
            }
        }
    }

    /// The conviction fields, from the list the CLI's options are built from (`ConvictionFields`):
    /// the same labels, help and defaults. A new conviction's form shows each default (a fact not
    /// given is "no", as on the CLI); a correction's shows the stored values, "not known" included.
    private static func convictionFields(prefix: String, values: [String: String], errors: [String: String], current: ConvictionRecord?) -> HTML {
        let start = current.map(ConvictionFields.values(of:)) ?? ConvictionFields.defaults
        // After a refused submission the form shows what was typed, not what is stored.
        let shown = values.isEmpty ? start : values
        return el("div", .class("fields")) {
            for field in ConvictionFields.all {
                convictionField(field, value: shown[field.key], error: errors[field.key], required: current == nil && field == ConvictionFields.statute,
                                scope: prefix + ".")
            }
        }
    }

    static let factOptions = [("yes", "yes"), ("no", "no"), ("unknown", "not known")]
    static let jurisdictionWords = ["NY": "New York", "otherState": "another state", "federal": "federal", "unknown": "not known"]

    /// One conviction field as a form control; `namePrefix` places it in a repeated row (intake's `convictions[0].`).
    static func convictionField(_ field: ConvictionField, value: String?, error: String?, required: Bool, scope: String, namePrefix: String = "") -> HTML {
        let name = namePrefix + field.key
        switch field.kind {
        case .text:
            return Forms.input(field.label, name: name, value: value, error: error, hint: field.formHint, required: required, scope: scope)
        case .date:
            return Forms.input(field.label, name: name, value: value, type: "date", error: error, hint: field.formHint, scope: scope)
        case .fact:
            return Forms.select(field.label, name: name, options: factOptions, selected: value, error: error, hint: field.formHint, scope: scope)
        case .days:
            return Forms.input(field.label, name: name, value: value, error: error, hint: field.formHint,
                               extra: [Attribute("inputmode", "numeric")], scope: scope)
        case .choice(let choices, let absent):
            let options = (absent == nil ? [("", "not given")] : []) + choices.map { ($0, jurisdictionWords[$0] ?? $0) }
            return Forms.select(field.label, name: name, options: options, selected: value, error: error, hint: field.formHint, scope: scope)
        }
    }

    /// `lateHonor`: why honoring now needs confirmation (the hold deadline has passed), shown
    /// beside the checkbox that confirms it (issue 25 §2).
    private static func reviewForm(_ d: DetainerRecord, latest: WithActor<EvaluationRecord>?, searchPending: Bool, session: WebSession, state: FormState?,
                                   lateHonor: String?) -> HTML {
        let mine = state?.form == "review" ? state : nil
        let engine = d.outcome
        return el("section", .class("card"), Attribute("aria-labelledby", "review")) {
            el("h2", .id("review"), text: "Review")
            el("p", text: engine == .needsReview
                ? "The engine could not decide this case: decide it with a written reason."
                : "Approve the engine's outcome, or decide otherwise with a written reason (an override).")
            el("form", .class("stack"), Attribute("method", "post"), Attribute("action", "/detainers/\(text(d.id))/review")) {
                Forms.csrf(session)
                Forms.select("Action", name: "action",
                             options: [("", "choose…")] + (engine == .needsReview ? [] : [("approve", "Approve the engine's outcome")]) + [("honor", "Decide: honor"), ("decline", "Decide: decline")],
                             selected: mine?.values["action"], error: mine?.errors["action"], required: true, scope: "review.")
                Forms.textarea("Reason", name: "reason", value: mine?.values["reason"], error: mine?.errors["reason"],
                               hint: "Required to decide; an override of the engine must say why.", scope: "review.")
                if searchPending { searchConfirmation(checked: mine?.values[HistorySearch.confirmationField] == "yes",
                                                      error: mine?.errors[HistorySearch.confirmationField]) }
                if let lateHonor, engine != .decline {
                    Forms.input("Honor even though the hold deadline has passed", name: "confirmAfterDeadline", value: "1", type: "checkbox",
                                error: mine?.errors["confirmAfterDeadline"], hint: "To honor, confirm: \(lateHonor).",
                                extra: mine?.values["confirmAfterDeadline"] == "1" ? [Attribute("checked", present: true)] : [], scope: "review.")
                }
                Forms.submit("Record review")
            }
        }
    }

    /// Record search pending (issue 25 §1): the engine has read no criminal history, so the review
    /// must be confirmed (`ReviewPolicy.reviewWithoutHistorySearchNeedsConfirmation`).
    private static func searchConfirmation(checked: Bool, error: String?) -> HTML {
        let id = Forms.fieldID("review." + HistorySearch.confirmationField)
        return el("div", .class(error == nil ? "field notice warn" : "field notice warn invalid")) {
            el("p") {
                el("strong", text: "Record search pending: ")
                HTML("no conviction, pending charge or criminal-history printout is on record for this person, so the engine has read none. Record what the search shows first (convictions above, the printout under Documents).")
            }
            if let error { el("span", .class("error"), .id(id + "-error"), text: error) }
            el("div", .class("check")) {
                void("input", attributes: [.type("checkbox"), .id(id), .name(HistorySearch.confirmationField), .value("yes"),
                                           Attribute("checked", present: checked)]
                     + (error == nil ? [] : [Attribute("aria-invalid", "true"), .aria(describedBy: id + "-error")]))
                el("label", .for(id), text: "Review without the criminal-history search")
            }
        }
    }

    /// Four-eyes (issue 23 §3): who proposed what and why, who decided it; for a pending one, the
    /// approve form (supervisors other than the proposer) and the reject (or withdraw) form.
    /// Approving an honor after the hold deadline asks for the same confirmation a review's honor does.
    private static func proposals(_ proposals: [Proposal], detainerID id: String, session: WebSession, state: FormState?, now: UTCInstant) -> HTML {
        el("section", .class("card"), Attribute("aria-labelledby", "proposals")) {
            el("h2", .id("proposals"), text: "Second-person approvals")
            for p in proposals {
                el("div", .class("stack")) {
                    el("p") {
                        el("strong", text: "Proposal \(p.id): \(Labels.proposalAct(p)) ")
                        el("span", .class(p.state == .pending ? "badge warn" : "badge"), text: Labels.proposalState(p.state))
                    }
                    el("p", text: "Proposed \(p.proposedAt.newYorkText) by \(p.proposedBy): \(p.reason)")
                    if let by = p.decidedBy, let at = p.decidedAt {
                        el("p", text: "\(Labels.proposalState(p.state)) \(at.newYorkText) by \(by)\(p.decisionNote.map { ": " + $0 } ?? "")")
                    }
                    if p.state == .pending {
                        let own = p.proposedBy == session.user.name
                        if session.user.role.may(.review), !own {
                            let mine = state?.form == "approve-\(p.id)" ? state : nil
                            el("form", .class("stack"), Attribute("method", "post"), Attribute("action", "/detainers/\(id)/proposals/\(p.id)/approve")) {
                                Forms.csrf(session)
                                Forms.textarea("Note (optional)", name: "note", value: mine?.values["note"], error: mine?.errors["note"], scope: "approve-\(p.id).")
                                if p.honors, let late = Deadlines.lateHonorWarning(holdDeadline: p.holdDeadline, now: now) {
                                    Forms.input("Honor even though the hold deadline has passed", name: "confirmAfterDeadline", value: "1", type: "checkbox",
                                                error: mine?.errors["confirmAfterDeadline"], hint: "To approve this honor, confirm: \(late).",
                                                extra: mine?.values["confirmAfterDeadline"] == "1" ? [Attribute("checked", present: true)] : [],
                                                scope: "approve-\(p.id).")
                                }
                                Forms.submit("Approve: put it into effect")
                            }
                        }
                        if session.user.role.may(.review) || own {
                            let mine = state?.form == "reject-\(p.id)" ? state : nil
                            el("form", .class("stack"), Attribute("method", "post"), Attribute("action", "/detainers/\(id)/proposals/\(p.id)/reject")) {
                                Forms.csrf(session)
                                Forms.textarea(own ? "Why withdraw it" : "Why reject it", name: "note", value: mine?.values["note"], error: mine?.errors["note"],
                                               required: true, scope: "reject-\(p.id).")
                                Forms.submit(own ? "Withdraw my proposal" : "Reject", style: "secondary")
                            }
                        }
                        if !own && !session.user.role.may(.review) {
                            el("p", .class("muted"), text: "Waiting for a supervisor other than \(p.proposedBy) to approve or reject it.")
                        }
                    }
                }
            }
        }
    }

    private static func statusForm(_ status: DetainerStatus, id: String, session: WebSession, state: FormState?) -> HTML {
        let mine = state?.form == "status" ? state : nil
        // Honor and decline are decisions: only a review makes them.
        let choices = status.allowedNext.filter { $0 != .honored && $0 != .declined }
        return el("section", .class("card"), Attribute("aria-labelledby", "status")) {
            el("h2", .id("status"), text: "Change status")
            el("form", .class("stack"), Attribute("method", "post"), Attribute("action", "/detainers/\(id)/status")) {
                Forms.csrf(session)
                Forms.select("New status", name: "to", options: [("", "choose…")] + choices.map { ($0.rawValue, Labels.status($0)) }, selected: mine?.values["to"],
                             error: mine?.errors["to"], required: true, scope: "status.")
                Forms.input("When", name: "at", value: mine?.values["at"], type: "datetime-local", error: mine?.errors["at"],
                            hint: "New York time; leave empty for now", scope: "status.")
                Forms.select("Why the hold ended", name: "cause", options: [("", "not applicable")] + HoldEndCause.allCases.map { ($0.rawValue, Labels.holdEndCause($0)) },
                             selected: mine?.values["cause"], error: mine?.errors["cause"],
                             hint: "Required to release a held person; counted by §9-131(f)(8) when the 48-hour hold expired or ICE disavowed custody", scope: "status.")
                Forms.textarea("Note", name: "note", value: mine?.values["note"], error: mine?.errors["note"], hint: "Required for \(Labels.status(.enteredInError))", scope: "status.")
                Forms.submit("Change status")
            }
        }
    }

    private static func contactForm(id: String, session: WebSession, state: FormState?) -> HTML {
        let mine = state?.form == "contact" ? state : nil
        let values = mine?.values ?? [:], errors = mine?.errors ?? [:]
        return el("section", .class("card"), Attribute("aria-labelledby", "contact")) {
            el("h2", .id("contact"), text: "Record a contact with ICE")
            el("form", Attribute("method", "post"), Attribute("action", "/detainers/\(id)/contacts")) {
                Forms.csrf(session)
                el("div", .class("fields")) {
                    Forms.select("Direction", name: "direction", options: [("in", "from ICE"), ("out", "to ICE")], selected: values["direction"],
                                 error: errors["direction"], required: true, scope: "contact.")
                    Forms.select("Kind", name: "kind", options: ContactKind.allCases.map { ($0.rawValue, Labels.contactKind($0)) }, selected: values["kind"],
                                 error: errors["kind"], required: true, scope: "contact.")
                    Forms.input("When", name: "at", value: values["at"], type: "datetime-local", error: errors["at"], hint: "New York time; empty for now", scope: "contact.")
                    Forms.select("Information asked about", name: "infoType", options: [("", "not applicable")] + InformationType.allCases.map { ($0.rawValue, Labels.informationType($0)) },
                                 selected: values["infoType"], error: errors["infoType"], scope: "contact.")
                    Forms.input("In reply to contact", name: "inReplyTo", value: values["inReplyTo"], error: errors["inReplyTo"],
                                hint: "for a response: the request's contact number, or latest (this detainer's newest request)", scope: "contact.")
                    Forms.select("Response", name: "outcome", options: [("", "not applicable"), ("provided", "information provided"), ("declined", "information declined")],
                                 selected: values["outcome"], error: errors["outcome"], scope: "contact.")
                    Forms.select("Warrant presented", name: "warrant", options: [("", "not applicable")] + WarrantKind.allCases.map { ($0.rawValue, Labels.warrant($0)) },
                                 selected: values["warrant"], error: errors["warrant"], scope: "contact.")
                    Forms.input("Warrant signed by", name: "warrantIssuer", value: values["warrantIssuer"], error: errors["warrantIssuer"], scope: "contact.")
                    Forms.input("Warrant date", name: "warrantDate", value: values["warrantDate"], type: "date", error: errors["warrantDate"], scope: "contact.")
                    Forms.select("Facilitated a transfer", name: "facilitatedTransfer", options: [("", "no"), ("yes", "yes: this response facilitated a transfer to ICE")],
                                 selected: values["facilitatedTransfer"], error: errors["facilitatedTransfer"], scope: "contact.")
                    Forms.select("Confirm despite §9-131(h)", name: "confirmDespite9131h",
                                 options: [("", "no"), ("yes", "yes: unrelated to civil immigration enforcement, or required by law")],
                                 selected: values["confirmDespite9131h"], error: errors["confirmDespite9131h"],
                                 hint: "only for a DOC response §9-131(h) would otherwise forbid; say which in the summary", scope: "contact.")
                }
                Forms.textarea("Summary", name: "summary", value: values["summary"], error: errors["summary"], required: true, scope: "contact.")
                Forms.submit("Record contact")
            }
        }
    }

    /// The detainer's columns listed by their record definition (DetainerRecord.columns).
    private static func detailFacts(_ d: DetainerRecord) -> [(String, String)] {
        DetainerDetail.listedFacts(of: d)
    }

    private static func timeline(_ detail: DetainerDetail) -> HTML {
        el("section", .class("card"), Attribute("aria-labelledby", "timeline")) {
            el("h2", .id("timeline"), text: "Timeline")
            el("ol", .class("timeline")) {
                for event in detail.timeline(words: Labels.timeline) {
                    el("li") {
                        Badges.time(event.at)
                        HTML(" — " + event.summary + " ")
                        el("span", .class("muted"), text: "(\(event.actor))")
                        if !event.details.isEmpty {
                            el("ul", .class("checks")) { for line in event.details { el("li", text: line) } }
                        }
                    }
                }
            }
        }
    }
}
