import Crypto

/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1 of the number of
/// 30-second steps since 1970, dynamically truncated to six digits, as every authenticator app
/// computes them. The time is passed in (the store's clock), never read here, so tests use the
/// RFC's own vectors. Written here rather than taken from HummingbirdOTP so the store does not
/// depend on the web framework, and so the step is computed from the store's instant.
public struct TOTP: Sendable, Equatable {
    public let secret: [UInt8]
    public let digits: Int
    public let stepSeconds: Int64

    public init(secret: [UInt8], digits: Int = 6, stepSeconds: Int64 = 30) {
        self.secret = secret
        self.digits = digits
        self.stepSeconds = stepSeconds
    }

    /// The time step that contains `secondsSinceEpoch`.
    public func step(at secondsSinceEpoch: Int64) -> Int64 { secondsSinceEpoch / stepSeconds }

    /// The code for one time step, zero-padded to `digits`.
    public func code(step: Int64) -> String {
        let counter = withUnsafeBytes(of: UInt64(step).bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    public func code(at secondsSinceEpoch: Int64) -> String { code(step: step(at: secondsSinceEpoch)) }

    /// The step `typed` is the code of, within `window` steps either side of now (clock drift
    /// between the server and the phone), or nil. Compared in constant time per candidate.
    public func matchingStep(_ typed: String, at secondsSinceEpoch: Int64, window: Int64 = 1) -> Int64? {
        let digitsOnly = typed.filter { !$0.isWhitespace }
        guard digitsOnly.count == digits, digitsOnly.allSatisfy(\.isASCII), digitsOnly.allSatisfy(\.isNumber) else { return nil }
        let now = step(at: secondsSinceEpoch)
        var found: Int64?
        for candidate in (now - window)...(now + window) where candidate >= 0 {
            if Self.constantTimeEquals(code(step: candidate), digitsOnly), found == nil { found = candidate }
        }
        return found
    }

    /// The `otpauth://` URI authenticator apps read (from the QR code, or typed in).
    public func uri(account: String, issuer: String) -> String {
        "otpauth://totp/\(Self.percentEncode(issuer)):\(Self.percentEncode(account))?secret=\(Base32.encode(secret))&issuer=\(Self.percentEncode(issuer))&algorithm=SHA1&digits=\(digits)&period=\(stepSeconds)"
    }

    /// 20 random bytes (160 bits, RFC 4226 §4's recommended length).
    public static func generateSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return out
    }
}

/// RFC 4648 base32 without padding: how TOTP secrets are shown and stored.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// nil for anything but upper-case base32 (spaces and padding are not accepted here).
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for character in text.utf8 {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return out
    }
}
