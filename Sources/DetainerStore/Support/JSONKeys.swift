import DetainerDomain

/// The one rule for JSON keys: lowerCamelCase, as in the `evaluate --input` and `intake --json`
/// contracts, with "ID" written as one word in capitals as the audit details always have
/// (`personID`). CSV headers keep the stored snake_case names, which are a documented, stable
/// contract (export → import).
public enum JSONKeys {
    public static func camelCase(_ name: String) -> String {
        let parts = name.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first else { return name }
        var out = String(first)
        for part in parts.dropFirst() {
            out += part == "id" ? "ID" : part.prefix(1).uppercased() + part.dropFirst()
        }
        return out
    }

    /// A stored record's JSON with every snake_case key (`date_of_birth`) in camelCase; keys that
    /// are values, such as reason codes (`NO_JUDICIAL_WARRANT`), are left alone.
    public static func camelCasingKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (key, member) in members {
                let isColumnName = key.contains("_") && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
                out[isColumnName || key == "id" ? camelCase(key) : key] = camelCasingKeys(member)
            }
            return .object(out)
        case .array(let values):
            return .array(values.map(camelCasingKeys))
        default:
            return value
        }
    }
}
