import DetainerDomain
import DetainerStore
import Hummingbird
import Logging

/// Turns every error into a response here, inside the log and header middleware, so those see
/// a status: JSON `{"error": {…, "issues": [{"path", "message"}]}}` under /api, a small HTML
/// page elsewhere. The status comes from `ErrorAnswer`, the one table from exit statuses (which
/// every error declares) to HTTP statuses.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let logger: Logger

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(error)
            if problem.status == .internalServerError {
                // The type only: an error's text can quote input, which may be personal data.
                logger.error("internal error", metadata: ["type": .string(String(describing: type(of: error)))])
            }
            let isAPI = request.uri.path.hasPrefix("/api/")
            if problem.status == .unauthorized, !isAPI {
                return Responses.redirect(to: "/login?next=" + Responses.safeNext(request.uri.path))
            }
            var response = isAPI ? Responses.json(problem.json, status: problem.status)
                : Responses.html(ErrorPage.render(problem, session: context.session ?? context.note.session), status: problem.status)
            if let allow = (error as? WebError)?.allow { response.headers[.allow] = allow }
            // HEAD answers as GET would, without the body (a refusal included).
            return request.method == .head ? response.createHeadResponse() : response
        }
    }
}
