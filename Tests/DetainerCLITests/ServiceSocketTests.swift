import Foundation
import Glibc
import TestSupport
import Testing

/// Issue 23 §1 as it will be replayed: a production database owned by a service account, the
/// service (`detainer serve`) running as that account, and the command line of a clerk, a
/// supervisor and an outsider, each its own OS account. Needs root (CI runs as root) to create the
/// accounts and to drop to them with setpriv.
@Suite(.serialized, .enabled(if: ServiceOffice.possible))
struct ServiceSocketTests {
    @Test func theKernelSaysWhoTheCallerIsAndNothingTheCallerControlsChangesIt() throws {
        let office = try ServiceOffice()
        defer { office.stop() }

        // A clerk's intake goes through the socket and is credited to the clerk's account.
        let intake = try office.run(as: ServiceOffice.clerk, office.intakeArguments)
        #expect(intake.status == 0, "\(intake)")
        let auth = try office.sql("SELECT json_extract(payload, '$.auth.channel') || ' ' || json_extract(payload, '$.auth.uid') || ' ' || actor_name FROM audit_log WHERE action = 'detainer.intake'")
        #expect(auth == "socket \(try ServiceOffice.uid(ServiceOffice.clerk)) clara")

        // Reads too need a mapped account: the outsider gets nothing, not even the queue.
        let outsider = try office.run(as: ServiceOffice.outsider, ["queue"])
        #expect(outsider.status == 77, "\(outsider)")
        #expect(outsider.stderr.contains("not mapped to an active user"))
        #expect(!outsider.stdout.contains("Test Person"))

        // Finding 1: the clerk maps themself to the supervisor's uid in a user namespace. The
        // kernel reports the real account to the service, so it is the clerk who tries to review.
        let posing = try office.run(as: ServiceOffice.clerk, ["review", "1", "--confirm-no-search", "--decide", "decline", "--reason", "x"],
                                    wrapper: ["/usr/bin/unshare", "-U", "--map-user=\(try ServiceOffice.uid(ServiceOffice.supervisor))"])
        #expect(posing.status != 0, "\(posing)")
        #expect(try office.sql("SELECT count(*) FROM reviews") == "0")
        #expect(try office.sql("SELECT count(*) FROM audit_log WHERE actor_name = 'sam'") == "0")

        // Naming the supervisor (--user, DETAINER_USER) only picks among the caller's own users.
        let named = try office.run(as: ServiceOffice.clerk, ["review", "1", "--confirm-no-search", "--decide", "decline", "--reason", "x", "--user", "sam"])
        #expect(named.status == 77, "\(named)")
        let declared = try office.run(as: ServiceOffice.clerk, ["review", "1", "--confirm-no-search", "--decide", "decline", "--reason", "x"], environment: ["DETAINER_USER": "sam"])
        #expect(declared.status == 77, "\(declared)")
        #expect(try office.sql("SELECT count(*) FROM reviews") == "0")

        // The supervisor's review is theirs, with their uid and pid on the record.
        let review = try office.run(as: ServiceOffice.supervisor, ["review", "1", "--confirm-no-search", "--decide", "decline", "--reason", "no judicial warrant"])
        #expect(review.status == 0, "\(review)")
        #expect(try office.sql("SELECT json_extract(payload, '$.auth.uid') || ' ' || actor_name FROM audit_log WHERE action = 'detainer.review'")
                == "\(try ServiceOffice.uid(ServiceOffice.supervisor)) sam")

        // The signing key and the database stay the service's: the clerk cannot read either
        // directly, and naming the key as a file gets it read with the clerk's permissions.
        let key = try office.run(as: ServiceOffice.clerk, ["check", "--public-key", office.keyDirectory + "/signing.key"])
        #expect(key.status == 66, "\(key)")
        #expect(key.stderr.contains("Permission denied"))
        let direct = try office.run(as: ServiceOffice.clerk, ["queue", "--socket", office.directory.path("no.sock")])
        #expect(direct.status == 77, "\(direct)")

