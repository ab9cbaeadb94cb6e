/// A point in time: whole seconds since 1970-01-01T00:00:00Z plus nanoseconds (no leap seconds).
public struct UTCInstant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64
    /// 0..<1_000_000_000
    public let nanoseconds: Int32

    public init(secondsSinceEpoch: Int64, nanoseconds: Int32 = 0) {
        precondition((0..<1_000_000_000).contains(nanoseconds), "nanoseconds out of range")
        self.secondsSinceEpoch = secondsSinceEpoch
        self.nanoseconds = nanoseconds
    }

    /// Midnight UTC at the start of `date` plus a time of day.
    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0, nanoseconds: Int32 = 0) {
        self.init(
            secondsSinceEpoch: Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second),
            nanoseconds: nanoseconds)
    }

    public static func < (lhs: UTCInstant, rhs: UTCInstant) -> Bool {
        (lhs.secondsSinceEpoch, lhs.nanoseconds) < (rhs.secondsSinceEpoch, rhs.nanoseconds)
    }

    public func adding(seconds: Int64) -> UTCInstant {
        UTCInstant(secondsSinceEpoch: secondsSinceEpoch + seconds, nanoseconds: nanoseconds)
    }

    /// Adds a span given in nanoseconds (spans here are hours or days, far below Int64's range).
    public func adding(nanoseconds span: Int64) -> UTCInstant {
        let total = Int64(nanoseconds) + span % 1_000_000_000
        var seconds = secondsSinceEpoch + span / 1_000_000_000
        var nanos = total
        if nanos < 0 { nanos += 1_000_000_000; seconds -= 1 }
        if nanos >= 1_000_000_000 { nanos -= 1_000_000_000; seconds += 1 }
        return UTCInstant(secondsSinceEpoch: seconds, nanoseconds: Int32(nanos))
    }

    /// `other - self` in nanoseconds.
    public func nanoseconds(until other: UTCInstant) -> Int64 {
        (other.secondsSinceEpoch - secondsSinceEpoch) * 1_000_000_000 + Int64(other.nanoseconds - nanoseconds)
    }

    /// The UTC calendar date and time of day.
    public var utcDate: CivilDate { CivilDate(dayNumber: Int(floorDiv(secondsSinceEpoch, 86_400))) }

    var utcSecondOfDay: Int { Int(secondsSinceEpoch - floorDiv(secondsSinceEpoch, 86_400) * 86_400) }

    /// ISO 8601 in UTC: `2021-06-01T18:30:00Z`, with a fraction only when it is not zero
    /// (trailing zeros dropped, so output is deterministic).
    public var description: String {
        let secondOfDay = utcSecondOfDay
        var text = utcDate.description + "T"
            + DecimalDigits.padded(secondOfDay / 3600, width: 2) + ":"
            + DecimalDigits.padded(secondOfDay / 60 % 60, width: 2) + ":"
            + DecimalDigits.padded(secondOfDay % 60, width: 2)
        if nanoseconds != 0 {
            var fraction = DecimalDigits.padded(Int(nanoseconds), width: 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. A zone is required: a bare local time
    /// would silently depend on the reader's clock settings.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"),
              let date = CivilDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = DecimalDigits.value(bytes[11..<13]), hour < 24,
              let minute = DecimalDigits.value(bytes[14..<16]), minute < 60,
              let second = DecimalDigits.value(bytes[17..<19]), second < 60 else { return nil }
        var index = 19
        var nanos = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            let digits = index - start
            guard digits >= 1, digits <= 9, let value = DecimalDigits.value(bytes[start..<index]) else { return nil }
            nanos = value
            for _ in digits..<9 { nanos *= 10 }
        }
        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        if bytes[index] == UInt8(ascii: "Z") {
            guard index + 1 == bytes.count else { return nil }
        } else {
            guard bytes.count == index + 6, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                  bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHours = DecimalDigits.value(bytes[(index + 1)..<(index + 3)]), offsetHours <= 23,
                  let offsetMinutes = DecimalDigits.value(bytes[(index + 4)..<(index + 6)]), offsetMinutes < 60
            else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        let local = UTCInstant(date: date, hour: hour, minute: minute, second: second, nanoseconds: Int32(nanos))
        self = local.adding(seconds: Int64(-offsetSeconds))
    }
}

extension UTCInstant: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let instant = UTCInstant(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a valid ISO-8601 instant \"\(text)\"")
        }
        self = instant
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Division rounding toward negative infinity, so instants before 1970 get the right date.
@inline(__always)
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
