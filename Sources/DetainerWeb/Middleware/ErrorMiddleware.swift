import DetainerDomain
import DetainerStore
import Hummingbird
import Logging
import SQLite

/// Turns every error into a response here, inside the log and header middleware, so those see
/// a status: JSON `{"error": {…, "issues": [{"path", "message"}]}}` under /api, a small HTML
/// page elsewhere. The mapping mirrors the CLI's exit statuses (77 → 403, 65 → 422/409/404 …).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let logger: Logger

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.classify(error)
            if problem.status == .internalServerError {
                // The type only: an error's text can quote input, which may be personal data.
                logger.error("internal error", metadata: ["type": .string(String(describing: type(of: error)))])
            }
            let isAPI = request.uri.path.hasPrefix("/api/")
            if problem.status == .unauthorized, !isAPI {
                return Responses.redirect(to: "/login?next=" + Responses.safeNext(request.uri.path))
            }
            return isAPI ? Responses.json(problem.json, status: problem.status)
                : Responses.html(ErrorPage.render(problem, session: context.session ?? context.note.session), status: problem.status)
        }
    }

    static func classify(_ error: any Error) -> Problem {
        switch error {
        case let error as WebError:
            switch error {
            case .signInRequired: return Problem(.unauthorized, "sign in first")
            case .csrfRejected: return Problem(.forbidden, "the form's security token is missing or out of date; reload the page and try again. Nothing was written.")
            case .crossOrigin: return Problem(.forbidden, "request from another site refused")
            case .badRequest(let path, let message): return Problem(.badRequest, message, issues: [ValidationIssue(path: path, message: message)])
            case .notFound: return Problem(.notFound, "no such page")
            case .tooLarge: return Problem(.contentTooLarge, "request body too large")
            }
        case let error as PermissionDenied: return Problem(.forbidden, error.description + ". Nothing was written.")
        case let error as ValidationIssue: return Problem(.unprocessableContent, error.description, issues: [error])
        case let error as InputErrors: return Problem(.unprocessableContent, error.issues.map(\.description).joined(separator: "; "), issues: error.issues)
        case let error as IllegalTransition: return Problem(.conflict, error.description)
        case let error as NotFound: return Problem(.notFound, error.description)
        // The disk failed from the commit onwards (issue 27 §1.3): never "nothing was written".
        case let error as UncertainCommit: return Problem(.serviceUnavailable, error.exitMessage)
        case let error as SQLiteError:
            switch error.category {
            case .busy: return Problem(.serviceUnavailable, "the database is busy; nothing was written, try again")
            case .constraint: return Problem(.unprocessableContent, "refused by a database rule: \(error.message); nothing was written")
            default: return Problem(.internalServerError, "database error; nothing was written")
            }
        case let error as HTTPError: return Problem(error.status, error.body ?? error.status.reasonPhrase)
        default: return Problem(.internalServerError, "internal error; nothing was written")
        }
    }
}

/// An error as the client sees it.
struct Problem: Sendable {
    let status: HTTPResponse.Status
    let message: String
    var issues: [ValidationIssue] = []

    init(_ status: HTTPResponse.Status, _ message: String, issues: [ValidationIssue] = []) {
        self.status = status
        self.message = message
        self.issues = issues
    }

    var json: JSONValue {
        .object(["error": .object([
            "status": .int(Int64(status.code)),
            "message": .string(message),
            "issues": .array(issues.map { .object(["path": .string($0.path), "message": .string($0.message)]) }),
        ])])
    }
}
