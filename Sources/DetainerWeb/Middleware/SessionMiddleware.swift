import DetainerStore
import HTTPTypes
import Hummingbird

/// Finds the session behind the cookie (on the read connection; a deactivated user has none),
/// ends it when idle, and enforces the anti-forgery token on every state-changing request:
/// the `csrf_token` form field or the `X-CSRF-Token` header must equal the session's token.
/// Signing in is the one POST without a session; it is checked by Origin instead.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let office: Office
    let cookies: SessionCookies
    /// `AccountPolicy.idleTimeoutSeconds`, or shorter when `serve --session-idle-seconds` says so.
    var idleTimeoutSeconds: Int64 = AccountPolicy.idleTimeoutSeconds
    /// `WebOptions.publicOrigin`: when set, Host and Origin are checked against it.
    var publicOrigin: String? = nil

    static let csrfField = "csrf_token"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// POSTs that create a session rather than use one.
    static let signInPaths: Set<String> = ["/login", "/api/v1/login"]
    /// What a session awaiting its second factor may reach.
    static let enrolmentPaths: Set<String> = [SecondFactorRoutes.page, SecondFactorRoutes.begin, SecondFactorRoutes.confirm,
                                              "/logout", "/api/v1/logout", "/api/v1/session", "/login"]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        // A request for another host name (DNS rebinding, a misrouted proxy) is refused outright.
        if let publicOrigin, let host = request.head.authority, host.lowercased() != Self.authority(of: publicOrigin) {
            throw WebError.crossOrigin
        }
        var context = context
        var request = request
        if let token = request.cookies[cookies.name]?.value, !token.isEmpty {
            switch try await office.read({ try $0.accounts.webSession(token: token, idleTimeoutSeconds: idleTimeoutSeconds) }) {
            case .active(let session, let touchDue):
                context.session = session
                if touchDue { try await office.write { try $0.accounts.touchWebSession(id: session.id) } }
            // A timed-out session is refused at once; its end is written (an audit row) only on a
            // state-changing request: GET requests write no audit rows (issue 23 §4).
            case .idle(let session):
                if request.method != .get, request.method != .head { try await office.write { try $0.accounts.endWebSession(session, reason: .idle) } }
            case .expired(let session):
                if request.method != .get, request.method != .head { try await office.write { try $0.accounts.endWebSession(session, reason: .expired) } }
            case .none:
                break
            }
        }
        context.note.user = context.session?.user.name
        context.note.session = context.session
        // A supervisor or admin without a second factor (production) may only enrol one.
        if let session = context.session, session.awaitingSecondFactor, !Self.enrolmentPaths.contains(request.uri.path),
           !request.uri.path.hasPrefix("/assets/") {
            if request.method == .get, !request.uri.path.hasPrefix("/api/") { return Responses.redirect(to: SecondFactorRoutes.page) }
            throw PermissionDenied(message: "\(session.user.name) must enrol a second factor first (\(SecondFactorRoutes.page))")
        }

        if request.method != .get, request.method != .head {
            // Every state-changing request from a browser says where it comes from (issue 23 §4).
            try Self.checkOrigin(request, publicOrigin: publicOrigin)
            if !Self.signInPaths.contains(request.uri.path) {
                var presented = request.headers[Self.csrfHeader]
                if presented == nil, FormData.isForm(request) {
                    let body = try await request.collectBody(upTo: FormData.maximumBytes)
                    presented = FormData(body: body)[Self.csrfField]
                } else if presented == nil, MultipartForm.isMultipart(request) {
                    // The document upload (issue 21): the token is a field of the form; only a
                    // signed-in user's upload is read at all.
                    guard context.session != nil else { throw WebError.signInRequired }
                    presented = try await MultipartForm.read(&request)[Self.csrfField]
                }
                // No token at all is a forgery whoever sends it (403); a token without a session
                // is an expired page (sign in again).
                guard let presented else { throw WebError.csrfRejected }
                guard let session = context.session else { throw WebError.signInRequired }
                guard Self.constantTimeEquals(presented, session.csrfToken) else { throw WebError.csrfRejected }
            }
        }
        // Every write this request makes records the session and address it came from (issue 23 §2).
        let authentication: JSONValue = context.session.map { Authentication.web(session: $0, address: context.remoteAddress) }
            ?? ["channel": "web", "session": .null, "address": .optional(context.remoteAddress)]
        return try await Authentication.$current.withValue(authentication) { try await next(request, context) }
    }

    /// A state-changing request posted from another site is refused (login CSRF, and a second
    /// wall behind the CSRF token). Browsers send Origin on POST; `Origin: null` (a sandboxed
    /// frame, a data: URL, a redirect across sites) is refused; non-browser clients that send no
    /// Origin are allowed. With a public origin configured the Origin must be exactly it;
    /// otherwise its host must be the request's Host.
    static func checkOrigin(_ request: Request, publicOrigin: String?) throws {
        guard let origin = request.headers[.origin] else { return }
        if origin == "null" { throw WebError.crossOrigin }
        if let publicOrigin {
            guard origin.lowercased() == publicOrigin else { throw WebError.crossOrigin }
            return
        }
        let host = request.head.authority ?? ""
        guard !host.isEmpty, authority(of: origin) == host.lowercased() else { throw WebError.crossOrigin }
    }

    /// "host:port" of "scheme://host:port", lower-cased.
    static func authority(of origin: String) -> String {
        origin.lowercased().split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

/// The session cookie's name and flags. HttpOnly and SameSite=Strict always; Secure (and the
/// `__Host-` prefix, which browsers accept only with Secure) when the server is told it is
/// behind TLS with `--secure-cookies`.
struct SessionCookies: Sendable {
    let secure: Bool

    var name: String { secure ? "__Host-detainer_session" : "detainer_session" }

    func session(_ token: String) -> Cookie {
        Cookie(name: name, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Tells the browser to forget the cookie.
    func cleared() -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
