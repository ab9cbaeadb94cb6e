import Hummingbird

/// Registers routes on the router and remembers them, so a test can compare the JSON API's
/// routes with `openapi.yaml` (Hummingbird's router does not list its routes).
final class RouteBook: @unchecked Sendable {
    struct Entry: Hashable, Sendable, CustomStringConvertible {
        let method: String
        let path: String
        var description: String { "\(method) \(path)" }
    }

    let router: Router<WebContext>
    /// Written only while the router is being built, before the server starts.
    private(set) var entries: [Entry] = []

    init(router: Router<WebContext>) { self.router = router }

    typealias Handler = @Sendable (Request, WebContext) async throws -> Response

    func get(_ path: String, _ handler: @escaping Handler) { on(.get, path, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { on(.post, path, handler) }

    func on(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        router.on("\(path)", method: method, use: handler)
        entries.append(Entry(method: method.rawValue, path: path))
    }
}

extension WebContext {
    /// A positive record id from the path, or 404.
    func id(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text), id > 0 else { throw WebError.notFound }
        return id
    }
}
