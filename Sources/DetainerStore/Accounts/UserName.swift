import Foundation

/// User names as identities (issue 13 §1): two names that look the same to a person are the
/// same user. The comparison key is the name after Unicode NFKC, case folding and folding of
/// the Cyrillic and Greek letters that are drawn like Latin ones; the key is stored with a
/// UNIQUE index. Names mixing Latin with Cyrillic or Greek letters, and invisible or bidi
/// control characters, are refused outright.
enum UserName {
    /// Cyrillic and Greek letters indistinguishable from a Latin letter in common fonts
    /// (lower case; the key is case-folded first). Not all of Unicode's confusables: those are
    /// covered by the one-script rule, this table catches whole-script look-alikes.
    static let homoglyphs: [Character: Character] = [
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w",
        "ɡ": "g", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ϲ": "c", "ı": "i",
    ]

    static func key(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
        return String(folded.map { homoglyphs[$0] ?? $0 })
    }

    enum Script { case latin, greek, cyrillic, other }

    static func script(_ scalar: Unicode.Scalar) -> Script? {
        guard scalar.properties.isAlphabetic else { return nil }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0x250...0x2AF: return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        default: return .other
        }
    }

    /// Refuses characters a reader cannot see or that reorder text, and Latin mixed with
    /// Cyrillic or Greek (the usual way to forge a look-alike name).
    static func validate(_ name: String) throws {
        for scalar in name.unicodeScalars {
            let category = scalar.properties.generalCategory
            let bidi: ClosedRange<UInt32>? = [0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C...0x061C]
                .first { $0.contains(scalar.value) }
            if category == .format || category == .control || bidi != nil || scalar.properties.isVariationSelector
                || scalar.properties.isDefaultIgnorableCodePoint {
                throw InputError(field: "name", "contains an invisible or bidirectional control character (U+\(String(scalar.value, radix: 16, uppercase: true))); type the name plainly")
            }
        }
        let scripts = Set(name.unicodeScalars.compactMap(script)).subtracting([.other])
        if scripts.count > 1 {
            throw InputError(field: "name", "mixes Latin, Cyrillic or Greek letters (\"\(name)\"); a look-alike of another name is refused")
        }
    }
}
