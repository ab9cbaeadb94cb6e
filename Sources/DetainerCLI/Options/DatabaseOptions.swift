import ArgumentParser
import DetainerStore

/// `--db PATH` and `--signing-key FILE`, shared by every command that touches a database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $DETAINER_DB, else ./detainer.db).", valueName: "path"),
        completion: .file(extensions: ["db", "sqlite"]))
    var path: String?

    @Option(name: .customLong("signing-key"), help: ArgumentHelp(
        "The private key that signs this command's writes (default: $DETAINER_SIGNING_KEY).", valueName: "file"),
        completion: .file())
    var signingKeyPath: String?

    var resolvedPath: String { path ?? Environment.value(Environment.databaseVariable) ?? Environment.defaultDatabase }

    var resolvedSigningKeyPath: String? { signingKeyPath ?? Environment.value(Environment.signingKeyVariable) }

    /// Loads the signing key named by the option or environment (nil when none is named).
    func loadSigner() throws -> SigningKey? {
        guard let keyPath = resolvedSigningKeyPath else { return nil }
        do {
            return try SigningKey.load(path: keyPath)
        } catch let failure as BoundedFile.Failure {
            // Say which file: "signing key /etc/detainer/signing.key: no such file".
            throw CLIError(failure.exitStatus, "signing key \(failure.description)")
        }
    }

    /// Opens the database; writers get the signing key. On a production database a pinned
    /// clock (DETAINER_NOW) is refused; on a training one it is honoured and a TRAINING line
    /// goes to stderr, so no output of a training database can pass for a real one.
    func open(_ access: DetainerDatabase.Access) throws -> DetainerDatabase {
        if FileStatus.isAccessDenied(resolvedPath) {
            throw CLIError(.permission, "\(resolvedPath): your OS account may not read this database (it is owner-only, or shared with a group you are not in)")
        }
        let signer = access == .write || access == .create ? try loadSigner() : nil
        let db = try DetainerDatabase.open(path: resolvedPath, access: access, clock: .system, signer: signer)
        // `check` (inspect) never records a time, so a pinned clock cannot hurt there, and it
        // reports a database it cannot read rather than refusing it.
        if access == .inspect {
            db.clock = .system
            if (try? db.mode()) == .training { Environment.announceTraining(db.path) }
            return db
        }
        // A failed read is an I/O error (74), never a guess at the mode (issue 27 §1.4).
        let mode = try db.mode()
        db.clock = try Environment.clock(for: mode)
        if mode == .training { Environment.announceTraining(db.path) }
        return db
    }
}

/// `--user NAME`, for commands that write or must be attributed.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("user"), help: ArgumentHelp(
        "The acting user (default: $DETAINER_USER). On a production database, only a user mapped to your OS account.", valueName: "name"))
    var name: String?

    var resolvedName: String? { name ?? Environment.value(Environment.userVariable) }

    /// The acting user: on a training database the declared name; on a production database
    /// the user mapped to the effective OS account (`--user` only picks among those).
    func resolve(in db: DetainerDatabase, for permission: Permission) throws -> Actor {
        if try db.mode() == .training { return try db.authorize(resolvedName, for: permission) }
        return try db.authorize(osLogin: try OSAccount.currentLogin(), requested: resolvedName, for: permission)
    }

    /// The acting user for what any active user may do to their own account (`user passwd`):
    /// on a training database the declared name, else `fallback`; on a production database the
    /// user mapped to the effective OS account, as for every other command.
    func resolveSelf(in db: DetainerDatabase, fallback: String? = nil) throws -> Actor {
        if try db.mode() == .training {
            guard let name = resolvedName ?? fallback else {
                throw CLIError(.permission, "name the acting user with --user NAME or DETAINER_USER")
            }
            return try db.activeActor(named: name)
        }
        return try db.activeActor(named: try db.mappedUserName(osLogin: try OSAccount.currentLogin(), requested: resolvedName))
    }
}
