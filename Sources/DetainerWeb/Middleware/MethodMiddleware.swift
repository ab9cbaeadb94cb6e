import Hummingbird

/// A path the server knows, asked with a method it does not serve there (PUT on the queue,
/// DELETE on a detainer): 405 with `Allow` listing the methods it does serve (RFC 9110
/// §15.5.6), not the 404 the router would give, so a client can tell a wrong verb from a
/// wrong address. Sits in front of the session gate: a wrong verb is refused before any
/// CSRF check or body is read. Unknown paths go on to the router's 404.
struct MethodMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let routes: RouteBook

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let allowed = routes.allowedMethods(for: request.uri.path)
        if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
            throw WebError.methodNotAllowed(allowed: allowed)
        }
        return try await next(request, context)
    }
}
