import Foundation

/// Reading JSON back (stored evaluations, stored reason lists) goes through `JSONReader`; this
/// `Decodable` conformance is what decodes a `JSONValue` inside a `Decodable` input, and is the
/// reference the reader is tested against. The canonical writer (`JSONValue.serialized`) is what
/// the audit chain hashes byte for byte.
extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses JSON text (e.g. a stored evaluation) into a value; nil when it is not valid JSON.
    public init?(parsing text: String) {
        guard let value = JSONReader.read(text) else { return nil }
        self = value
    }
}
