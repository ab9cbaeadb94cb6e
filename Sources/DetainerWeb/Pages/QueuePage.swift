import DetainerDomain
import DetainerStore

/// The home page: everything that needs action, most urgent first, with countdowns.
enum QueuePage {
    static let agencies = Agency.allCases.map(\.rawValue)

    static func render(_ queue: ActionQueue, filter: QueueFilter, session: WebSession, proposals: [Proposal] = []) -> HTML {
        Layout.page("Queue", session: session, current: .queue) {
            el("h1", text: "What needs action")
            filters(filter)
            if queue.truncated {
                el("div", .class("notice"), Attribute("role", "status"), text: "Some lists show only their \(ActionQueue.limit) most urgent entries; narrow the filters to see the rest.")
            }
            // A decline's countdown runs to the release, so "past" is past either (as the home page says).
            section("Past the release or the hold deadline", id: "past-deadline", queue, .pastDeadline,
                    empty: "No open detainer is past its release or hold deadline.")
            if !proposals.isEmpty { proposalSection(proposals) }
            section("Pending review", id: "pending-review", queue, .pendingReview,
                    empty: "Nothing is waiting for a supervisor's review.")
            section("NYPD holds pending a judicial warrant", id: "holds", queue, .holdsPendingWarrant,
                    empty: "No NYPD hold is waiting for a warrant.")
            section("Honored: awaiting transfer to ICE", id: "awaiting-transfer", queue, .awaitingTransfer,
                    empty: "No honored detainer is awaiting transfer.")
            el("p", .class("muted"), text: "Times are New York time. Countdowns run to the hold deadline, or to the scheduled release when the engine says decline (no lawful hold: release on time).")
        }
    }

    /// Acts waiting for a second person (issue 23 §3), the earliest hold deadline first.
    private static func proposalSection(_ proposals: [Proposal]) -> HTML {
        el("section", Attribute("aria-labelledby", "proposals")) {
            el("h2", .id("proposals"), text: "Waiting for a second person (\(proposals.count))")
            ScrollRegion.table("Proposals waiting for a second person") {
                el("table") {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col"), text: "Detainer")
                            el("th", Attribute("scope", "col"), text: "Proposal")
                            el("th", Attribute("scope", "col"), text: "Proposed by")
                            el("th", Attribute("scope", "col"), text: "Hold deadline")
                        }
                    }
                    el("tbody") {
                        for p in proposals {
                            el("tr") {
                                el("td") {
                                    if let detainer = p.detainerID { el("a", .href("/detainers/\(detainer)#proposals"), text: "#\(detainer)") }
                                    else { el("a", .href("/users#proposals"), text: "account") }
                                }
                                el("td", text: Labels.proposalAct(p))
                                el("td", text: "\(p.proposedBy), \(p.proposedAt.newYorkText)")
                                el("td") { Badges.time(p.holdDeadline) }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func filters(_ filter: QueueFilter) -> HTML {
        el("form", .class("filters card"), Attribute("method", "get"), Attribute("action", "/queue"), Attribute("aria-label", "Filter the queue")) {
            Forms.select("Agency", name: "agency", options: [("", "All agencies")] + agencies.map { ($0, $0) }, selected: filter.agency?.rawValue)
            Forms.select("Engine outcome", name: "outcome",
                         options: [("", "Any outcome")] + Outcome.allCases.map { ($0.rawValue, Labels.outcome($0)) },
                         selected: filter.outcome?.rawValue)
            Forms.submit("Filter", style: "secondary")
        }
    }

    private static func section(_ title: String, id: String, _ queue: ActionQueue, _ group: ActionQueue.Group, empty: String) -> HTML {
        let items = queue.items(group), total = queue.total(group)
        return el("section", Attribute("aria-labelledby", id)) {
            el("h2", .id(id), text: total > items.count ? "\(title) (\(items.count) most urgent of \(total))" : "\(title) (\(total))")
            if items.isEmpty {
                el("p", .class("muted"), text: empty)
            } else {
                ScrollRegion.table(title) {
                    el("table", .class("cards")) {
                        el("thead") {
                            el("tr") {
                                el("th", Attribute("scope", "col"), text: "Time left")
                                el("th", Attribute("scope", "col"), text: "Detainer")
                                el("th", Attribute("scope", "col"), text: "Person")
                                el("th", Attribute("scope", "col"), text: "Agency")
                                el("th", Attribute("scope", "col"), text: "Status")
                                el("th", Attribute("scope", "col"), text: "Engine")
                                el("th", Attribute("scope", "col"), text: "Due")
                            }
                        }
                        el("tbody") {
                            for item in items {
                                el("tr") {
                                    el("td", Attribute("data-label", "Time left")) { Badges.countdown(deadline: item.countdown?.at, secondsLeft: item.secondsLeft) }
                                    el("td", Attribute("data-label", "Detainer")) { el("a", .href("/detainers/\(item.detainerID)"), text: "#\(item.detainerID)") }
                                    el("td", Attribute("data-label", "Person"), text: item.person)
                                    el("td", Attribute("data-label", "Agency"), text: item.agency.rawValue)
                                    el("td", Attribute("data-label", "Status")) {
                                        Badges.status(item.status)
                                        if item.needsAttention { HTML(" "); el("span", .class("badge bad"), text: "law no longer allows the hold") }
                                        if item.releaseNow { HTML(" "); el("span", .class("badge bad"), text: "release now: hold deadline passed without a judicial warrant") }
                                        if item.searchPending && item.needs.contains(.review) { HTML(" "); el("span", .class("badge warn"), text: "record search pending") }
                                        if item.reviewPastRelease { HTML(" "); el("span", .class("badge bad"), text: "past the scheduled release: decide now") }
                                    }
                                    el("td", Attribute("data-label", "Engine")) { Badges.outcome(item.outcome) }
                                    el("td", Attribute("data-label", "Due")) { Badges.due(item.countdown) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
