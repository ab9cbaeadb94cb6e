import DetainerDomain
import DetainerStore

/// The dashboard each person lands on (issue 25 §2), from the same `DeadlineDigest` as
/// `detainer digest`. What it shows follows the role:
/// - clerk: past release or deadline, due in the next 24 hours, today's intakes (they log them);
/// - supervisor: the same, led by acts awaiting a second supervisor (they approve them);
/// - auditor: the counts and today's intakes, with the reports (they count, they do not act);
/// - admin: account changes awaiting a second admin, and the counts.
enum HomePage {
    static func render(_ digest: DeadlineDigest, session: WebSession) -> HTML {
        let role = session.user.role
        let detainerProposals = digest.proposals.filter { $0.detainerID != nil }
        let accountProposals = digest.proposals.filter { $0.detainerID == nil }
        return Layout.page("Home", session: session, current: .home) {
            el("h1", text: "Good to see you, \(session.user.name)")
            el("p", .class("muted"), text: "As of \(Badges.newYork(digest.now)); today is \(digest.today) in New York. A decline's countdown runs to the scheduled release (no lawful hold); every other to its hold deadline.")
            summary(digest, detainerProposals: detainerProposals.count, accountProposals: accountProposals.count, role: role)
            if digest.truncated {
                el("div", .class("notice"), Attribute("role", "status"), text: "Some lists were cut at \(DeadlineDigest.limit) rows; the queue lists them all.")
            }
            switch role {
            case .supervisor:
                proposals("Awaiting a second supervisor", id: "proposals", detainerProposals, empty: "No act is waiting for a second supervisor.")
                items("Past release or deadline: act now", id: "past", digest.past, now: digest.now, empty: "Nothing is past its release or deadline.")
                items("Due in the next \(digest.hours) hours", id: "due-soon", digest.dueSoon, now: digest.now, empty: "Nothing falls due in the next \(digest.hours) hours.")
                intakes(digest)
            case .clerk:
                items("Past release or deadline: act now", id: "past", digest.past, now: digest.now, empty: "Nothing is past its release or deadline.")
                items("Due in the next \(digest.hours) hours", id: "due-soon", digest.dueSoon, now: digest.now, empty: "Nothing falls due in the next \(digest.hours) hours.")
                intakes(digest)
                el("p") { el("a", .href("/intake"), text: "Log a detainer") }
            case .auditor:
                intakes(digest)
                el("p") { el("a", .href("/reports"), text: "Reports") ; HTML(" · "); el("a", .href("/detainers"), text: "All detainers") }
            case .admin:
                proposals("Account changes awaiting a second admin", id: "proposals", accountProposals, empty: "No account change is waiting for a second admin.")
                el("p") { el("a", .href("/users"), text: "Users") ; HTML(" · "); el("a", .href("/audit"), text: "Audit log") }
            }
        }
    }

    /// The counts as a short list of links, for every role.
    private static func summary(_ digest: DeadlineDigest, detainerProposals: Int, accountProposals: Int, role: Role) -> HTML {
        // Roles whose page lists the detainers link to the lists below; the others to the queue.
        let listsHere = role == .clerk || role == .supervisor
        return el("ul", .class("summary"), Attribute("aria-label", "At a glance")) {
            el("li") { el("a", .href(listsHere ? "#past" : "/queue"), text: "\(digest.past.count) past release or deadline") }
            el("li") { el("a", .href(listsHere ? "#due-soon" : "/queue"), text: "\(digest.dueSoon.count) due in the next \(digest.hours) hours") }
            el("li") { el("a", .href(role == .admin ? "/detainers?from=\(digest.today)&to=\(digest.today)" : "#intakes"), text: "\(digest.intakesToday.count) logged today") }
            el("li", text: "\(role == .admin ? accountProposals : detainerProposals) awaiting a second approval")
        }
    }

    private static func items(_ title: String, id: String, _ list: [QueueItem], now: UTCInstant, empty: String) -> HTML {
        el("section", Attribute("aria-labelledby", id)) {
            el("h2", .id(id), text: "\(title) (\(list.count))")
            if list.isEmpty {
                el("p", .class("muted"), text: empty)
            } else {
                el("div", .class("table-wrap"), Attribute("tabindex", "0"), Attribute("aria-label", title)) {
                    el("table", .class("cards")) {
                        el("thead") {
                            el("tr") {
                                for heading in ["Time left", "Detainer", "Person", "Agency", "Status", "Due"] { el("th", Attribute("scope", "col"), text: heading) }
                            }
                        }
                        el("tbody") {
                            for item in list {
                                el("tr") {
                                    el("td", Attribute("data-label", "Time left")) { Badges.countdown(deadline: item.countdown?.at, secondsLeft: item.secondsLeft) }
                                    el("td", Attribute("data-label", "Detainer")) { el("a", .href("/detainers/\(item.detainerID)"), text: "#\(item.detainerID)") }
                                    el("td", Attribute("data-label", "Person"), text: item.person)
                                    el("td", Attribute("data-label", "Agency"), text: item.agency.rawValue)
                                    el("td", Attribute("data-label", "Status")) {
                                        Badges.status(item.status)
                                        if item.reviewPastRelease { HTML(" "); el("span", .class("badge bad"), text: "past the scheduled release: decide now") }
                                        if item.releaseNow { HTML(" "); el("span", .class("badge bad"), text: "release now") }
                                    }
                                    el("td", Attribute("data-label", "Due")) { Badges.due(item.countdown) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func intakes(_ digest: DeadlineDigest) -> HTML {
        el("section", Attribute("aria-labelledby", "intakes")) {
            el("h2", .id("intakes"), text: "Logged today, \(digest.today) (\(digest.intakesToday.count))")
            if digest.intakesToday.isEmpty {
                el("p", .class("muted"), text: "No detainer has been logged today.")
            } else {
                el("ul") {
                    for i in digest.intakesToday {
                        el("li") {
                            el("a", .href("/detainers/\(i.detainerID)"), text: "#\(i.detainerID)")
                            HTML(" \(i.agency) \(i.person ?? "") ")
                            Badges.status(i.status)
                            HTML(" ")
                            Badges.outcome(i.outcome)
                            HTML(" received ")
                            Badges.time(i.receivedAt)
                        }
                    }
                }
            }
        }
    }

    private static func proposals(_ title: String, id: String, _ list: [Proposal], empty: String) -> HTML {
        el("section", Attribute("aria-labelledby", id)) {
            el("h2", .id(id), text: "\(title) (\(list.count))")
            if list.isEmpty {
                el("p", .class("muted"), text: empty)
            } else {
                el("ul") {
                    for p in list {
                        el("li") {
                            if let detainer = p.detainerID { el("a", .href("/detainers/\(detainer)#proposals"), text: "#\(detainer)") }
                            else { el("a", .href("/users#proposals"), text: "account") }
                            HTML(" \(Labels.proposalAct(p)), proposed by \(p.proposedBy) \(Badges.newYork(p.proposedAt))")
                            if let deadline = p.holdDeadline { HTML("; races "); Badges.time(deadline) }
                        }
                    }
                }
            }
        }
    }
}
