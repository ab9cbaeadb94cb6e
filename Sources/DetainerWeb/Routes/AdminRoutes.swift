import DetainerDomain
import DetainerStore
import Hummingbird

/// Users admin (admins only, through `authorize(…, for: .manageUsers)` as in `detainer user`).
enum AdminRoutes {
    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/users") { request, context in
            let session = try context.requireSession()
            let (users, proposals, standings) = try await office.read { db in
                _ = try db.accounts.authorize(session.user.name, for: .manageUsers)
                return (try db.accounts.users(), try ProposalService(db).pending().filter { $0.kind == "user" }, try db.accounts.signInStandings())
            }
            let failures = Dictionary(uniqueKeysWithValues: users.map { ($0.name, office.signInThrottle.failures(name: $0.name)) })
            let notice = request.uri.queryParameters.get("done").flatMap { done -> String? in
                switch done {
                case "add": "User added."
                case "deactivate": "User deactivated; their sessions ended."
                case "password": "Password set; their other sessions ended."
                case "role": "Role changed."
                case "reactivate": "User reactivated."
                case "proposed": "Not yet in effect: this needs a second admin. It is recorded as a proposal below; another admin approves it."
                case "approve": "Proposal approved: the change is now in effect."
                case "reject": "Proposal closed; nothing else changed."
                default: nil
                }
            }
            return Responses.html(UsersPage.render(users: users, session: session, notice: notice, proposals: proposals,
                                                   standings: standings, failures: failures))
        }

        routes.post("/users") { request, context in
            let session = try context.requireSession()
            let form = try await FormData.read(request, context: context)
            let name = form["name"] ?? "", password = form.nonEmpty("password")
            do {
                guard let role = form["role"].flatMap(Role.init(anyCase:)) else {
                    throw ValidationIssue(path: "role", message: "choose clerk, supervisor, auditor or admin")
                }
                if let password { try PasswordHashing.validate(password) }
                let done = try await office.write { db in
                    let admin = try db.accounts.authorize(session.user.name, for: .manageUsers)
                    do {
                        try db.accounts.addUser(name: name, role: role, by: admin)
                    } catch is SecondPersonRequired {
                        // A supervisor or admin needs a second admin; the password is set once the account exists.
                        _ = try ProposalService(db).propose(detainerID: nil, .user(.add(name: name, role: role, osLogin: nil), reason: form["reason"] ?? ""), by: admin)
                        return "proposed"
                    }
                    if let password { try db.accounts.setPassword(userName: name, password: password, by: admin) }
                    return "add"
                }
                return Responses.redirect(to: "/users?done=\(done)")
            } catch {
                guard let errors = FormRequests.fieldErrors(error) else { throw error }
                let (users, proposals) = try await office.read { db in (try db.accounts.users(), try ProposalService(db).pending().filter { $0.kind == "user" }) }
                return Responses.html(UsersPage.render(users: users, session: session, errors: errors, values: ["name": name, "role": form["role"] ?? "", "reason": form["reason"] ?? ""],
                                                       proposals: proposals), status: .unprocessableContent)
            }
        }

        routes.post("/users/{name}/deactivate") { request, context in
            let session = try context.requireSession()
            let name = try context.parameters.require("name")
            let form = try await FormData.read(request, context: context)
            // The confirmation box, checked here too: a form posted without it changes nothing.
            guard form["confirm"] == "yes" else {
                let (users, proposals) = try await office.read { db in
                    _ = try db.accounts.authorize(session.user.name, for: .manageUsers)
                    return (try db.accounts.users(), try ProposalService(db).pending().filter { $0.kind == "user" })
                }
                return Responses.html(UsersPage.render(users: users, session: session,
                                                       errors: ["confirm-\(name)": "tick \"Yes, deactivate \(name)\" to confirm"], proposals: proposals),
                                      status: .unprocessableContent)
            }
            try await office.write { db in
                _ = try db.accounts.deactivateUser(name: name, by: try db.accounts.authorize(session.user.name, for: .manageUsers))
            }
            return Responses.redirect(to: "/users?done=deactivate")
        }

        // Granting supervisor or admin and reactivating need a second admin (issue 23 §3): the
        // request becomes a proposal, listed on this page for another admin.
        for (path, done) in [("/users/{name}/role", "role"), ("/users/{name}/reactivate", "reactivate")] {
            routes.post(path) { request, context in
                let session = try context.requireSession()
                let name = try context.parameters.require("name")
                let form = try await FormData.read(request, context: context)
                let outcome = try await office.write { db in
                    let admin = try db.accounts.authorize(session.user.name, for: .manageUsers)
                    let act: UserAct
                    if done == "role" {
                        guard let role = form["role"].flatMap(Role.init(anyCase:)) else {
                            throw ValidationIssue(path: "role", message: "choose clerk, supervisor, auditor or admin")
                        }
                        act = .role(name: name, role: role)
                    } else {
                        act = .reactivate(name: name)
                    }
                    do {
                        switch act {
                        case .role(_, let role): _ = try db.accounts.changeRole(name: name, to: role, by: admin)
                        default: _ = try db.accounts.reactivateUser(name: name, by: admin)
                        }
                        return done
                    } catch is SecondPersonRequired {
                        _ = try ProposalService(db).propose(detainerID: nil, .user(act, reason: form["reason"] ?? ""), by: admin)
                        return "proposed"
                    }
                }
                return Responses.redirect(to: "/users?done=\(outcome)")
            }
        }

        routes.post("/users/proposals/{id}/approve") { request, context in
            let session = try context.requireSession()
            let id = try context.id()
            let form = try await FormData.read(request, context: context)
            _ = try await office.write { db in
                try ProposalService(db).approve(proposalID: id, note: form.nonEmpty("note"), by: try db.accounts.authorize(session.user.name, for: .manageUsers)).0
            }
            return Responses.redirect(to: "/users?done=approve")
        }

        routes.post("/users/proposals/{id}/reject") { request, context in
            let session = try context.requireSession()
            let id = try context.id()
            let form = try await FormData.read(request, context: context)
            _ = try await office.write { db in
                try ProposalService(db).reject(proposalID: id, note: form.nonEmpty("note"), by: try db.accounts.authorize(session.user.name, for: .manageUsers))
            }
            return Responses.redirect(to: "/users?done=reject")
        }

        routes.post("/users/{name}/password") { request, context in
            let session = try context.requireSession()
            let name = try context.parameters.require("name")
            let form = try await FormData.read(request, context: context)
            do {
                try await office.write { db in
                    let admin = try db.accounts.authorize(session.user.name, for: .manageUsers)
                    try db.accounts.setPassword(userName: name, password: form["password"] ?? "", keepingSession: name == session.user.name ? session.id : nil, by: admin)
                }
                return Responses.redirect(to: "/users?done=password")
            } catch {
                guard let errors = FormRequests.fieldErrors(error) else { throw error }
                let users = try await office.read { try $0.accounts.users() }
                return Responses.html(UsersPage.render(users: users, session: session, errors: errors), status: .unprocessableContent)
            }
        }
    }
}
