/// Encoding sniffing and UTF-8 validation. The reader only decodes UTF-8, so
/// the job here is to recognise everything else early and say what it is,
/// instead of producing mojibake or a confusing quote error much later.
enum TextEncodingCheck {
    /// Encodings recognised at the start of a file that we refuse to parse.
    /// Returns (name, evidence) for the error message, or nil if plausible UTF-8.
    static func unsupportedEncoding(_ p: UnsafePointer<UInt8>, count n: Int) -> (String, String)? {
        // UTF-32 first: its little-endian BOM begins with the UTF-16 one.
        if n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0 {
            return ("UTF-32 little-endian", "it starts with the byte-order mark FF FE 00 00")
        }
        if n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF {
            return ("UTF-32 big-endian", "it starts with the byte-order mark 00 00 FE FF")
        }
        if n >= 2 && p[0] == 0xFF && p[1] == 0xFE {
            return ("UTF-16 little-endian", "it starts with the byte-order mark FF FE")
        }
        if n >= 2 && p[0] == 0xFE && p[1] == 0xFF {
            return ("UTF-16 big-endian", "it starts with the byte-order mark FE FF")
        }
        return utf16WithoutBOM(p, count: n)
    }

    /// UTF-16 text that is mostly ASCII has a NUL in every other byte; UTF-8
    /// text essentially never does, so a strong alternating pattern is proof.
    private static func utf16WithoutBOM(_ p: UnsafePointer<UInt8>, count: Int) -> (String, String)? {
        let n = min(count, 4096) & ~1
        guard n >= 4 else { return nil }
        var zerosEven = 0, zerosOdd = 0
        var i = 0
        while i < n {
            if p[i] == 0 { zerosEven += 1 }
            if p[i + 1] == 0 { zerosOdd += 1 }
            i += 2
        }
        let pairs = n / 2
        let evidence = "every other byte is NUL"
        if zerosOdd * 10 >= pairs * 6 && zerosEven * 10 <= pairs {
            return ("UTF-16 little-endian (without a byte-order mark)", evidence)
        }
        if zerosEven * 10 >= pairs * 6 && zerosOdd * 10 <= pairs {
            return ("UTF-16 big-endian (without a byte-order mark)", evidence)
        }
        return nil
    }

    /// Length of a byte-order mark (or its Latin-1-decoded-and-re-encoded
    /// ghost "ï»¿", C3 AF C2 BB C2 BF) at `p`, or 0. Neither is ever data.
    static func byteOrderMarkLength(_ p: UnsafePointer<UInt8>, count n: Int) -> Int {
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { return 3 }
        if n >= 6 && p[0] == 0xC3 && p[1] == 0xAF && p[2] == 0xC2 && p[3] == 0xBB
            && p[4] == 0xC2 && p[5] == 0xBF { return 6 }
        return 0
    }

    /// Offset of the first byte that is not part of well-formed UTF-8, or nil.
    /// Follows the Unicode table of well-formed sequences (no overlongs,
    /// no surrogates, nothing above U+10FFFF).
    static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, count n: Int) -> Int? {
        var i = 0
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n, p[i + 1] >= low, p[i + 1] <= high else { return i }
            var k = 2
            while k < length {
                guard p[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return nil
    }

    /// Whether the bad byte at `p[i]` looks like a single-byte Western
    /// encoding (é as E9 followed by ASCII) rather than UTF-8 cut short
    /// (a lead byte followed by at least one continuation byte).
    static func looksLikeLatin1(_ p: UnsafePointer<UInt8>, count n: Int, at i: Int) -> Bool {
        let b = p[i]
        guard b >= 0xC2 && b <= 0xF4, i + 1 < n else { return true }
        return p[i + 1] & 0xC0 != 0x80
    }
}
