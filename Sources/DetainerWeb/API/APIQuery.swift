import DetainerDomain
import Hummingbird

/// The API's query strings are exact, as its bodies are: a parameter given with no value
/// (`?agency=&to=`) is refused, naming it, instead of being read as "not given". The pages'
/// forms send empty fields for "any" and keep their leniency; a script leaves a parameter out.
enum APIQuery {
    static func refuseEmpty(_ request: Request) throws {
        var names: [String] = []
        for (name, value) in request.uri.queryParameters where value.isEmpty && !names.contains(String(name)) {
            names.append(String(name))
        }
        guard !names.isEmpty else { return }
        throw InputErrors(names.sorted().map { ValidationIssue(path: $0, message: "is empty; leave it out for the default") })
    }
}
