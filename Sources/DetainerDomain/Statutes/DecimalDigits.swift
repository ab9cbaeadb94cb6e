/// Digit parsing and zero-padded formatting without Foundation's formatters.
enum DecimalDigits {
    /// The value of a run of ASCII digits, or nil if any byte is not a digit.
    static func value<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var result = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            result = result * 10 + Int(byte - 48)
        }
        return result
    }

    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value < 0 ? -value : value)
        let padding = width > digits.count ? String(repeating: "0", count: width - digits.count) : ""
        return (value < 0 ? "-" : "") + padding + digits
    }
}
