import HTTPTypes
import Hummingbird

/// Security headers on every response, errors included. Pages and API answers carry personal
/// data, so anything that did not choose its own caching (the stylesheet and script do) is
/// `no-store`.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext
    /// Send Strict-Transport-Security too (only when served over TLS, i.e. `--secure-cookies`).
    let strictTransport: Bool

    /// No inline script or style anywhere; forms post only to this origin; no framing.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` on every
        // form POST (Fetch, "serializing a request origin"), which could not then be told from a
        // sandboxed frame on another site; same-origin still sends no referrer to any other site.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if strictTransport { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}
