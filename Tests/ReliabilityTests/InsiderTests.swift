import Foundation
import Testing
import TestSupport

/// Issue 13: a dishonest insider's repros, each refused or detected. Production databases are
/// made here (signed, actors bound to the OS account running the tests); training ones come
/// from the shared fixture.
@Suite struct InsiderTests {
    /// A production database in `box`, its admin mapped to this OS account.
    static func production(_ box: Sandbox) throws -> [String: String] {
        let keys = box.path("keys")
        let env = ["DETAINER_DB": box.db, "DETAINER_SIGNING_KEY": keys + "/signing.key"]
        for args in [["keygen", "--out", keys], ["init", "--signing-key", keys + "/signing.key", "--admin", "maria"],
                     ["user", "add", "clerk.kim", "--role", "clerk", "--os-login", "kim"],
                     ["user", "add", "sup.chen", "--role", "supervisor", "--os-login", "chen"]] {
            let result = try Subprocess.run(Paths.binary.path, args, in: box.url, environment: env)
            try #require(result.status == 0, "\(args): \(result)")
        }
        return env
    }

    static func run(_ box: Sandbox, _ env: [String: String], _ args: [String]) throws -> ProcessResult {
        try Subprocess.run(Paths.binary.path, args, in: box.url, environment: env)
    }

    @Test func section1_declaredNamesAndPinnedClocksAreRefusedOnProduction() throws {
        let box = try Sandbox(populated: false, name: "insider-identity")
        let env = try Self.production(box)
        let before = try box.snapshot()
        let asSupervisor = try Self.run(box, env, ["user", "add", "mallory", "--role", "admin", "--user", "sup.chen"])
        #expect(asSupervisor.status == 77, "\(asSupervisor)")
        var pinned = env
        pinned["DETAINER_NOW"] = "2020-01-01T00:00:00Z"
        let backdated = try Self.run(box, pinned, ["user", "add", "mallory", "--role", "admin"])
        #expect(backdated.status == 77 && backdated.stderrLines.count == 1, "\(backdated)")
        #expect(try box.snapshot().dump == before.dump)
    }

    @Test func section2_aHistoryUnderAnotherKeyIsRejected() throws {
        let first = try Sandbox(populated: false, name: "insider-key-a")
        let second = try Sandbox(populated: false, name: "insider-key-b")
        let envA = try Self.production(first)
        let envB = try Self.production(second)
        let external = first.path("keys/signing.pub")
        #expect(try Self.run(first, envA, ["check", "--public-key", external]).status == 0)
        let forged = try Self.run(second, envB, ["check", "--public-key", external])
        #expect(forged.status == 1 && forged.stdout.contains("not the external key"), "\(forged)")
    }

