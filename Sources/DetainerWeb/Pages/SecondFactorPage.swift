import DetainerStore

/// The second-factor pages. The secret and the recovery codes appear once, in the answer to the
/// POST that made them; no GET ever shows them again.
enum SecondFactorPage {
    static func overview(session: WebSession, state: SecondFactorState, recoveryCodesLeft: Int, required: Bool, error: String? = nil) -> HTML {
        Layout.page("Second factor", session: session, current: .account) {
            el("h1", text: "Second factor")
            if let error { el("div", .class("notice error"), Attribute("role", "alert"), text: error) }
            if session.awaitingSecondFactor {
                el("div", .class("notice"), Attribute("role", "status"),
                   text: "Your role (\(session.user.role.rawValue)) signs in with a second factor on this database. Set one up to continue.")
            }
            el("div", .class("card stack")) {
                switch state {
                case .active:
                    el("p", text: "An authenticator app is set up. \(recoveryCodesLeft) unused recovery code\(recoveryCodesLeft == 1 ? "" : "s") left.")
                case .pending:
                    el("p", text: "Set-up was begun but not finished. Start again to see a new secret.")
                case .none:
                    el("p", text: required ? "Not set up yet: you need it to sign in." : "Not set up (not required for your role).")
                }
                if state != .active {
                    el("form", Attribute("method", "post"), Attribute("action", SecondFactorRoutes.begin)) {
                        Forms.csrf(session)
                        Forms.submit("Set up an authenticator app")
                    }
                }
            }
        }
    }

    static func enrol(session: WebSession, enrolment: TOTPEnrolment, error: String?) -> HTML {
        Layout.page("Set up a second factor", session: session, current: .account) {
            el("h1", text: "Set up an authenticator app")
            el("div", .class("card stack")) {
                el("p", text: "Scan this code with an authenticator app (any app that supports TOTP, RFC 6238), or type the secret below into it.")
                QRCodeSVG.render(enrolment.uri, label: "QR code of the authenticator set-up link")
                el("dl", .class("facts")) {
                    el("dt", text: "Secret"); el("dd") { el("code", .id("totp-secret"), text: enrolment.secret) }
                    el("dt", text: "Link"); el("dd") { el("code", .id("totp-uri"), text: enrolment.uri) }
                }
                el("p", .class("muted"), text: "This secret is shown only now. Leaving this page without confirming leaves nothing set up.")
            }
            el("form", .class("stack card"), Attribute("method", "post"), Attribute("action", SecondFactorRoutes.confirm)) {
                Forms.csrf(session)
                Forms.input("Code from the app", name: "code", error: error, hint: "Six digits.", required: true,
                            extra: [Attribute("autocomplete", "one-time-code"), Attribute("inputmode", "numeric")])
                Forms.submit("Confirm")
            }
        }
    }

    static func recoveryCodes(session: WebSession, codes: [String]) -> HTML {
        Layout.page("Recovery codes", session: session, current: .account) {
            el("h1", text: "Second factor set up")
            el("div", .class("card stack")) {
                el("p", text: "Write these recovery codes down and keep them somewhere safe. Each signs you in once instead of the app's code, if the phone is lost. They are shown only now; only their hashes are kept.")
                el("ol", .id("recovery-codes")) {
                    for code in codes { el("li") { el("code", text: code) } }
                }
                el("p") { el("a", .href("/queue"), text: "Continue") }
            }
        }
    }
}
