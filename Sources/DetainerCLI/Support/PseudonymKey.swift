import DetainerStore

/// The pseudonymisation key (issue 13 §7, issue 23 §4): read once from a regular, owner-only file
/// (a FIFO or device is refused, not waited on) holding exactly the 32 random bytes that
/// `detainer keygen --pseudonym-key` writes, and refused when it is obviously weak: a key an
/// attacker can guess lets them rebuild every token by hashing candidate names and identifiers.
enum PseudonymKey {
    static let keyBytes = 32
    /// Fewer distinct byte values than this is not random (32 random bytes have ~30).
    static let minimumDistinctBytes = 16

    static func load(_ path: String) throws -> [UInt8] {
        let key = try ClientFiles.read(path, limit: 4096, ownerOnly: true)
        try check(key, path: path)
        return key
    }

    static func check(_ key: [UInt8], path: String) throws {
        let advice = "make one with `detainer keygen --pseudonym-key FILE`"
        guard key.count == keyBytes else {
            throw CLIError(.dataError, "\(path): the key is \(key.count) bytes; a pseudonymisation key is exactly \(keyBytes) random bytes (\(advice))")
        }
        guard Set(key).count >= minimumDistinctBytes else {
            throw CLIError(.dataError, "\(path): the key has only \(Set(key).count) distinct byte values and is guessable; \(advice)")
        }
        // Printable ASCII only: a password or passphrase, not random bytes.
        guard !key.allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x0A || $0 == 0x0D }) else {
            throw CLIError(.dataError, "\(path): the key is printable text (a password?), which is guessable; \(advice)")
        }
    }
}