    @Test func section3_aCheckConstraintRemovedThroughWritableSchemaIsNamed() throws {
        let box = try Sandbox(name: "insider-schema")
        let tamper = try box.sqlite("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (active IN (0, 1))', '') WHERE name = 'users';
            PRAGMA writable_schema = OFF;
            """)
        try #require(tamper.status == 0, "\(tamper)")
        let check = try box.detainer("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("table users differs from the migrations' definition"), "\(check.stdout)")
    }

    @Test func section5_outputsNeverClobberTheDatabaseAndAreOwnerOnly() throws {
        let box = try Sandbox(name: "insider-files")
        let before = try box.snapshot()
        // Another name for the database file, via a symbolic link.
        try FileManager.default.createSymbolicLink(atPath: box.path("alias.db"), withDestinationPath: box.db)
        let csv = try box.stage(corpusFile: "fixture/ice-small.csv")
        let rejects = try box.detainer(["import", csv, "--allow-duplicate", "--skip-bad", "--rejects", box.path("alias.db")], user: "sup1")
        #expect(rejects.status == 73, "\(rejects)")
        let export = try box.detainer(["export", "--output", box.db + "-wal", "--force"], user: "aud1")
        #expect(export.status == 73, "\(export)")
        #expect(try box.snapshot().dump == before.dump)
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: box.path("precious.txt")))
        #expect(try box.detainer(["export", "--output", box.path("precious.txt")], user: "aud1").status == 73)
        #expect(try String(contentsOfFile: box.path("precious.txt"), encoding: .utf8) == "precious\n")
        // Owner-only whatever the umask.
        let open = try Subprocess.run("/bin/sh", ["-c", "umask 000; \"$0\" export --output wide.csv --user aud1", Paths.binary.path],
                                      in: box.url, environment: box.environment)
        #expect(open.status == 0, "\(open)")
        let mode = try FileManager.default.attributesOfItem(atPath: box.path("wide.csv"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // demo never replaces a production database, even with --force.
        let prod = try Sandbox(populated: false, name: "insider-demo")
        let env = try Self.production(prod)
        let demo = try Self.run(prod, env, ["demo", "--force", "--days", "30"])
        #expect(demo.status == 73, "\(demo)")
        #expect(try Self.run(prod, env, ["check"]).status == 0)
    }

    @Test func section6_exportsAreAuditedFirstAndInputsAreBounded() throws {
        let box = try Sandbox(name: "insider-io")
        let exportsBefore = try box.count("SELECT count(*) FROM audit_log WHERE action = 'export';")
        let piped = try Subprocess.run("/bin/sh", ["-c", "\"$0\" export --user aud1 | head -c 10 >/dev/null", Paths.binary.path],
                                       in: box.url, environment: box.environment)
        #expect(piped.status == 0)
        #expect(try box.count("SELECT count(*) FROM audit_log WHERE action = 'export';") == exportsBefore + 1)
        // A FIFO key file is refused at once, not waited on; /dev/zero is not read forever.
        let fifo = box.path("key.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let keyed = try box.detainer(["export", "--pseudonymize", "--key-file", fifo], user: "aud1", timeout: 20)
        #expect(keyed.status == 65 && keyed.stderr.contains("not a regular file"), "\(keyed)")
        let zero = try box.detainer(["intake", "--json", "/dev/zero"], user: "clerk1", timeout: 20)
        #expect(zero.status == 65 && zero.stderr.contains("not a regular file"), "\(zero)")
        // A weak pseudonymisation key is refused.
        try Data(repeating: UInt8(ascii: "0"), count: 32).write(to: URL(fileURLWithPath: box.path("weak.key")))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: box.path("weak.key"))
        let weak = try box.detainer(["export", "--pseudonymize", "--key-file", box.path("weak.key")], user: "aud1")
        #expect(weak.status == 65 && weak.stderr.contains("guessable"), "\(weak)")
    }
}

extension InsiderTests {
    @Test func section4_backdatedDecisionsAndAncientReceiptsAreRefused() throws {
        let box = try Sandbox(name: "insider-time")
        let before = try box.snapshot()
        let ancient = try box.detainer(["intake", "--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-20",
                                        "--received-at", "1970-01-01T00:00:00Z"], user: "clerk1")
        #expect(ancient.status == 65, "\(ancient)")
        let arrestAfter = try box.detainer(["intake", "--name", "X", "--agency", "DOC", "--arrest-date", "2026-03-02",
                                            "--received-at", "2026-03-01T14:00:00Z"], user: "clerk1")
        #expect(arrestAfter.status == 65, "\(arrestAfter)")
        let status = try box.detainer(["status", "1", "--to", "lifted", "--at", "2020-01-01T00:00:00Z"], user: "clerk1")
        #expect(status.status == 65, "\(status)")
        #expect(try box.snapshot().dump == before.dump)
    }
}

extension InsiderTests {
    @Test func section9_aRetriedIntakeDoesNotMakeASecondDetainer() throws {
        let box = try Sandbox(name: "insider-duplicate")
        let before = try box.snapshot()
        // Detainer 1 of the fixture is open on DOC booking 4411500123.
        for _ in 0..<3 {
            let again = try box.detainer(["intake", "--name", "Ana Pérez", "--dob", "1985-04-03", "--nysid", "12345678K", "--agency", "DOC",
                                          "--booking", "4411500123", "--arrest-date", "2026-02-20"], user: "clerk1")
            #expect(again.status == 65 && again.stderr.contains("detainer 1"), "\(again)")
        }
        #expect(try box.snapshot().dump == before.dump)
    }
}

extension InsiderTests {
    @Test func section6_anImportReadsAndHashesOneOpenFile() throws {
        let box = try Sandbox(name: "insider-import")
        // A FIFO is refused at once rather than waited on.
        let fifo = box.path("rows.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = try box.detainer(["import", fifo, "--format", "ice"], user: "sup1", timeout: 20)
        #expect(piped.status == 66 && piped.stderr.contains("not a regular file"), "\(piped)")
        // The recorded SHA-256 is that of the bytes imported.
        let csv = try box.stage(corpusFile: "fixture/ice-small.csv")
        try #require(try box.detainer(["import", csv, "--allow-duplicate"], user: "sup1").status == 0)
        let recorded = try box.scalar("SELECT file_sha256 FROM imports ORDER BY id DESC LIMIT 1;")
        let actual = try Subprocess.run("/usr/bin/sha256sum", [csv], in: box.url).stdout.prefix(64)
        #expect(recorded == String(actual))
    }
}

extension InsiderTests {
    /// Another OS account cannot read an owner-only database (`runuser` as `nobody`, when the
    /// machine has both; the tests run as root).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") && getpwnam("nobody") != nil && geteuid() == 0))
    func section5_anotherOSAccountCannotReadTheDatabase() throws {
        let box = try Sandbox(name: "insider-nobody")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: box.url.path)
        let binary = box.path("detainer")
        try FileManager.default.copyItem(atPath: Paths.binary.path, toPath: binary)
        let mode = try FileManager.default.attributesOfItem(atPath: box.db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let result = try Subprocess.run("/usr/sbin/runuser", ["-u", "nobody", "--", binary, "user", "list", "--db", box.db], in: box.url)
        #expect(result.status == 77, "\(result)")
        #expect(result.stderr.contains("may not read this database"))
    }
}
