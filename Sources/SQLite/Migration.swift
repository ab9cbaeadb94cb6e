import Crypto

/// One schema change: a numbered SQL script. Its checksum is the SHA-256 of its exact text, so
/// an edit to an already-applied migration is detected instead of silently diverging.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    public var checksum: String { SHA256Hex.digest(of: Array(sql.utf8)) }
}

/// A migration as recorded in the database.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let checksum: String
    public let appliedAt: String
}

public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case checksumMismatch(version: Int, name: String, recorded: String, expected: String)
    case nameMismatch(version: Int, recorded: String, expected: String)
    case databaseTooNew(databaseVersion: Int, knownVersion: Int)
    case unknownVersion(version: Int, name: String)
    case foreignKeyViolations(version: Int, count: Int)

    public var description: String {
        switch self {
        case .checksumMismatch(let version, let name, let recorded, let expected):
            return "migration \(version) (\(name)) was applied with checksum \(recorded.prefix(12))… but this binary's copy has \(expected.prefix(12))…; the schema history has been altered"
        case .nameMismatch(let version, let recorded, let expected):
            return "migration \(version) is recorded as \"\(recorded)\" but this binary calls it \"\(expected)\""
        case .databaseTooNew(let databaseVersion, let knownVersion):
            return "the database is at schema version \(databaseVersion), newer than this binary knows (\(knownVersion)); use a newer detainer"
        case .unknownVersion(let version, let name):
            return "the database records migration \(version) (\(name)) that this binary does not have"
        case .foreignKeyViolations(let version, let count):
            return "migration \(version) would leave \(count) foreign-key violation(s); not applied"
        }
    }
}

enum SHA256Hex {
    static func digest(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).hexString
    }
}

extension Sequence where Element == UInt8 {
    /// Lowercase hexadecimal, two digits per byte.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