        // Maintenance is the service account's own.
        let backup = try office.run(as: ServiceOffice.supervisor, ["backup", office.directory.path("copy.db")])
        #expect(backup.status == 77, "\(backup)")
        #expect(backup.stderr.contains("maintenance"))

        // Output files are the caller's: created by the supervisor's own account, owner-only;
        // and a path only the service could write is refused.
        let out = office.directory.path("supervisor/export.csv")
        let export = try office.run(as: ServiceOffice.supervisor, ["export", "--output", out])
        #expect(export.status == 0, "\(export)")
        var info = stat()
        let supervisorUID = try ServiceOffice.uid(ServiceOffice.supervisor)
        #expect(stat(out, &info) == 0)
        #expect(info.st_uid == supervisorUID && info.st_mode & 0o777 == 0o600)
        let planted = try office.run(as: ServiceOffice.supervisor, ["export", "--output", office.dataDirectory + "/planted.csv"])
        #expect(planted.status != 0)
        #expect(!FileManager.default.fileExists(atPath: office.dataDirectory + "/planted.csv"))

        // A clerk's declared time or database never reaches the service.
        let pinned = try office.run(as: ServiceOffice.clerk, ["list"], environment: ["DETAINER_NOW": "2020-01-01T00:00:00Z"])
        #expect(pinned.status == 0, "\(pinned)")

        // The chain still verifies against the key held outside, by the service account.
        let check = try office.runAsService(["check", "--public-key", office.keyDirectory + "/signing.pub"])
        #expect(check.status == 0, "\(check)")
    }

    @Test func aProductionDatabaseOthersCanWriteStillOpensOnlyForItsOwner() throws {
        let office = try ServiceOffice(listen: false)
        // The setup error the review found (a group- or world-writable file): the clerk can open
        // the file, but a production database is refused to anyone but its owner.
        try office.widenPermissions()
        let result = try office.run(as: ServiceOffice.clerk, office.intakeArguments)
        #expect(result.status == 77, "\(result)")
        #expect(result.stderr.contains("owned by \(ServiceOffice.service)"))
        #expect(try office.sql("SELECT count(*) FROM detainers") == "0")
    }
}

/// A production office on this machine: OS accounts, a 0700 data directory and key directory
/// owned by the service account, and `detainer serve` running as that account.
final class ServiceOffice {
    static let service = "dtsock-svc"
    static let clerk = "dtsock-clerk"
    static let supervisor = "dtsock-sup"
    static let outsider = "dtsock-out"

    static let possible: Bool = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")

    let directory = TemporaryDirectory()
    var dataDirectory: String { directory.path("data") }
    var keyDirectory: String { directory.path("keys") }
    var database: String { dataDirectory + "/detainer.db" }
    var socket: String { directory.path("run/detainer.sock") }
    let binary: String
    private var server: RunningProcess?

    let intakeArguments = ["intake", "--agency", "DOC", "--name", "Test Person", "--dob", "1980-01-01", "--booking", "B123",
                           "--arrest-date", "2026-12-01", "--received-at", "2026-12-07T10:00:00Z", "--release-at", "2026-12-09T15:00:00Z"]

