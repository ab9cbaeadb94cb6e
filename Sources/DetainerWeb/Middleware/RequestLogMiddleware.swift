import Dispatch
import Hummingbird
import Logging

/// One structured line per request: method, path (no query string: searches carry names),
/// status, duration and the signed-in user's name. Never a password, a cookie, a CSRF token or a
/// request body.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let logger: Logger

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let response = try await next(request, context)
        let micros = (DispatchTime.now().uptimeNanoseconds - started) / 1000
        logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "status": .stringConvertible(response.status.code),
            "ms": .string(String(format: "%.1f", Double(micros) / 1000)),
            "user": .string(context.note.user ?? "-"),
        ])
        return response
    }
}
