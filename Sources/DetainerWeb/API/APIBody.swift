import DetainerDomain
import DetainerJSON
import Foundation
import Hummingbird

/// A request body type that names its fields: any other top-level field is an error, as in the
/// `evaluate` contract (a misspelt field must not be silently ignored).
protocol KnownKeys {
    static var knownKeys: Set<String> { get }
    /// Checks nested objects' fields too (default: none).
    static func checkNested(_ object: [String: Any]) throws
    /// Fields a nested reader could not read (default: none): refused, never taken as absent.
    var decodingProblems: [ValidationIssue] { get }
}

extension KnownKeys {
    static func checkNested(_ object: [String: Any]) throws {}
    var decodingProblems: [ValidationIssue] { [] }
}

/// JSON request bodies: size-limited, read by the one strict reader (`StrictJSON`: duplicate keys
/// and trailing commas refused, issue 26 §4), decoded with the same error paths the CLI reports
/// (`person.name: required`, `$: not valid JSON …`).
enum APIBody {
    static let maximumBytes = 1 << 20

    static func data(_ request: Request, context: WebContext) async throws -> Data {
        var request = request
        let buffer = try await request.collectBody(upTo: Self.maximumBytes)
        guard buffer.readableBytes <= maximumBytes else { throw WebError.tooLarge }
        return Data(buffer.readableBytesView)
    }

    static func decode<T: Decodable & KnownKeys>(_ type: T.Type, _ request: Request, context: WebContext) async throws -> T {
        let data = try await data(request, context: context)
        try StrictJSON.check(data)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            let unknown = object.keys.filter { !T.knownKeys.contains($0) }.sorted()
            if !unknown.isEmpty { throw InputErrors(unknown.map { ValidationIssue(path: $0, message: "unknown field") }) }
            try T.checkNested(object)
        }
        let value = try StrictJSON.decode(T.self, from: data)
        if !value.decodingProblems.isEmpty { throw InputErrors(value.decodingProblems) }
        return value
    }
}
