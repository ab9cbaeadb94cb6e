import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Paths the suite needs: the built binary, the sqlite3 shell, the corpus.
enum Paths {
    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["DETAINER_BIN"] { return URL(fileURLWithPath: override) }
        // The test runner lives next to the products it was built with.
        for folder in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            let url = folder.appendingPathComponent("detainer")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("detainer binary not found near \(Bundle.main.bundleURL.path); build it or set DETAINER_BIN")
    }()

    static let sqlite3: String = {
        for path in ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        fatalError("the sqlite3 shell is needed (apt-get install sqlite3)")
    }()

    /// Tests/ReliabilityTests/Corpus, found from this file so the suite runs from any directory.
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")
}

/// "Now" for every command of the suite, so dates in the corpus stay valid whenever it runs.
let pinnedNow = "2026-03-02T15:00:00Z"

/// One test's own directory holding a copy of the populated fixture database.
final class Sandbox: @unchecked Sendable {
    let url: URL
    var db: String { path("detainer.db") }

    /// A fresh directory with a copy of the fixture (`populated`) or no database at all.
    init(populated: Bool = true, name: String = "sandbox") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("reliability-\(name)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if populated {
            try FileManager.default.copyItem(atPath: Fixture.template.db, toPath: db)
        }
    }

    deinit {
        // A test may have left a directory read-only; make it writable again to remove it.
        _ = try? Subprocess.run("/bin/chmod", ["-R", "u+rwX", url.path], in: FileManager.default.temporaryDirectory)
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    var environment: [String: String] { ["DETAINER_DB": db, "DETAINER_NOW": pinnedNow] }

    /// `detainer args…` as `user` (if any) on this sandbox's database.
    @discardableResult
    func detainer(_ arguments: [String], user: String? = nil, stdin: Data? = nil, timeout: Double = 300) throws -> ProcessResult {
        var env = environment
        if let user { env["DETAINER_USER"] = user }
        return try Subprocess.run(Paths.binary.path, arguments, in: url, environment: env, stdin: stdin, timeout: timeout)
    }

    @discardableResult
    func detainer(_ arguments: String..., user: String? = nil) throws -> ProcessResult {
        try detainer(arguments, user: user)
    }

    func spawnDetainer(_ arguments: [String], user: String? = nil) throws -> RunningProcess {
        var env = environment
        if let user { env["DETAINER_USER"] = user }
        return try Subprocess.spawn(Paths.binary.path, arguments, in: url, environment: env)
    }

    /// The sqlite3 shell on `database` (default: this sandbox's), behind the tool's back.
    @discardableResult
    func sqlite(_ sql: String, database: String? = nil) throws -> ProcessResult {
        try Subprocess.run(Paths.sqlite3, ["-batch", database ?? db], in: url, stdin: Data((".bail on\n" + sql + "\n").utf8))
    }

    /// One value from the sqlite3 shell, trimmed.
    func scalar(_ sql: String) throws -> String {
        try sqlite(sql).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func count(_ sql: String) throws -> Int { Int(try scalar(sql)) ?? -1 }

    /// Row counts of every table, to compare a database before and after something.
    func tableCounts() throws -> [String: Int] {
        let tables = try scalar("SELECT group_concat(name, ' ') FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%';")
            .split(separator: " ").map(String.init)
        let sql = tables.map { "SELECT '\($0)', count(*) FROM \($0);" }.joined(separator: "\n")
        var counts: [String: Int] = [:]
        for line in try sqlite(".separator |\n" + sql).stdout.split(separator: "\n") {
            let parts = line.split(separator: "|")
            if parts.count == 2 { counts[String(parts[0])] = Int(parts[1]) }
        }
        return counts
    }

    /// The database as it stands: its bytes once the WAL is folded in, and a full logical dump.
    func snapshot(of database: String? = nil) throws -> DatabaseSnapshot {
        let file = database ?? db
        try sqlite("PRAGMA wal_checkpoint(TRUNCATE);", database: file)
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
        let dump = try sqlite(".dump", database: file).stdout
        return DatabaseSnapshot(bytes: bytes, dump: dump)
    }

    /// Copies `name` from the corpus into the sandbox, expanding `{{repeat:X:N}}` markers (large
    /// inputs are kept small in git and grown here).
    func stage(corpusFile name: String) throws -> String {
        let source = Paths.corpus.appendingPathComponent(name)
        var data = try Data(contentsOf: source)
        if let text = String(data: data, encoding: .utf8), text.contains("{{repeat:") {
            data = Data(expandRepeats(text).utf8)
        }
        let target = url.appendingPathComponent(source.lastPathComponent)
        try data.write(to: target)
        return target.path
    }

    private func expandRepeats(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{repeat:") {
            result += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let spec = rest[..<close.lowerBound].split(separator: ":")
            rest = rest[close.upperBound...]
            if spec.count == 2, let n = Int(spec[1]) { result += String(repeating: String(spec[0]), count: n) }
        }
        return result + rest
    }
}

struct DatabaseSnapshot: Equatable {
    /// The main file's bytes after a checkpoint (the WAL folded in).
    let bytes: Data
    /// `sqlite3 .dump`: every table's rows and the schema.
    let dump: String

    /// The first line of the dump that differs, to make a failure readable.
    func firstDifference(from other: DatabaseSnapshot) -> String {
        let mine = dump.split(separator: "\n"), theirs = other.dump.split(separator: "\n")
        for (a, b) in zip(mine, theirs) where a != b { return "was: \(a.prefix(300))\nnow: \(b.prefix(300))" }
        if mine.count != theirs.count { return "dump has \(mine.count) lines before, \(theirs.count) after" }
        return bytes == other.bytes ? "no difference" : "same rows, but the file's bytes differ (\(bytes.count) vs \(other.bytes.count) bytes)"
    }
}

nonisolated(unsafe) private var fixtureDirectory: String?

/// The populated database every test starts from: users of each role, intakes, a conviction,
/// a charge, a review, a status change, a contact, an ICE import and a DOC custody import — a
/// row in every audited table. Built once per test run, copied per test.
enum Fixture {
    static let users = ["clerk1": "clerk", "sup1": "supervisor", "aud1": "auditor"]

    static let template: Sandbox = {
        do {
            let box = try Sandbox(populated: false, name: "fixture")
            // The template lives as long as the test process; remove it when the process ends.
            fixtureDirectory = box.url.path
            atexit { if let path = fixtureDirectory { try? FileManager.default.removeItem(atPath: path) } }
            func must(_ args: [String], _ user: String? = nil) throws {
                let result = try box.detainer(args, user: user)
                guard result.status == 0 else { fatalError("fixture step \(args) failed: \(result)") }
            }
            try must(["init", "--training", "--admin", "admin"])
            for (name, role) in users.sorted(by: { $0.key < $1.key }) { try must(["user", "add", name, "--role", role], "admin") }
            try must(["intake", "--name", "Ana Pérez", "--dob", "1985-04-03", "--nysid", "12345678K", "--agency", "DOC",
                      "--booking", "4411500123", "--facility", "Rikers Island", "--arrest-date", "2026-02-20",
                      "--received-at", "2026-03-01T14:00:00Z", "--warrant", "judicial", "--warrant-issuer", "Hon. Maria Lopez, U.S.M.J.",
                      "--warrant-date", "2026-02-27", "--tsdb-match", "no"], "clerk1")
            try must(["intake", "--name", "李小龙", "--dob", "1990-11-27", "--a-number", "A098765432", "--agency", "NYPD",
                      "--booking", "M26600001", "--arrest-date", "2026-03-01", "--received-at", "2026-03-01T16:00:00Z",
                      "--probable-cause", "biometricMatch"], "clerk1")
            try must(["intake", "--name", "John O'Brien", "--agency", "DOC", "--booking", "4411500999", "--arrest-date", "2026-02-25"], "clerk1")
            try must(["conviction", "add", "1", "--statute", "PL 120.05", "--convicted-on", "2022-06-01", "--felony-class", "D"], "clerk1")
            try must(["charge", "add", "1", "--statute", "PL 155.25", "--charged-on", "2026-02-20"], "clerk1")
            try must(["review", "3", "--approve", "--confirm-no-search"], "sup1")
            try must(["status", "2", "--to", "lifted", "--note", "ICE withdrew"], "clerk1")
            try must(["contact", "1", "--direction", "in", "--kind", "informationRequest", "--info-type", "releaseDate",
                      "--summary", "ICE asked for the release date"], "clerk1")
            try must(["import", try box.stage(corpusFile: "fixture/ice-small.csv")], "sup1")
            try must(["import", try box.stage(corpusFile: "fixture/doc-small.csv")], "sup1")
            let check = try box.detainer(["check"])
            guard check.status == 0 else { fatalError("the fixture does not pass check: \(check)") }
            // Fold the WAL into the file so a plain copy is the whole database.
            try box.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
            return box
        } catch {
            fatalError("cannot build the fixture database: \(error)")
        }
    }()
}

/// What this machine lets the suite do; tests that need more are skipped with the reason.
enum Capabilities {
    static let isRoot = getuid() == 0

    /// Root with mount namespaces (CI and the dev machines run as root in a container that
    /// allows them): read-only bind mounts and small tmpfs file systems.
    static let canMount: Bool = {
        guard isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = try? Subprocess.bash("unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt'",
                                         in: FileManager.default.temporaryDirectory)
        return probe?.status == 0
    }()

    /// Root can drop to `nobody` with setpriv, so that file permissions bind.
    static let canDropPrivileges: Bool = isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// The binary and the sandboxes must be reachable by `nobody` for the permission tests.
    static let binaryReachableByOthers: Bool = {
        var url = Paths.binary
        while url.path != "/" {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  let mode = attributes[.posixPermissions] as? Int, mode & 0o001 != 0 else { return false }
            url.deleteLastPathComponent()
        }
        return true
    }()
}

/// Sizes: small in `swift test`; Scripts/reliability runs the heavy ones.
enum Sizes {
    static func value(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
    }
}
