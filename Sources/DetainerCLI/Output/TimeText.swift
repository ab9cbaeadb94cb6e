import DetainerDomain
import DetainerStore

/// The one rule for showing times (README, "Times"): tables and messages use New York local time
/// with its zone, "2026-11-29 10:00 EST"; JSON and CSV keep ISO 8601 UTC, "2026-11-29T15:00:00Z",
/// which sorts and parses everywhere.
enum TimeText {
    /// "2026-11-29 10:00 EST".
    static func local(_ instant: UTCInstant) -> String {
        instant.newYorkText
    }

    /// A table cell: a stored UTC instant (`YYYY-MM-DDTHH:MM:SSZ`) is shown in New York time;
    /// anything else is left as it is.
    static func tableCell(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count == 20, utf8.last == UInt8(ascii: "Z"), utf8.dropFirst(10).first == UInt8(ascii: "T"),
              let instant = UTCInstant(parsing: text) else { return text }
        return local(instant)
    }
}

/// The one rule for JSON keys: lowerCamelCase, as in the `evaluate --input` and `intake --json`
/// contracts, with "ID" written as one word in capitals as the audit details always have
/// (`personID`). CSV headers keep the stored snake_case names, which are a documented, stable
/// contract (export → import).
enum JSONKeys {
    static func camelCase(_ name: String) -> String {
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
    static func camelCasingKeys(_ value: JSONValue) -> JSONValue {
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
