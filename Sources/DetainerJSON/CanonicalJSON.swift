import Foundation

/// The one JSON writer for what is stored and printed: pretty, sorted keys, slashes unescaped,
/// straight from `JSONEncoder` (deterministic for one platform and Foundation version), so a
/// stored evaluation's result is byte for byte what `evaluate --input` prints for its input.
public enum CanonicalJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
