import Foundation

/// Reads stored JSON text (written by this tool, e.g. audit details) back into a `JSONValue` with
/// Foundation's decoder, so commands print it as structure rather than as a string of JSON.
public enum JSONDocument {
    public static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(Decoded.self, from: Data(text.utf8)).value
    }

    /// A private wrapper, so this reader adds no conformance to `JSONValue` itself.
    private struct Decoded: Decodable {
        let value: JSONValue

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { value = .null }
            else if let bool = try? container.decode(Bool.self) { value = .bool(bool) }
            else if let int = try? container.decode(Int64.self) { value = .int(int) }
            else if let double = try? container.decode(Double.self) { value = .double(double) }
            else if let string = try? container.decode(String.self) { value = .string(string) }
            else if let array = try? container.decode([Decoded].self) { value = .array(array.map(\.value)) }
            else { value = .object(try container.decode([String: Decoded].self).mapValues(\.value)) }
        }
    }
}
