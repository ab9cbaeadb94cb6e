import DetainerStore
#if canImport(Glibc)
import Glibc
#endif

/// `serve --signing-key FILE`: the key the integrity work uses to sign audit entries.
///
/// The server only checks here that the file can be read when it starts (so a misconfigured
/// service fails at once, not at the first write) and hands it to the writer's database handle
/// in ONE place, `attach(_:to:)`. Loading the Ed25519 key and installing the signer belong to
/// the integrity branch; they are wired into `attach` when the branches are merged.
public struct SigningKey: Sendable, Equatable {
    public let path: String

    /// Throws `SigningKeyError` when the file is missing, a directory, or unreadable.
    public init(path: String) throws {
        guard FileStatus.exists(path) else { throw SigningKeyError(message: "signing key \(path) does not exist") }
        guard !FileStatus.isDirectory(path) else { throw SigningKeyError(message: "signing key \(path) is a directory, not a key file") }
        guard access(path, R_OK) == 0 else { throw SigningKeyError(message: "signing key \(path) is not readable by this user") }
        self.path = path
    }

    /// THE hook: gives the writer connection its signing key. Called once, by `Office.init`,
    /// before the first write. (Merge point for the integrity branch's signer.)
    static func attach(_ key: SigningKey?, to database: DetainerDatabase) {
        guard key != nil else { return }
        _ = database
    }
}

public struct SigningKeyError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}
