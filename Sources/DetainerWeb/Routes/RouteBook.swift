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

    /// The methods a path is served with (HEAD wherever GET is: the router answers it as GET
    /// without the body), sorted; empty for a path no route matches. `{name}` matches one segment.
    func allowedMethods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var methods: Set<String> = []
        for entry in entries {
            let pattern = entry.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard pattern.count == segments.count,
                  zip(pattern, segments).allSatisfy({ $0.hasPrefix("{") && $0.hasSuffix("}") && !$1.isEmpty || $0 == $1 }) else { continue }
            methods.insert(entry.method)
            if entry.method == "GET" { methods.insert("HEAD") }
        }
        return methods.sorted()
    }
}

extension WebContext {
    /// A positive record id from the path, or 404.
    func id(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text), id > 0 else { throw WebError.notFound }
        return id
    }
}
