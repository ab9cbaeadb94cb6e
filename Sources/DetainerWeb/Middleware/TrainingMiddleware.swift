import Hummingbird

/// Marks every request served from a training database, so `Layout` puts the TRAINING banner on
/// every page (error pages and the sign-in page too), as the CLI says it on every command.
struct TrainingMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let training: Bool

    /// Read by `Layout` while a page is rendered; bound per request, never process-wide, so two
    /// servers in one process (tests) each say what their own database is.
    @TaskLocal static var isTraining = false

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard training else { return try await next(request, context) }
        return try await Self.$isTraining.withValue(true) { try await next(request, context) }
    }
}
