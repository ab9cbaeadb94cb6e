/// One problem with the input, naming the field path, e.g.
/// `convictions[1].convictedOn: not a valid date "2021-02-30"`.
public struct ValidationIssue: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Dotted path with array indexes (`detainer.warrant`, `convictions[0].felonyClass`); `$` for the root.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// Describes a `DecodingError` thrown before the request type could look at the input (e.g.
    /// by `JSONDecoder` for malformed JSON), in the same path form.
    public init(decodingError: DecodingError) {
        switch decodingError {
        case .typeMismatch(let type, let context):
            self.init(path: JSONPath.format(context.codingPath), message: "expected \(JSONPath.typeName(type))")
        case .valueNotFound(let type, let context):
            self.init(path: JSONPath.format(context.codingPath), message: "expected \(JSONPath.typeName(type)), found null")
        case .keyNotFound(let key, let context):
            self.init(path: JSONPath.format(context.codingPath + [key]), message: "required")
        case .dataCorrupted(let context):
            self.init(path: JSONPath.format(context.codingPath), message: "not valid JSON: \(context.debugDescription)")
        @unknown default:
            self.init(path: "$", message: "could not be decoded")
        }
    }
}

/// All the problems found in one request, in field order.
public struct InputErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

enum JSONPath {
    static func format(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path.isEmpty ? "$" : path
    }

    static func join(_ base: String, _ key: String) -> String { base == "$" ? key : base + "." + key }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true, false or null"
        case is Int.Type: return "an integer"
        case is [ConvictionInput].Type, is [PendingChargeInput].Type: return "an array"
        default: return "an object"
        }
    }
}
