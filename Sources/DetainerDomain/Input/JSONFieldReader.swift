/// Reads one JSON object field by field, recording problems instead of throwing, so one request
/// reports all its problems at once. Unknown keys are problems too: a misspelt optional flag
/// (`youthfullOffender`) would otherwise be silently ignored and change the outcome.
struct JSONFieldReader {
    private let container: KeyedDecodingContainer<JSONKey>?
    let path: String
    private(set) var issues: [ValidationIssue] = []

    init(_ decoder: any Decoder, knownKeys: Set<String>) {
        path = JSONPath.format(decoder.codingPath)
        do {
            let container = try decoder.container(keyedBy: JSONKey.self)
            self.container = container
            let unknown = container.allKeys.map(\.stringValue).filter { !knownKeys.contains($0) }
            for key in unknown.sorted() {
                issues.append(ValidationIssue(path: JSONPath.join(path, key), message: "unknown field"))
            }
        } catch {
            container = nil
            issues.append(ValidationIssue(path: path, message: "expected an object"))
        }
    }

    mutating func read<T: Decodable>(_ key: String, as type: T.Type) -> T? {
        guard let container else { return nil }
        do {
            return try container.decodeIfPresent(T.self, forKey: JSONKey(key))
        } catch {
            issues.append(ValidationIssue(path: JSONPath.join(path, key), message: "expected \(JSONPath.typeName(T.self))"))
            return nil
        }
    }

    /// A yes/no fact where absence and null differ: an absent field is `false` (the case does
    /// not involve it), an explicit `null` is unknown (`nil`).
    mutating func readFact(_ key: String) -> Bool? { readFact(key, absent: false) }

    /// A fact of any type: absent = `absent`, explicit `null` = unknown (nil), Sources/DetainerDomain/Law/README.md §12.13.
    mutating func readFact<T: Decodable>(_ key: String, absent: T) -> T? {
        guard let container else { return nil }
        let codingKey = JSONKey(key)
        guard container.contains(codingKey) else { return absent }
        if (try? container.decodeNil(forKey: codingKey)) == true { return nil }
        return read(key, as: T.self)
    }

    /// Whether the key is present with an explicit `null`.
    func isNull(_ key: String) -> Bool {
        guard let container, container.contains(JSONKey(key)) else { return false }
        return (try? container.decodeNil(forKey: JSONKey(key))) == true
    }

    /// Nested values carry their own issues; collect them with this.
    mutating func absorb(_ nested: [ValidationIssue]) { issues += nested }
}

struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