    init(listen: Bool = true) throws {
        try Self.ensureAccounts([Self.service, Self.clerk, Self.supervisor, Self.outsider])
        chmod(directory.url.path, 0o755)
        // The test binary may sit under a directory other accounts cannot enter: give them a copy.
        binary = directory.path("detainer")
        try FileManager.default.copyItem(atPath: CLIRunner.binary.path, toPath: binary)
        chmod(binary, 0o755)
        for (path, owner) in [(dataDirectory, Self.service), (keyDirectory, Self.service), (directory.path("supervisor"), Self.supervisor)] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            chown(path, try Self.uid(owner), try Self.gid(owner))
            chmod(path, 0o700)
        }
        // The socket's directory: the service's, open to all (the mapping decides, not the mode).
        try FileManager.default.createDirectory(atPath: directory.path("run"), withIntermediateDirectories: false)
        chown(directory.path("run"), try Self.uid(Self.service), try Self.gid(Self.service))
        chmod(directory.path("run"), 0o755)
        try expect(runAsService(["keygen", "--out", keyDirectory]))
        try expect(runAsService(["init", "--admin", "boss"]))
        try expect(runAsService(["user", "add", "clara", "--role", "clerk", "--os-login", Self.clerk]))
        try expect(runAsService(["user", "add", "sam", "--role", "supervisor", "--os-login", Self.supervisor]))
        if listen { try start() }
    }

    private static let accountsLock = NSLock()

    /// Creates the OS accounts that are missing, one test at a time: useradd run concurrently
    /// fails on the /etc/passwd lock.
    static func ensureAccounts(_ accounts: [String]) throws {
        try accountsLock.withLock {
            for account in accounts where (try? uid(account)) == nil {
                let added = try Subprocess.run("/usr/sbin/useradd", ["-M", "-s", "/usr/sbin/nologin", account], in: URL(fileURLWithPath: "/"))
                guard added.status == 0 || added.stderr.contains("already exists") else { throw Failure("useradd \(account): \(added)") }
            }
        }
    }

    private func expect(_ result: ProcessResult) throws {
        guard result.status == 0 else { throw Failure("\(result)") }
    }

    /// `detainer serve` as the service account; ready when /healthz answers.
    private func start() throws {
        for _ in 0..<5 where server == nil {
            let port = Int.random(in: 20000...60000)
            let process = try Subprocess.spawn("/usr/bin/setpriv", Self.drop(to: Self.service) + [binary, "serve", "--port", String(port), "--socket", socket],
                                               in: directory.url, environment: serviceEnvironment)
            for _ in 0..<600 where process.process.isRunning {
                let health = try Subprocess.run("/usr/bin/curl", ["-s", "http://127.0.0.1:\(port)/healthz"], in: directory.url)
                if health.stdout == "ok" { server = process; break }
                usleep(100_000)
            }
            if server == nil {
                if process.process.isRunning { process.kill9() }
                let ended = process.wait()
                if ended.stderr.contains("Address already in use") { continue }
                throw Failure("detainer serve did not start: \(ended)")
            }
        }
        guard server != nil else { throw Failure("detainer serve did not start") }
    }

    func stop() {
        guard let server else { return }
        _ = Glibc.kill(server.pid, SIGTERM)
        _ = server.wait(timeout: 60)
    }

    var serviceEnvironment: [String: String] {
        ["DETAINER_DB": database, "DETAINER_SIGNING_KEY": keyDirectory + "/signing.key"]
    }

    func runAsService(_ arguments: [String]) throws -> ProcessResult {
        try Subprocess.run("/usr/bin/setpriv", Self.drop(to: Self.service) + [binary] + arguments, in: directory.url, environment: serviceEnvironment)
    }

    /// A command typed by `account`, which knows the database's path and the socket's, as the
    /// README's client setup gives them.
    func run(as account: String, _ arguments: [String], wrapper: [String] = [], environment: [String: String] = [:]) throws -> ProcessResult {
        try Subprocess.run("/usr/bin/setpriv", Self.drop(to: account) + wrapper + [binary] + arguments, in: directory.url,
                           environment: ["DETAINER_DB": database, "DETAINER_SOCKET": socket].merging(environment) { $1 })
    }

    /// Reads the database as root (the test's view, not any account's).
    func sql(_ query: String) throws -> String {
        try Subprocess.run("/usr/bin/sqlite3", [database, query], in: directory.url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The old shared setup: the directory and file open to everyone.
    func widenPermissions() throws {
        chmod(dataDirectory, 0o777)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) { chmod(database + suffix, 0o666) }
    }

    static func drop(to account: String) throws -> [String] {
        ["--reuid", String(try uid(account)), "--regid", String(try gid(account)), "--clear-groups"]
    }

    static func uid(_ account: String) throws -> uid_t {
        guard let entry = getpwnam(account) else { throw Failure("no account \(account)") }
        return entry.pointee.pw_uid
    }

    static func gid(_ account: String) throws -> gid_t {
        guard let entry = getpwnam(account) else { throw Failure("no account \(account)") }
        return entry.pointee.pw_gid
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
