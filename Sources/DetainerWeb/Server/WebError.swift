import Hummingbird

/// Refusals the web layer makes itself (the store's own errors are mapped in `ErrorMiddleware`).
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
}
