import DetainerStore
import Hummingbird
import Logging

/// How the server is started (`detainer serve` options).
public struct WebOptions: Sendable {
    public var bind: String
    public var port: Int
    /// Set when the server is behind a TLS-terminating proxy: cookies get `Secure` (and the
    /// `__Host-` prefix) and responses carry Strict-Transport-Security. Off by default because
    /// a Secure cookie is never sent back over plain http://127.0.0.1.
    public var secureCookies: Bool
    /// The idle timeout; may only be shorter than `AccountPolicy.idleTimeoutSeconds` (`serve --session-idle-seconds`).
    public var sessionIdleSeconds: Int64
    /// The address people reach the office at (`serve --public-origin https://detainer.example.org`):
    /// when set, every request's Host must be its host and every state-changing request's Origin
    /// (when sent) must be it exactly. Lower-cased, without a trailing slash.
    public var publicOrigin: String?

    /// How long a connection may go without a complete request head (issue 27 §1b): counted
    /// from the connection's start or its last response, so it closes idle keep-alive
    /// connections and ones that trickle their headers a byte at a time alike (Hummingbird's
    /// idle timer is reset only by whole HTTP parts, never by single bytes).
    public var connectionIdleSeconds: Int64
    public static let defaultConnectionIdleSeconds: Int64 = 30

    public init(bind: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
                sessionIdleSeconds: Int64 = AccountPolicy.idleTimeoutSeconds,
                connectionIdleSeconds: Int64 = WebOptions.defaultConnectionIdleSeconds, publicOrigin: String? = nil) {
        self.bind = bind
        self.port = port
        self.secureCookies = secureCookies
        self.sessionIdleSeconds = min(sessionIdleSeconds, AccountPolicy.idleTimeoutSeconds)
        self.connectionIdleSeconds = max(1, connectionIdleSeconds)
        self.publicOrigin = publicOrigin.map { origin in
            var text = origin.lowercased()
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }
    }

    /// Checks a `--public-origin` value: scheme http or https, a host, nothing after it.
    public static func validPublicOrigin(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let range = lowered.range(of: "://") else { return false }
        let scheme = lowered[..<range.lowerBound], rest = lowered[range.upperBound...]
        let authority = rest.hasSuffix("/") ? rest.dropLast() : rest
        return (scheme == "http" || scheme == "https") && !authority.isEmpty
            && !authority.contains("/") && !authority.contains("?") && !authority.contains("#") && !authority.contains("@")
    }
}

/// Assembles the router (middleware and every route) and the application.
public enum WebApp {
    /// The router with everything registered, and the book of registered routes.
    static func router(office: Office, options: WebOptions, logger: Logger) -> (Router<WebContext>, RouteBook) {
        // HEAD on every GET route: the GET's answer without its body (issue 25 §3).
        let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
        let cookies = SessionCookies(secure: options.secureCookies)
        // Filled below, before the server starts; the 405 check reads it per request.
        let routes = RouteBook(router: router)
        // Outermost first: log (sees the final status), headers (on every response, errors too),
        // errors → responses, then the session and CSRF gate in front of the routes.
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware(strictTransport: options.secureCookies))
        router.add(middleware: TrainingMiddleware(training: office.isTraining))
        router.add(middleware: ErrorMiddleware(logger: logger))
        router.add(middleware: MethodMiddleware(routes: routes))
        router.add(middleware: SessionMiddleware(office: office, cookies: cookies, idleTimeoutSeconds: options.sessionIdleSeconds,
                                                 publicOrigin: options.publicOrigin))
        SystemRoutes.register(routes)
        AuthRoutes.register(routes, office: office, cookies: cookies)
        HomeRoutes.register(routes, office: office)
        OfficeRoutes.register(routes, office: office)
        DetainerListRoutes.register(routes, office: office)
        ReportRoutes.register(routes, office: office)
        AuditRoutes.register(routes, office: office)
        AdminRoutes.register(routes, office: office)
        APIRoutes.register(routes, office: office)
        DocumentRoutes.register(routes, office: office)
        SecondFactorRoutes.register(routes, office: office)
        return (router, routes)
    }

    public static func application(office: Office, options: WebOptions, logger: Logger) -> some ApplicationProtocol {
        let (router, _) = router(office: office, options: options, logger: logger)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(options.connectionIdleSeconds))),
            configuration: .init(address: .hostname(options.bind, port: options.port), serverName: "detainer"),
            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then stops accepting connections, lets in-flight requests
    /// finish (Hummingbird's graceful shutdown through ServiceLifecycle) and closes the database.
    public static func run(office: Office, options: WebOptions) async throws {
        var logger = Logger(label: "detainer.serve")
        logger.logLevel = .info
        logger.info("starting", metadata: ["bind": .string(options.bind), "port": .stringConvertible(options.port),
                                           "secureCookies": .stringConvertible(options.secureCookies)])
        let app = application(office: office, options: options, logger: logger)
        try await app.runService()
        logger.info("stopped")
    }
}
