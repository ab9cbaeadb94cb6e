/// A Penal Law section number such as `120.05` or `130.65-a`, packed for fast catalog lookup.
public struct PenalSection: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Article number, e.g. 120.
    public let article: Int
    /// Two-digit number after the dot, e.g. 5 for `120.05`.
    public let number: Int
    /// Lowercase letter suffix (`a` in `130.65-a`), or nil.
    public let letter: Character?

    public init?(article: Int, number: Int, letter: Character? = nil) {
        guard (1...999).contains(article), (0...99).contains(number) else { return nil }
        if let letter, !("a"..."z").contains(letter) { return nil }
        self.article = article
        self.number = number
        self.letter = letter
    }

    /// One integer that orders sections the way the Penal Law does.
    public var key: UInt32 {
        let letterValue = letter.map { UInt32($0.asciiValue! - 96) } ?? 0
        return UInt32(article) << 16 | UInt32(number) << 8 | letterValue
    }

    public static func < (lhs: PenalSection, rhs: PenalSection) -> Bool { lhs.key < rhs.key }

    public var description: String {
        "\(article)." + DecimalDigits.padded(number, width: 2) + (letter.map { "-\($0)" } ?? "")
    }

    /// Parses `120.05` or `130.65-a` (letter case ignored). Nothing else.
    public init?(parsing text: Substring) {
        // Byte scan: 1-3 digits, '.', 2 digits, optionally '-' and one ASCII letter.
        let bytes = text.utf8
        var index = bytes.startIndex
        var article = 0
        var digits = 0
        while index != bytes.endIndex, let digit = Self.digit(bytes[index]) {
            digits += 1
            guard digits <= 3 else { return nil }  // also keeps `article` from overflowing
            article = article * 10 + digit
            index = bytes.index(after: index)
        }
        guard (1...3).contains(digits), index != bytes.endIndex, bytes[index] == UInt8(ascii: ".") else { return nil }
        index = bytes.index(after: index)
        var number = 0
        for _ in 0..<2 {
            guard index != bytes.endIndex, let digit = Self.digit(bytes[index]) else { return nil }
            number = number * 10 + digit
            index = bytes.index(after: index)
        }
        var letter: Character?
        if index != bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "-") else { return nil }
            index = bytes.index(after: index)
            guard index != bytes.endIndex else { return nil }
            let byte = bytes[index] | 0x20  // ASCII lowercase
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) else { return nil }
            letter = Character(Unicode.Scalar(byte))
            index = bytes.index(after: index)
            guard index == bytes.endIndex else { return nil }
        }
        self.init(article: article, number: number, letter: letter)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
    }
}
