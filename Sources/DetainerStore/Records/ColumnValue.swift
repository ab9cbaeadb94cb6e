import DetainerDomain
import SQLite

/// A Swift type a column holds: how it is stored, and how a stored value reads back. `init(stored:)`
/// answers nil for a value the type cannot hold (wrong storage class, unknown spelling, a date that
/// is not one); the record decoder turns that into an error naming table, column and row, never a
/// quiet default.
protocol ColumnValue: Sendable {
    init?(stored: SQLiteValue)
    var stored: SQLiteValue { get }
    /// What a valid value looks like, for messages ("a date (YYYY-MM-DD)").
    static var expected: String { get }
}

/// NULL is nil; a non-NULL value must be a valid `Wrapped`.
extension Optional: ColumnValue where Wrapped: ColumnValue {
    init?(stored: SQLiteValue) {
        if stored == .null { self = .none; return }
        guard let value = Wrapped(stored: stored) else { return nil }
        self = .some(value)
    }

    var stored: SQLiteValue { self?.stored ?? .null }
    static var expected: String { Wrapped.expected + " or empty" }
}

extension Int64: ColumnValue {
    static var expected: String { "a whole number" }
    init?(stored: SQLiteValue) {
        guard case .integer(let value) = stored else { return nil }
        self = value
    }

    var stored: SQLiteValue { .integer(self) }
}

extension String: ColumnValue {
    static var expected: String { "text" }
    init?(stored: SQLiteValue) {
        guard case .text(let value) = stored else { return nil }
        self = value
    }

    var stored: SQLiteValue { .text(self) }
}

/// Flags are INTEGER 0 or 1 (the schema's CHECKs); anything else is a bad value, not "true".
extension Bool: ColumnValue {
    static var expected: String { "0 or 1" }
    init?(stored: SQLiteValue) {
        switch stored {
        case .integer(0): self = false
        case .integer(1): self = true
        default: return nil
        }
    }

    var stored: SQLiteValue { .integer(self ? 1 : 0) }
}

/// `YYYY-MM-DD` (calendar dates and the New York `*_on` days).
extension CivilDate: ColumnValue {
    static var expected: String { "a date (YYYY-MM-DD)" }
    init?(stored: SQLiteValue) {
        guard case .text(let text) = stored, let date = CivilDate(parsing: text) else { return nil }
        self = date
    }

    var stored: SQLiteValue { .text(description) }
}

/// UTC ISO 8601 to the second (`2026-11-27T15:00:00Z`), the stored form (`UTCInstant.iso8601`).
extension UTCInstant: ColumnValue {
    static var expected: String { "an ISO 8601 instant" }
    init?(stored: SQLiteValue) {
        guard case .text(let text) = stored, let instant = UTCInstant(parsing: text) else { return nil }
        self = instant
    }

    var stored: SQLiteValue { .text(description) }
}

/// An enumeration stored by its raw spelling.
protocol TextEnumColumn: ColumnValue, RawRepresentable, CaseIterable where RawValue == String {}

extension TextEnumColumn {
    static var expected: String { "one of " + allCases.map(\.rawValue).joined(separator: ", ") }

    init?(stored: SQLiteValue) {
        guard case .text(let text) = stored, let value = Self(rawValue: text) else { return nil }
        self = value
    }

    var stored: SQLiteValue { .text(rawValue) }
}

extension Agency: TextEnumColumn {}
extension DetainerStatus: TextEnumColumn {}
extension Outcome: TextEnumColumn {}
extension Decision: TextEnumColumn {}
extension Jurisdiction: TextEnumColumn {}
extension StatuteKind: TextEnumColumn {}
extension IntakeField: TextEnumColumn {}

/// A value ICE's own records may leave open: the detainer form and warrant type of an imported
/// record are `unknown`, which no clerk may enter (the domain's types have no such case).
public enum KnownOrUnknown<Known: RawRepresentable & Sendable>: ColumnValue, Sendable, Equatable
where Known.RawValue == String, Known: Equatable {
    case known(Known)
    case unknown

    static var unknownSpelling: String { "unknown" }
    static var expected: String { "a known value or \(unknownSpelling)" }

    init?(stored: SQLiteValue) {
        guard case .text(let text) = stored else { return nil }
        if text == Self.unknownSpelling { self = .unknown; return }
        guard let value = Known(rawValue: text) else { return nil }
        self = .known(value)
    }

    var stored: SQLiteValue { .text(rawValue) }

    public var rawValue: String {
        switch self {
        case .known(let value): value.rawValue
        case .unknown: Self.unknownSpelling
        }
    }

    public var value: Known? { if case .known(let value) = self { value } else { nil } }
}

/// Where a row came from: logged by a clerk, or read from a file (`detainer import`).
public enum RecordOrigin: String, CaseIterable, TextEnumColumn {
    case intake, `import`
}

/// Which outside system an imported person comes from (persons.external_system).
public enum ExternalSystem: String, CaseIterable, TextEnumColumn {
    case ice, doc, native
}

/// A list of reason codes, stored as a JSON array of their stable spellings (`["NO_JUDICIAL_WARRANT"]`),
/// in the order the engine gave them.
public struct ReasonList: ColumnValue, Equatable {
    static var expected: String { "a JSON array of reason codes" }
    public var codes: [ReasonCode]

    public init(_ codes: [ReasonCode]) { self.codes = codes }

    init?(stored: SQLiteValue) {
        guard case .text(let text) = stored, case .array(let items)? = JSONValue(parsing: text) else { return nil }
        var codes: [ReasonCode] = []
        for item in items {
            guard case .string(let spelling) = item, let code = ReasonCode(code: spelling) else { return nil }
            codes.append(code)
        }
        self.codes = codes
    }

    var stored: SQLiteValue { .text(JSONValue.array(codes.map { .string($0.code) }).serialized) }
}

/// A JSON document kept as the text that was stored (evaluations' inputs and results are hashed
/// and re-run byte for byte), checked to be JSON when read.
public struct JSONText: ColumnValue, Equatable {
    static var expected: String { "JSON" }
    public let text: String
    public let value: JSONValue

    init?(stored: SQLiteValue) {
        guard case .text(let text) = stored, let value = JSONValue(parsing: text) else { return nil }
        self.text = text
        self.value = value
    }

    public init(_ value: JSONValue) {
        text = value.serialized
        self.value = value
    }

    /// Text already written (pretty, or by the engine), kept byte for byte with what it reads as.
    init(text: String, value: JSONValue) {
        self.text = text
        self.value = value
    }

    /// Text from elsewhere, read to check it is JSON.
    init(text: String) throws {
        guard let value = JSONValue(parsing: text) else { throw JSONTextError(text: String(text.prefix(80))) }
        self.init(text: text, value: value)
    }

    var stored: SQLiteValue { .text(text) }
}

/// Text that was to be stored as JSON and is not (a bug: the engine writes JSON).
struct JSONTextError: Error, CustomStringConvertible {
    let text: String
    var description: String { "not JSON: \(text)" }
}

extension SQLiteValue {
    /// The value as it appears in `show --format json`: what `SELECT *` always gave.
    var json: JSONValue {
        switch self {
        case .null: .null
        case .integer(let v): .int(v)
        case .real(let v): .double(v)
        case .text(let v): .string(v)
        case .blob(let v): .string(v.hexString)
        }
    }
}
extension AdministrativeWarrantForm: TextEnumColumn {}
