import DetainerStore

enum LoginPage {
    static func render(next: String?, username: String?, message: String?) -> HTML {
        Layout.page("Sign in", session: nil) {
            el("div", .class("login card")) {
                el("h1", text: "Sign in")
                if let message { el("div", .class("notice error"), Attribute("role", "alert"), text: message) }
                el("form", .class("stack"), Attribute("method", "post"), Attribute("action", "/login")) {
                    void("input", .type("hidden"), .name("next"), .value(Responses.safeNext(next)))
                    Forms.input("User name", name: "username", value: username, required: true,
                                extra: [Attribute("autocomplete", "username"), Attribute("autofocus", present: username == nil)])
                    Forms.input("Password", name: "password", type: "password", required: true,
                                extra: [Attribute("autocomplete", "current-password"), Attribute("autofocus", present: username != nil)])
                    Forms.input("One-time code", name: "code",
                                hint: "Supervisors and admins: the six digits your authenticator app shows, or one of your recovery codes.",
                                extra: [Attribute("autocomplete", "one-time-code"), Attribute("inputmode", "numeric")])
                    Forms.submit("Sign in")
                }
                el("p", .class("muted"), text: "Sessions end after \(AccountPolicy.idleTimeoutSeconds / 60) idle minutes, and after \(AccountPolicy.absoluteLifetimeSeconds / 3600) hours in any case. After \(AccountPolicy.freeFailuresPerAddress) failed sign-ins, each further try from the same place waits longer (up to \(AccountPolicy.maximumAddressDelaySeconds / 60) minutes); no account is ever locked.")
            }
        }
    }
}

enum AccountPage {
    static func render(session: WebSession, errors: [String: String], done: Bool) -> HTML {
        ErrorSummary.fill(Layout.page("Account", session: session, current: .account) {
            el("h1", text: "Your account")
            el("div", .class("card")) {
                el("dl", .class("facts")) {
                    el("dt", text: "User name"); el("dd", text: session.user.name)
                    el("dt", text: "Role"); el("dd", text: session.user.role.rawValue)
                    el("dt", text: "Signed in"); el("dd") { Badges.time(session.createdAt) }
                }
                el("p") { el("a", .href(SecondFactorRoutes.page), text: "Second factor (authenticator app and recovery codes)") }
            }
            el("h2", text: "Change password")
            if done { el("div", .class("notice success"), Attribute("role", "status"), text: "Password changed. Your other sessions were signed out.") }
            ErrorSummary.slot(errors)
            el("form", .class("stack card"), Attribute("method", "post"), Attribute("action", "/account/password")) {
                Forms.csrf(session)
                Forms.input("Current password", name: "current_password", type: "password", error: errors["current_password"], required: true,
                            extra: [Attribute("autocomplete", "current-password")])
                Forms.input("New password", name: "new_password", type: "password", error: errors["new_password"],
                            hint: "At least \(AccountPolicy.minimumPasswordLength) characters; a phrase is easiest to remember.", required: true,
                            extra: [Attribute("autocomplete", "new-password")])
                Forms.input("New password again", name: "confirm_password", type: "password", error: errors["confirm_password"], required: true,
                            extra: [Attribute("autocomplete", "new-password")])
                Forms.submit("Change password")
            }
        }, errors: errors, intro: "The password was not changed. Fix the \(errors.count == 1 ? "field" : "\(errors.count) fields") marked below:")
    }
}
