import SQLite

/// Training databases (made by `demo` or `init --training`) accept declared user names and a
/// pinned clock; production databases bind the actor to the OS account and use the real clock.
/// The mode is written once (a trigger refuses any change), so a training database can never
/// become a production one, nor a production one be downgraded.
public enum DatabaseMode: String, Sendable {
    case training, production
}

/// A write or a setting this database refuses for who or what is asking (exit 77).
public struct IntegrityRefusal: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Integrity {
    /// The recorded mode. A database without one (created before issue 13, or not yet
    /// initialised) is production: the safe reading.
    public func mode() throws -> DatabaseMode {
        guard try hasSettingsTable() else { return .production }
        let value = try connection.scalarText("SELECT value FROM settings WHERE key = 'mode'")
        return value == DatabaseMode.training.rawValue ? .training : .production
    }

    /// Whether a mode has been recorded at all.
    public func hasRecordedMode() throws -> Bool {
        guard try hasSettingsTable() else { return false }
        return try connection.scalarText("SELECT value FROM settings WHERE key = 'mode'") != nil
    }

    /// The public key recorded by `init --signing-key`, if any.
    public func recordedPublicKey() throws -> PublicSigningKey? {
        guard try hasSettingsTable(),
              let hex = try connection.scalarText("SELECT value FROM settings WHERE key = 'signing_public_key'") else { return nil }
        return PublicSigningKey(hex: hex)
    }

    private func hasSettingsTable() throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'settings'") == 1
    }

    /// Records the mode (and, optionally, the public signing key) once, in one audited write.
    /// Training only on a database with no history; an existing key is never replaced.
    public func establish(mode: DatabaseMode, publicKey: PublicSigningKey?) throws {
        let currentKey = try recordedPublicKey()
        if try hasRecordedMode() {
            let current = try self.mode()
            if current != mode {
                throw IntegrityRefusal("\(store.path) is a \(current.rawValue) database and can never become a \(mode.rawValue) one")
            }
            if let publicKey, let currentKey, publicKey != currentKey {
                throw IntegrityRefusal("\(store.path) already records a different signing key; the key is written once and never replaced")
            }
            if publicKey == nil || currentKey != nil { return }
        } else if mode == .training, try connection.scalarInt("SELECT count(*) FROM audit_log") ?? 0 > 0 {
            throw IntegrityRefusal("\(store.path) already has a history; only a new, empty database can be a training database")
        }
        // The first signed row must be verifiable: the signer must be the recorded key.
        if let publicKey, let signer = store.signer, signer.publicKey != publicKey {
            throw IntegrityRefusal("the signing key given does not match the public key being recorded")
        }
        let needsMode = !(try hasRecordedMode())
        try audited(actor: .bootstrap, action: "database.establish", entity: "database") { context in
            if needsMode {
                try context.db.run("INSERT INTO settings (key, value) VALUES ('mode', ?)", mode.rawValue)
                context.details["mode"] = .string(mode.rawValue)
                // A random identity fixed at creation (issue 23 §2), recorded in the signed chain:
                // a checkpoint names it, so one from another database is refused.
                let identity = DatabaseIdentity.generate()
                try context.db.run("INSERT INTO settings (key, value) VALUES ('database_id', ?)", identity)
                context.details["databaseID"] = .string(identity)
            }
            if let publicKey, currentKey == nil {
                try context.db.run("INSERT INTO settings (key, value) VALUES ('signing_public_key', ?)", publicKey.hex)
                context.details["signingPublicKey"] = .string(publicKey.hex)
            }
            // Every setting there is now (a demo's marker included) is vouched for by this row.
            for key in try context.db.prepare("SELECT key FROM settings ORDER BY key").map({ $0.string(0) ?? "" }) {
                context.touchIdentity("settings", .text(key))
            }
        }
    }
}

/// The database's identity: 128 random bits in hex, made once by `init`.
enum DatabaseIdentity {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hexString
    }
}

extension Integrity {
    /// The identity the signed chain records for this database (the establishing row), or nil for
    /// a database made before identities were recorded.
    public func databaseIdentity() throws -> String? {
        try connection.scalarText("""
            SELECT payload ->> '$.details.databaseID' FROM audit_log
            WHERE action = 'database.establish' AND payload ->> '$.details.databaseID' IS NOT NULL ORDER BY id LIMIT 1
            """)
    }
}
