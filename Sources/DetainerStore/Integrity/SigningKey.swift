import Crypto
import SQLite

/// The Ed25519 key that signs each audit row's hash (issue 13 §2). Loaded once (from
/// `--signing-key FILE` or `$DETAINER_SIGNING_KEY`) and handed to `DetainerDatabase.open`, so a
/// long-running server signs every write transaction with the same key.
///
/// Files are two lines: a label and the 32 raw key bytes in base64. The label names what the
/// file is, so a public key given where the private one is needed is refused by name.
public struct SigningKey: Sendable {
    /// The raw 32 bytes (swift-crypto's key type is not Sendable; a server shares this value).
    private let raw: [UInt8]
    public var privateKey: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: raw) }
    public var publicKey: PublicSigningKey { PublicSigningKey(key: privateKey.publicKey) }

    public static let privateLabel = "detainer ed25519 private key"

    public init(_ key: Curve25519.Signing.PrivateKey) { raw = Array(key.rawRepresentation) }

    public static func generate() -> SigningKey { SigningKey(Curve25519.Signing.PrivateKey()) }

    public var fileContents: String {
        "\(Self.privateLabel)\n\(Base64.encode(Array(privateKey.rawRepresentation)))\n"
    }

    /// Reads a private key file (regular file, at most 4 KiB, readable by its owner only).
    /// `contents`: the file as read elsewhere (by a client of the service socket).
    public static func load(path: String, contents: [UInt8]? = nil) throws -> SigningKey {
        let (label, raw) = try KeyFile.parse(path: path, ownerOnly: true, contents: contents)
        guard label == privateLabel else {
            throw KeyFileError(path: path, problem: label == PublicSigningKey.label
                ? "is a public key; writes need the private key (signing.key)" : "is not a detainer signing key file")
        }
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw KeyFileError(path: path, problem: "does not hold a valid Ed25519 private key")
        }
        return SigningKey(key)
    }

    /// The signature (hex) over an audit row's hash.
    func sign(head: String) throws -> String {
        Array(try privateKey.signature(for: Array(PublicSigningKey.message(head: head).utf8))).hexString
    }
}

/// The public half, recorded in the database at `init` and optionally held outside it.
public struct PublicSigningKey: Sendable, Equatable {
    private let raw: [UInt8]
    public var key: Curve25519.Signing.PublicKey { try! Curve25519.Signing.PublicKey(rawRepresentation: raw) }
    public static let label = "detainer ed25519 public key"

    public static func == (a: PublicSigningKey, b: PublicSigningKey) -> Bool { a.hex == b.hex }

    public var hex: String { raw.hexString }

    public var fileContents: String { "\(Self.label)\n\(Base64.encode(Array(key.rawRepresentation)))\n" }

    init(key: Curve25519.Signing.PublicKey) { raw = Array(key.rawRepresentation) }

    public init?(hex: String) {
        guard let bytes = Hex.decode(hex), (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil else { return nil }
        raw = bytes
    }

    /// Reads a public key file, or derives the public key from a private key file.
    public static func load(path: String, contents: [UInt8]? = nil) throws -> PublicSigningKey {
        let (label, raw) = try KeyFile.parse(path: path, contents: contents)
        if label == SigningKey.privateLabel { return try SigningKey.load(path: path, contents: contents).publicKey }
        guard label == Self.label, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw KeyFileError(path: path, problem: "is not a detainer public key file (signing.pub)")
        }
        return PublicSigningKey(key: key)
    }

    /// What is signed: a domain-separated statement of the chain head.
    static func message(head: String) -> String { "detainer audit head v1 \(head)" }

    func verify(signature: String, head: String) -> Bool {
        guard let bytes = Hex.decode(signature) else { return false }
        return key.isValidSignature(bytes, for: Array(Self.message(head: head).utf8))
    }
}

public struct KeyFileError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let problem: String
    public var description: String { "\(path) \(problem)" }
}

enum KeyFile {
    static func parse(path: String, ownerOnly: Bool = false, contents: [UInt8]? = nil) throws -> (label: String, raw: [UInt8]) {
        let bytes = try contents ?? BoundedFile.read(path, limit: 4096, ownerOnly: ownerOnly)
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map { String($0).keyLineTrimmed }
        guard lines.count == 2, let raw = Base64.decode(lines[1]), raw.count == 32 else {
            throw KeyFileError(path: path, problem: "is not a detainer key file (expected a label line and 32 base64-encoded bytes); make one with `detainer keygen`")
        }
        return (lines[0], raw)
    }
}

extension String {
    var keyLineTrimmed: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }
}

enum Hex {
    static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Standard base64 (RFC 4648 §4) without Foundation.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index], b1 = index + 1 < bytes.count ? bytes[index + 1] : 0, b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        for c in text.utf8 where c != UInt8(ascii: "=") {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            values.append(UInt8(v))
        }
        var out: [UInt8] = []
        var index = 0
        while index + 1 < values.count {
            out.append(values[index] << 2 | values[index + 1] >> 4)
            if index + 2 < values.count { out.append((values[index + 1] & 15) << 4 | values[index + 2] >> 2) }
            if index + 3 < values.count { out.append((values[index + 2] & 3) << 6 | values[index + 3]) }
            index += 4
        }
        return out
    }
}
