import DetainerDomain
import DetainerStore
import Hummingbird

/// Users admin (admins only, through `authorize(…, for: .manageUsers)` as in `detainer user`).
enum AdminRoutes {
    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/users") { request, context in
            let session = try context.requireSession()
            let users = try await office.read { db in
                _ = try db.authorize(session.user.name, for: .manageUsers)
                return try db.users()
            }
            let notice = request.uri.queryParameters.get("done").flatMap { done -> String? in
                switch done { case "add": "User added."; case "deactivate": "User deactivated; their sessions ended."; case "password": "Password set; their other sessions ended."; default: nil }
            }
            return Responses.html(UsersPage.render(users: users, session: session, notice: notice))
        }

        routes.post("/users") { request, context in
            let session = try context.requireSession()
            let form = try await FormData.read(request, context: context)
            let name = form["name"] ?? "", password = form.nonEmpty("password")
            do {
                guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
                    throw ValidationIssue(path: "role", message: "choose clerk, supervisor, auditor or admin")
                }
                if let password { try PasswordHashing.validate(password) }
                try await office.write { db in
                    let admin = try db.authorize(session.user.name, for: .manageUsers)
                    try db.addUser(name: name, role: role, by: admin)
                    if let password { try db.setPassword(userName: name, password: password, by: admin) }
                }
                return Responses.redirect(to: "/users?done=add")
            } catch {
                guard let errors = FormRequests.fieldErrors(error) else { throw error }
                let users = try await office.read { try $0.users() }
                return Responses.html(UsersPage.render(users: users, session: session, errors: errors, values: ["name": name, "role": form["role"] ?? ""]),
                                      status: .unprocessableContent)
            }
        }

        routes.post("/users/{name}/deactivate") { _, context in
            let session = try context.requireSession()
            let name = try context.parameters.require("name")
            try await office.write { db in
                _ = try db.deactivateUser(name: name, by: try db.authorize(session.user.name, for: .manageUsers))
            }
            return Responses.redirect(to: "/users?done=deactivate")
        }

        routes.post("/users/{name}/password") { request, context in
            let session = try context.requireSession()
            let name = try context.parameters.require("name")
            let form = try await FormData.read(request, context: context)
            do {
                try await office.write { db in
                    let admin = try db.authorize(session.user.name, for: .manageUsers)
                    try db.setPassword(userName: name, password: form["password"] ?? "", keepingSession: name == session.user.name ? session.id : nil, by: admin)
                }
                return Responses.redirect(to: "/users?done=password")
            } catch {
                guard let errors = FormRequests.fieldErrors(error) else { throw error }
                let users = try await office.read { try $0.users() }
                return Responses.html(UsersPage.render(users: users, session: session, errors: errors), status: .unprocessableContent)
            }
        }
    }
}
