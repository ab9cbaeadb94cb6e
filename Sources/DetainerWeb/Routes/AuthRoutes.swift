import DetainerDomain
import DetainerStore
import Hummingbird

/// Sign-in, sign-out and the signed-in user's own password, for pages and the API.
enum AuthRoutes {
    static func register(_ routes: RouteBook, office: Office, cookies: SessionCookies) {
        routes.get("/login") { request, context in
            if context.session != nil { return Responses.redirect(to: "/") }
            return Responses.html(LoginPage.render(next: request.uri.queryParameters.get("next"), username: nil, message: nil))
        }

        routes.post("/login") { request, context in
            let form = try await FormData.read(request, context: context)
            let name = form["username"] ?? ""
            let next = form["next"]
            switch try await SignIn.attempt(office: office, name: name, password: form["password"] ?? "", secondFactor: form["code"],
                                            address: context.remoteAddress, logger: context.logger) {
            case .signedIn(let session, let token):
                var response = Responses.redirect(to: session.awaitingSecondFactor ? SecondFactorRoutes.page : Responses.safeNext(next))
                response.setCookie(cookies.session(token))
                return response
            case .refused:
                return Responses.html(LoginPage.render(next: next, username: name, message: "That user name, password and one-time code do not match an active account."),
                                      status: .unauthorized)
            case .throttled(let seconds):
                var response = Responses.html(LoginPage.render(next: next, username: name,
                                                               message: "Too many failed sign-ins: wait \(ThrottleText.wait(seconds)) before trying again. Nothing was checked."),
                                              status: .tooManyRequests)
                response.headers[.retryAfter] = String(seconds)
                return response
            }
        }

        routes.post("/logout") { _, context in
            if let session = context.session { try await office.write { try $0.accounts.endWebSession(session, reason: .signout) } }
            var response = Responses.redirect(to: "/login")
            response.setCookie(cookies.cleared())
            return response
        }

        routes.post("/api/v1/login") { request, context in
            // JSON, or the sign-in form's fields for clients that post forms.
            let name: String, password: String, code: String?
            if FormData.isForm(request) {
                let form = try await FormData.read(request, context: context)
                (name, password, code) = (form["username"] ?? "", form["password"] ?? "", form["code"])
            } else {
                let body = try await APIBody.decode(LoginBody.self, request, context: context)
                (name, password, code) = (body.username, body.password, body.code)
            }
            switch try await SignIn.attempt(office: office, name: name, password: password, secondFactor: code,
                                            address: context.remoteAddress, logger: context.logger) {
            case .signedIn(let session, let token):
                var response = Responses.json(.object([
                    "user": APIJSON.user(session.user),
                    "csrfToken": .string(session.csrfToken),
                    "idleTimeoutSeconds": .int(AccountPolicy.idleTimeoutSeconds),
                    "secondFactorEnrolmentRequired": .bool(session.awaitingSecondFactor),
                ]))
                response.setCookie(cookies.session(token))
                return response
            case .refused:
                return Responses.json(Problem(.unauthorized, "user name, password and one-time code do not match an active account").json, status: .unauthorized)
            case .throttled(let seconds):
                var response = Responses.json(Problem(.tooManyRequests, "too many failed sign-ins: wait \(seconds) s before trying again; nothing was checked").json,
                                              status: .tooManyRequests)
                response.headers[.retryAfter] = String(seconds)
                return response
            }
        }

        routes.post("/api/v1/logout") { _, context in
            let session = try context.requireSession()
            try await office.write { try $0.accounts.endWebSession(session, reason: .signout) }
            var response = Response(status: .noContent)
            response.setCookie(cookies.cleared())
            return response
        }

        routes.get("/account") { _, context in
            let session = try context.requireSession()
            return Responses.html(AccountPage.render(session: session, errors: [:], done: false))
        }

        routes.post("/account/password") { request, context in
            let session = try context.requireSession()
            let form = try await FormData.read(request, context: context)
            let current = form["current_password"] ?? "", new = form["new_password"] ?? "", again = form["confirm_password"] ?? ""
            var errors: [String: String] = [:]
            switch try await SignIn.verify(office: office, name: session.user.name, password: current, address: context.remoteAddress) {
            case true?: break
            case false?: errors["current_password"] = "does not match your current password"
            case nil: errors["current_password"] = "too many wrong passwords: wait a moment before trying again (nothing was checked)"
            }
            if new != again { errors["confirm_password"] = "does not match the new password" }
            if errors.isEmpty {
                do {
                    _ = try await office.write { db in
                        let actor = try db.accounts.activeActor(named: session.user.name)
                        return try db.accounts.setPassword(userName: session.user.name, password: new, keepingSession: session.id, by: actor)
                    }
                    return Responses.html(AccountPage.render(session: session, errors: [:], done: true))
                } catch let issue as ValidationIssue {
                    errors[issue.path == "password" ? "new_password" : issue.path] = issue.message
                }
            }
            return Responses.html(AccountPage.render(session: session, errors: errors, done: false), status: .unprocessableContent)
        }
    }
}

struct LoginBody: Decodable, KnownKeys {
    static let knownKeys: Set<String> = ["username", "password", "code"]
    let username: String
    let password: String
    /// Supervisors and admins on production: the authenticator's six digits or a recovery code.
    let code: String?
}

/// A wait in words: "3 seconds", "4 minutes".
enum ThrottleText {
    static func wait(_ seconds: Int64) -> String {
        seconds < 90 ? "\(seconds) second\(seconds == 1 ? "" : "s")" : "\((seconds + 59) / 60) minutes"
    }
}
