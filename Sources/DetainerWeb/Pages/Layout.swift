import DetainerStore

/// The frame of every page: skip link, header with the office's navigation (only what the
/// signed-in role may use), the signed-in user and a sign-out button, and the main landmark.
enum Layout {
    enum Section: String, CaseIterable {
        case home, queue, detainers, intake, search, reports, audit, users, account

        var label: String {
            switch self {
            case .home: "Home"
            case .queue: "Queue"
            case .detainers: "Detainers"
            case .intake: "Intake"
            case .search: "Search"
            case .reports: "Reports"
            case .audit: "Audit log"
            case .users: "Users"
            case .account: "Account"
            }
        }

        var path: String { self == .home ? "/" : "/" + rawValue }

        func visible(to role: Role) -> Bool {
            switch self {
            case .intake: role.may(.intake)
            case .reports: role.may(.report)
            case .users: role.may(.manageUsers)
            default: true
            }
        }
    }

    static func page(_ title: String, session: WebSession?, current: Section? = nil, @HTMLBuilder content: () -> HTML) -> HTML {
        el("html", Attribute("lang", "en")) {
            el("head") {
                void("meta", Attribute("charset", "utf-8"))
                void("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                el("title", text: title + " · Detainer office")
                void("link", Attribute("rel", "stylesheet"), .href("/assets/app.css"))
                el("script", Attribute("src", "/assets/app.js"), Attribute("defer", present: true)) { HTML() }
            }
            el("body") {
                el("a", .class("skip"), .href("#main"), text: "Skip to content")
                el("header", .class("top")) {
                    if TrainingMiddleware.isTraining {
                        el("p", .class("training-banner"), text: "TRAINING database: practice data, not an official record.")
                    }
                    el("div", .class("bar")) {
                        el("a", .class("title"), .href("/"), text: "NYC Detainer Office")
                        if let session {
                            el("nav", Attribute("aria-label", "Main")) {
                                el("ul") {
                                    for section in Section.allCases where section.visible(to: session.user.role) {
                                        el("li") {
                                            if section == current {
                                                el("a", .href(section.path), Attribute("aria-current", "page"), text: section.label)
                                            } else {
                                                el("a", .href(section.path), text: section.label)
                                            }
                                        }
                                    }
                                }
                            }
                            el("div", .class("who")) {
                                el("span", text: "\(session.user.name) (\(session.user.role.rawValue))")
                                el("form", Attribute("method", "post"), Attribute("action", "/logout")) {
                                    Forms.csrf(session)
                                    el("button", .type("submit"), text: "Sign out")
                                }
                            }
                        }
                    }
                }
                el("main", .id("main"), Attribute("tabindex", "-1")) {
                    content()
                }
            }
        }
    }
}

/// The page for an error a page route could not handle itself.
enum ErrorPage {
    static func render(_ problem: Problem, session: WebSession?) -> HTML {
        Layout.page("\(problem.status.code) \(problem.status.reasonPhrase)", session: session) {
            el("h1", text: problem.status.reasonPhrase)
            el("div", .class("notice error"), Attribute("role", "alert")) {
                el("p", text: problem.message)
                if !problem.issues.isEmpty, problem.issues.count > 1 {
                    el("ul") { for issue in problem.issues { el("li", text: issue.description) } }
                }
            }
            el("p") { el("a", .href("/queue"), text: "Back to the queue") }
        }
    }
}
