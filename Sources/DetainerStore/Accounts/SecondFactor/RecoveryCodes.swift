import Crypto
import SQLite

/// One-time recovery codes for a lost phone: 16 base32 characters (80 random bits) shown once,
/// in four groups for reading aloud; only the SHA-256 of the normalised code is stored. 80
/// random bits make a fast hash enough: there is nothing to guess from a copy of the database.
public enum RecoveryCodes {
    public static func generate(count: Int = AccountPolicy.recoveryCodeCount) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let code = Base32.encode((0..<10).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            return stride(from: 0, to: code.count, by: 4).map { start in
                String(code.dropFirst(start).prefix(4))
            }.joined(separator: "-")
        }
    }

    /// Upper case, without spaces and dashes: how a typed code is compared.
    static func normalise(_ typed: String) -> String {
        String(typed.uppercased().filter { $0 != "-" && !$0.isWhitespace })
    }

    /// Whether `typed` has the shape of a recovery code (rather than a six-digit TOTP code).
    static func looksLikeCode(_ typed: String) -> Bool {
        let plain = normalise(typed)
        return plain.count == 16 && Base32.decode(plain) != nil
    }

    static func hash(_ typed: String) -> String {
        Array(SHA256.hash(data: Array(normalise(typed).utf8))).hexString
    }
}
