import DetainerDomain
import DetainerStore

/// The audit trail, newest first, and on request the result of `detainer check`.
enum AuditPage {
    static func render(entries: RecordSet, health: HealthReport?, entity: String?, entityID: Int64?, session: WebSession) -> HTML {
        Layout.page("Audit log", session: session, current: .audit) {
            el("h1", text: "Audit log")
            el("section", .class("card"), Attribute("aria-labelledby", "check")) {
                el("h2", .id("check"), text: "Integrity check")
                if let health {
                    let ok = health.items.allSatisfy(\.ok)
                    el("p", Attribute("role", "status")) {
                        el("span", .class(ok ? "badge ok" : "badge bad"), text: ok ? "all checks passed" : "problems found")
                    }
                    el("ul", .class("checks")) {
                        for item in health.items {
                            el("li") {
                                el("span", .class(item.ok ? "badge ok" : "badge bad"), text: item.ok ? "ok" : "FAIL")
                                HTML(" \(item.name): \(item.summary)")
                                if !item.problems.isEmpty { el("ul") { for problem in item.problems { el("li", text: problem) } } }
                            }
                        }
                    }
                } else {
                    el("p", text: "The check verifies the hash chain of every audit entry and every record against its last audit entry, as the command-line check does. It reads the whole database.")
                    if [.auditor, .admin].contains(session.user.role) {
                        el("form", Attribute("method", "get"), Attribute("action", "/audit")) {
                            void("input", .type("hidden"), .name("check"), .value("1"))
                            Forms.submit("Run the check now", style: "secondary")
                        }
                    } else {
                        el("p", .class("muted"), text: "Auditors and admins run it, one at a time.")
                    }
                }
            }
            el("form", .class("filters card"), Attribute("method", "get"), Attribute("action", "/audit"), Attribute("aria-label", "Filter the audit log")) {
                Forms.select("Entity", name: "entity", options: [("", "everything"), ("detainer", "detainer"), ("person", "person"), ("user", "user"),
                                                                 ("conviction", "conviction"), ("import", "import"), ("report", "report")],
                             selected: entity)
                Forms.input("Record id", name: "id", value: entityID.map(String.init), type: "number")
                Forms.submit("Filter", style: "secondary")
            }
            el("h2", text: "Entries (newest first, at most \(AuditRoutes.pageSize))")
            ScrollRegion.table("Audit log entries") {
                el("table", .class("cards")) {
                    el("thead") { el("tr") { for column in entries.columns { el("th", Attribute("scope", "col"), text: column) } } }
                    el("tbody") {
                        for row in entries.rows {
                            el("tr") {
                                for (column, cell) in zip(entries.columns, row) { el("td", Attribute("data-label", column), text: Self.shown(cell)) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A cell as people read it: a stored instant (`2026-03-02T15:00:00Z`) in New York time with
    /// its zone (issue 25 §3); the trail's CSV and JSON keep ISO UTC.
    static func shown(_ cell: JSONValue) -> String {
        let text = cell.cellText
        guard text.utf8.count == 20, text.hasSuffix("Z"), let instant = UTCInstant(parsing: text) else { return text }
        return instant.newYorkText
    }
}

/// Accounts: list, add, deactivate, set a password (admins only).
enum UsersPage {
    /// "password set; second factor active; 2 failed sign-ins since the last success".
    static func signInText(_ standing: (passwordSet: Bool, secondFactor: SecondFactorState)?, failures: Int) -> String {
        guard let standing else { return "unknown" }
        let factor = switch standing.secondFactor {
        case .active: "second factor active"
        case .pending: "second factor being set up"
        case .none: "no second factor"
        }
        var parts = [standing.passwordSet ? "password set" : "no password", factor]
        if failures > 0 { parts.append("\(failures) failed sign-in\(failures == 1 ? "" : "s") since the last success") }
        return parts.joined(separator: "; ")
    }

    /// `standings`: password and second factor by user id; `failures`: failed sign-ins by name
    /// since the last success (the server's throttle).
    static func render(users: [User], session: WebSession, errors: [String: String] = [:], values: [String: String] = [:], notice: String? = nil,
                       proposals: [Proposal] = [], standings: [Int64: (passwordSet: Bool, secondFactor: SecondFactorState)] = [:],
                       failures: [String: Int] = [:]) -> HTML {
        ErrorSummary.fill(Layout.page("Users", session: session, current: .users) {
            el("h1", text: "Users")
            if let notice { el("div", .class("notice success"), Attribute("role", "status"), text: notice) }
            ErrorSummary.slot(errors)
            ScrollRegion.table("Users") {
                el("table") {
                    el("thead") { el("tr") { for h in ["Name", "Role", "State", "Web sign-in", "Since", "Actions"] { el("th", Attribute("scope", "col"), text: h) } } }
                    el("tbody") {
                        for user in users {
                            el("tr") {
                                el("td", text: user.name)
                                el("td", text: user.role.rawValue)
                                el("td") { el("span", .class(user.active ? "badge ok" : "badge info"), text: user.active ? "active" : "deactivated") }
                                el("td", text: signInText(standings[user.id], failures: failures[user.name] ?? 0))
                                el("td") { Badges.time(user.deactivatedAt ?? user.createdAt) }
                                el("td") {
                                    if user.active {
                                        el("form", Attribute("method", "post"), Attribute("action", "/users/\(user.name)/password")) {
                                            Forms.csrf(session)
                                            Forms.input("New password for \(user.name)", name: "password", type: "password",
                                                        extra: [Attribute("autocomplete", "new-password"), Attribute("minlength", String(AccountPolicy.minimumPasswordLength))],
                                                        scope: "pw-\(user.name).")
                                            Forms.submit("Set password", style: "secondary")
                                        }
                                        if user.name != session.user.name {
                                            el("form", Attribute("method", "post"), Attribute("action", "/users/\(user.name)/role")) {
                                                Forms.csrf(session)
                                                Forms.select("New role for \(user.name)", name: "role", options: [("", "choose…")] + Role.allCases.filter { $0 != user.role }.map { ($0.rawValue, $0.rawValue) },
                                                             required: true, scope: "role-\(user.name).")
                                                Forms.input("Reason", name: "reason", hint: "Needed for supervisor or admin: a second admin approves", scope: "role-\(user.name).")
                                                Forms.submit("Change role", style: "secondary")
                                            }
                                            el("form", Attribute("method", "post"), Attribute("action", "/users/\(user.name)/deactivate")) {
                                                Forms.csrf(session)
                                                // Sessions end at once and undoing it takes two admins: a deliberate tick first.
                                                el("div", .class("check")) {
                                                    void("input", attributes: [.type("checkbox"), .id("confirm-\(user.name)"), .name("confirm"), .value("yes"),
                                                                               Attribute("required", present: true)])
                                                    el("label", .for("confirm-\(user.name)"), text: "Yes, deactivate \(user.name): their sessions end now")
                                                }
                                                if let error = errors["confirm-\(user.name)"] { el("span", .class("error"), text: error) }
                                                el("button", .type("submit"), .class("danger"), text: "Deactivate \(user.name)")
                                            }
                                        }
                                    } else {
                                        el("form", Attribute("method", "post"), Attribute("action", "/users/\(user.name)/reactivate")) {
                                            Forms.csrf(session)
                                            Forms.input("Reason", name: "reason", hint: "A second admin approves", required: true, scope: "reactivate-\(user.name).")
                                            Forms.submit("Propose reactivating \(user.name)", style: "secondary")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h2", .id("proposals"), text: "Waiting for a second admin (\(proposals.count))")
            if proposals.isEmpty { el("p", .class("muted"), text: "No account change is waiting for a second admin.") }
            for p in proposals {
                el("div", .class("card stack")) {
                    el("p", text: "Proposal \(p.id): \(p.act), proposed \(p.proposedAt.newYorkText) by \(p.proposedBy): \(p.reason)")
                    if p.proposedBy != session.user.name {
                        el("form", .class("stack"), Attribute("method", "post"), Attribute("action", "/users/proposals/\(p.id)/approve")) {
                            Forms.csrf(session)
                            Forms.input("Note (optional)", name: "note", scope: "approve-\(p.id).")
                            Forms.submit("Approve proposal \(p.id)")
                        }
                    }
                    el("form", .class("stack"), Attribute("method", "post"), Attribute("action", "/users/proposals/\(p.id)/reject")) {
                        Forms.csrf(session)
                        Forms.input(p.proposedBy == session.user.name ? "Why withdraw it" : "Why reject it", name: "note", required: true, scope: "reject-\(p.id).")
                        Forms.submit(p.proposedBy == session.user.name ? "Withdraw proposal \(p.id)" : "Reject proposal \(p.id)", style: "secondary")
                    }
                }
            }
            el("h2", text: "Add a user")
            el("form", .class("stack card"), Attribute("method", "post"), Attribute("action", "/users")) {
                Forms.csrf(session)
                Forms.input("User name", name: "name", value: values["name"], error: errors["name"], hint: "Letters, digits and . _ - @", required: true)
                Forms.select("Role", name: "role", options: [("", "choose…")] + Role.allCases.map { ($0.rawValue, $0.rawValue) }, selected: values["role"], error: errors["role"], required: true)
                Forms.input("Password", name: "password", type: "password", error: errors["password"],
                            hint: "At least \(AccountPolicy.minimumPasswordLength) characters; may be set later", extra: [Attribute("autocomplete", "new-password")])
                Forms.input("Reason", name: "reason", value: values["reason"], error: errors["reason"],
                            hint: "Needed to add a supervisor or admin: a second admin approves (set the password once approved)")
                Forms.submit("Add user")
            }
        }, errors: errors, intro: "Nothing was changed. Fix the \(errors.count == 1 ? "field" : "\(errors.count) fields") marked below:")
    }
}
