import ArgumentParser
import DetainerStore
#if canImport(Glibc)
import Glibc
#endif

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

    @Option(name: .customLong("socket"), help: ArgumentHelp(
        "The service's socket, used when another OS account owns the database (default: $DETAINER_SOCKET, else the database path plus .sock).",
        valueName: "path"), completion: .file())
    var socketPath: String?

    /// For a command the service runs for a socket client, the service's database and key,
    /// whatever the client's command line says (issue 23 §1).
    var resolvedPath: String {
        PeerSession.current?.databasePath ?? path ?? Environment.value(Environment.databaseVariable) ?? Environment.defaultDatabase
    }

    var resolvedSigningKeyPath: String? {
        if let peer = PeerSession.current { return peer.signingKeyPath }
        return signingKeyPath ?? Environment.value(Environment.signingKeyVariable)
    }

    var resolvedSocketPath: String {
        socketPath ?? Environment.value(Environment.socketVariable) ?? ServiceSocket.defaultPath(database: resolvedPath)
    }

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
            throw CLIError(.permission, "\(resolvedPath): your OS account may not read this database; other accounts use it through the service (`detainer serve`), and its socket \(resolvedSocketPath) is not there")
        }
        let signer = access == .write || access == .create ? try loadSigner() : nil
        let db = try DetainerDatabase.open(path: resolvedPath, access: access, clock: .system, signer: signer)
        try refuseProductionUnlessOwner(db)
        // `check` (inspect) never records a time, so a pinned clock cannot hurt there, and it
        // reports a database it cannot read rather than refusing it.
        if access == .inspect {
            db.clock = .system
            if (try? db.integrity.mode()) == .training { Environment.announceTraining(db.path) }
            return db
        }
        // A failed read is an I/O error (74), never a guess at the mode (issue 27 §1.4).
        let mode = try db.integrity.mode()
        // For a socket client the environment is the service's (its clock, never the client's).
        db.clock = try Environment.clock(for: mode)
        if mode == .training { Environment.announceTraining(db.path) }
        return db
    }
}

extension DatabaseOptions {
    /// A production database opens only for the account that owns its file: the service, for
    /// itself and for the commands it runs for socket clients, and that account's maintenance
    /// (issue 23 §1). Anyone else goes through `detainer serve`'s socket, so who they are comes
    /// from the kernel, not from a process they control. (A file others can write was a setup
    /// error before; now it is refused even then.)
    func refuseProductionUnlessOwner(_ db: DetainerDatabase) throws {
        var info = stat()
        guard stat(resolvedPath, &info) == 0, info.st_uid != geteuid() else { return }
        guard (try? db.integrity.mode()) == .production else { return }
        let owner = OSAccount.login(uid: info.st_uid) ?? "uid \(info.st_uid)"
        throw CLIError(.permission, "\(resolvedPath) is a production database owned by \(owner); other accounts use it through the service (`detainer serve`), and its socket \(resolvedSocketPath) is not there")
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
        if try db.integrity.mode() == .training { return try db.accounts.authorize(resolvedName, for: permission) }
        return try db.accounts.authorize(osLogin: try OSAccount.currentLogin(), requested: resolvedName, for: permission)
    }

    /// The acting user for what any active user may do to their own account (`user passwd`):
    /// on a training database the declared name, else `fallback`; on a production database the
    /// user mapped to the effective OS account, as for every other command.
    func resolveSelf(in db: DetainerDatabase, fallback: String? = nil) throws -> Actor {
        if try db.integrity.mode() == .training {
            guard let name = resolvedName ?? fallback else {
                throw CLIError(.permission, "name the acting user with --user NAME or DETAINER_USER")
            }
            return try db.accounts.activeActor(named: name)
        }
        return try db.accounts.activeActor(named: try db.accounts.mappedUserName(osLogin: try OSAccount.currentLogin(), requested: resolvedName))
    }
}
