import Foundation
import Glibc
import TestSupport
import Testing

/// The README's "The same day in production" block, run as written by root in a fresh directory
/// (issue 23 §1: the walk-through for the service). It creates OS accounts, so it runs only as
/// root (as CI does); the block itself says to use a scratch machine.
@Suite(.enabled(if: ServiceOffice.possible && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
struct ProductionWalkthroughTests {
    static func block() throws -> String {
        let readme = try String(contentsOf: ReadmeWalkthroughTests.readmeURL, encoding: .utf8)
        let section = try #require(readme.range(of: "\n### The same day in production: the service owns the data\n"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        return String(rest[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test func runsAsWrittenWithEachPersonOnTheirOwnAccount() throws {
        // The block creates its accounts when missing; created here first, so that no other
        // test's useradd runs at the same time (they would fight over /etc/passwd's lock).
        try ServiceOffice.ensureAccounts(["detainer", "clara", "sam"])
        let directory = TemporaryDirectory()
        chmod(directory.url.path, 0o755)
        // Other accounts must reach the binary: a copy in the directory, first on PATH.
        let bin = directory.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: CLIRunner.binary.path, toPath: bin + "/detainer")
        chmod(bin, 0o755)
        chmod(bin + "/detainer", 0o755)
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/bin")
        let result = try Subprocess.bash("set -e -o pipefail\n" + (try Self.block()), in: directory.url,
                                         environment: ["PATH": path, "DETAINER_USER": "", "DETAINER_SIGNING_KEY": ""], timeout: 600)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("refused: clara is a clerk (exit 77)"), "\(result)")
        #expect(result.stdout.contains("clara cannot open the file itself"), "\(result)")
        // The review is sam's, over the socket, with sam's uid as the kernel gave it.
        let sam = try ServiceOffice.uid("sam")
        let review = try Subprocess.run("/usr/bin/sqlite3", [directory.path("srv/office.db"),
            "SELECT actor_name || ' ' || json_extract(payload, '$.auth.channel') || ' ' || json_extract(payload, '$.auth.uid') FROM audit_log WHERE action = 'detainer.review'"],
            in: directory.url)
        #expect(review.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "sam socket \(sam)")
    }
}
