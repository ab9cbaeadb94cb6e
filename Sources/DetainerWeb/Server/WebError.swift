import DetainerDomain
import Hummingbird

/// Refusals the web layer makes itself. They declare their HTTP status directly (Hummingbird's
/// `HTTPResponseError`); the services' errors answer through `ErrorAnswer`'s one table.
enum WebError: Error, Equatable {
    /// No valid session: 401 for the API, a redirect to /login for pages.
    case signInRequired
    /// Missing or wrong anti-forgery token: 403, nothing written.
    case csrfRejected
    /// The request came from another site (Origin header): 403.
    case crossOrigin
    /// The body could not be read as the route expects (400), naming what was wrong.
    case badRequest(path: String, message: String)
    case notFound
    /// Body larger than the route accepts.
    case tooLarge
    /// A known path asked with a method it is not served with: 405, `Allow` lists these.
    case methodNotAllowed(allowed: [String])
}

extension WebError: HTTPResponseError {
    var status: HTTPResponse.Status {
        switch self {
        case .signInRequired: .unauthorized
        case .csrfRejected, .crossOrigin: .forbidden
        case .badRequest: .badRequest
        case .notFound: .notFound
        case .tooLarge: .contentTooLarge
        case .methodNotAllowed: .methodNotAllowed
        }
    }

    var message: String {
        switch self {
        case .signInRequired: "sign in first"
        case .csrfRejected: "the form's security token is missing or out of date; reload the page and try again. Nothing was written."
        case .crossOrigin: "request from another site refused"
        case .badRequest(_, let message): message
        case .notFound: "no such page"
        case .tooLarge: "request body too large; nothing was written"
        case .methodNotAllowed(let allowed): "this address answers only " + allowed.joined(separator: ", ") + "; nothing was written"
        }
    }

    var issues: [ValidationIssue] {
        if case .badRequest(let path, let message) = self { return [ValidationIssue(path: path, message: message)] }
        return []
    }

    /// `ErrorMiddleware` answers first; this is Hummingbird's fallback, should it ever see one.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: message)))
        if let allow { response.headers[.allow] = allow }
        return response
    }

    /// The `Allow` header of a 405.
    var allow: String? {
        if case .methodNotAllowed(let allowed) = self { return allowed.joined(separator: ", ") }
        return nil
    }
}
