import ArgumentParser
import DetainerStore
#if canImport(Glibc)
import Glibc
#endif

struct InitCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database, or bring an existing one up to this version's schema.",
        discussion: """
            Safe to run on an existing database: it applies only missing migrations and reports the version. A new \
            production database needs --signing-key (make one with `detainer keygen --out DIR`): its public key is \
            recorded and every later write is signed. --training makes a training database instead (declared user \
            names, $DETAINER_NOW honoured, every output marked TRAINING); it can never become a production one.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: WriteOutputOptions

    @Option(help: ArgumentHelp("Create this first admin user, mapped to the OS account running init (only when the database has no admin yet).", valueName: "name"))
    var admin: String?

    @Flag(help: "Create a training database (for demos, courses and tests), never a production one.")
    var training = false

    @Option(help: ArgumentHelp("Let this OS group read and write the database (mode 0660 instead of 0600).", valueName: "name"))
    var group: String?

    func execute() throws {
        let path = database.resolvedPath
        if FileStatus.isDirectory(path) { throw CLIError(.ioError, "\(path) is a directory, not a database file") }
        if let missing = FileStatus.missingDirectory(for: path) {
            throw CLIError(.noInput, "\(missing): no such directory (for the database \(path)); create it first")
        }
        let existed = FileStatus.exists(path)
        let signer = try database.loadSigner()
        if !existed && !training && signer == nil {
            throw CLIError(.permission, "a production database signs its history: make a key with `detainer keygen --out DIR`, then run `detainer init --signing-key DIR/signing.key` (or use --training for a training database); nothing was created")
        }
        let groupID = try group.map(Self.groupID)
        if !existed { try Self.createPrivateFile(path, group: groupID) }
        let db = try DetainerDatabase.open(path: path, access: .create, clock: .system, signer: signer)
        let recorded = try db.integrity.hasRecordedMode() ? try db.integrity.mode() : nil
        let mode = recorded ?? (training ? .training : .production)
        if training, recorded == .production { throw IntegrityRefusal("\(path) is a production database and can never become a training one") }
        db.clock = try Environment.clock(for: mode)
        let before = try db.schemaVersion()
        let applied = try db.migrate()
        let version = try db.schemaVersion()
        // Sentences for people, or (--format json) one object for scripts, printed at the end.
        var lines: [String] = []
        var json: [String: JSONValue] = ["database": .string(path), "created": .bool(!existed), "schemaVersion": .int(Int64(version)),
                                         "migrations": .array(applied.map { .string("\($0.version)_\($0.name)") })]
        if !existed {
            lines.append("Created \(path) at schema version \(version).")
        } else if applied.isEmpty {
            lines.append("\(path) is up to date at schema version \(version).")
        } else {
            lines.append("Migrated \(path) from schema version \(before) to \(version) (\(applied.map { "\($0.version)_\($0.name)" }.joined(separator: ", "))).")
        }
        let hadKey = try db.integrity.recordedPublicKey() != nil
        try db.integrity.establish(mode: mode, publicKey: signer?.publicKey)
        // Issue 23 §2: a database upgraded past 0013 with a history gets one entry vouching for
        // the sessions, passwords and settings it already holds (needs the signing key).
        if existed, before > 0, before < 13, applied.contains(where: { $0.version == 13 }) {
            do {
                let rows = try db.integrity.recordIdentityBaseline()
                lines.append("Fingerprinted \(rows) session, password and setting row(s) into the audit log (migration 0013).")
            } catch let refusal as IntegrityRefusal {
                lines.append("Not fingerprinted: the sessions, passwords and settings made before migration 0013 (\(refusal.message)); `detainer check` lists them as inserted outside detainer.")
            }
        }
        // Issue 25 §2: open declines evaluated before their deadline became the scheduled release
        // get it now, in one audited entry (migration 0014; again on any later init that finds one).
        if existed, !(try db.staleDeclineDeadlines()).isEmpty {
            do {
                let changed = try db.realignDeclineDeadlines()
                lines.append("Set the deadline of \(changed.count) open declined detainer(s) to the scheduled release: a decline has no lawful hold (\(changed.map { String($0.detainerID) }.joined(separator: ", "))).")
            } catch let refusal as IntegrityRefusal {
                lines.append("Not yet realigned: the deadlines of open declined detainers evaluated before release-on-time (\(refusal.message)); run init again with the signing key.")
            }
        }
        if mode == .training { Environment.announceTraining(path) }
        json["mode"] = .string(mode.rawValue)
        json["signingKey"] = .optional(try db.integrity.recordedPublicKey()?.hex)
        if recorded == nil { lines.append("This is a \(mode == .training ? "TRAINING" : "production") database.") }
        if !hadKey, let key = signer?.publicKey { lines.append("Recorded signing key \(key.hex.prefix(16))…; every write is signed from now on.") }
        if let admin {
            let (user, created) = try db.accounts.bootstrapAdmin(name: admin, osLogin: try OSAccount.currentLogin())
            let login = try db.accounts.osLogin(ofUserID: user.id)
            lines.append(created ? "Created admin user \(user.name) (OS account \(login ?? "-"))." : "Admin user \(user.name) already exists.")
            json["admin"] = .object(["name": .string(user.name), "created": .bool(created), "osLogin": .optional(login)])
        }
        output.print(text: lines.joined(separator: "\n"), json: .object(json))
        try db.close()
        if let groupID { try Self.shareWithGroup(path, groupID) }
    }

    /// The database starts life owner-only, whatever the umask; SQLite gives its -wal and -shm
    /// files the database file's mode.
    static func createPrivateFile(_ path: String, group: gid_t?) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, group == nil ? 0o600 : 0o660)
        guard fd >= 0 else { throw CLIError(.cannotCreate, "\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if let group, fchown(fd, uid_t.max, group) != 0 {
            throw CLIError(.permission, "cannot give \(path) to group \(group): \(String(cString: strerror(errno)))")
        }
        fchmod(fd, group == nil ? 0o600 : 0o660)
    }

    static func groupID(_ name: String) throws -> gid_t {
        guard let entry = getgrnam(name) else { throw CLIError(.usage, "group: no OS group named \"\(name)\"") }
        return entry.pointee.gr_gid
    }

    /// Group read/write on the database and its -wal/-shm (SQLite copies the database's mode to
    /// them when it creates them later).
    static func shareWithGroup(_ path: String, _ group: gid_t) throws {
        for suffix in ["", "-wal", "-shm"] where FileStatus.exists(path + suffix) {
            guard chown(path + suffix, uid_t.max, group) == 0, chmod(path + suffix, 0o660) == 0 else {
                throw CLIError(.permission, "cannot share \(path + suffix) with the group: \(String(cString: strerror(errno)))")
            }
        }
    }
}
