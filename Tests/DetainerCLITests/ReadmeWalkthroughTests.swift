import Foundation
import Testing
import TestSupport

/// The README's "A day at the office" block, taken from README.md at test time and run as written
/// by bash with the built `detainer` first on PATH: the walk-through a new user copies must work.
@Suite struct ReadmeWalkthroughTests {
    /// `<repo>/README.md`, from this file's place in `<repo>/Tests/DetainerCLITests/`.
    static let readmeURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The first ```sh fence after the "## A day at the office" heading, verbatim.
    static func walkthrough() throws -> String {
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)
        let section = try #require(readme.range(of: "\n## A day at the office\n"), "README has no \"A day at the office\" section")
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        return String(rest[open.upperBound..<close.lowerBound]) + "\n"
    }

    /// Runs the block under `bash -e` (the first failing command stops it) in a fresh directory.
    static func runWalkthrough(environment: [String: String]) throws -> (ProcessResult, TemporaryDirectory) {
        let directory = TemporaryDirectory()
        let binaryFolder = CLIRunner.binary.deletingLastPathComponent().path
        let path = binaryFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let script = "set -e -o pipefail\n" + (try walkthrough())
        let result = try Subprocess.bash(script, in: directory.url,
                                         environment: ["PATH": path, "DETAINER_USER": ""].merging(environment) { $1 })
        return (result, directory)
    }

    @Test func theBlockIsTheOneDocumented() throws {
        let block = try Self.walkthrough()
        // A production database (issue 13): signed, actors bound to the OS account running the block.
        #expect(block.contains("detainer init --signing-key"))
        #expect(block.contains("--admin maria"))
        #expect(block.contains("detainer user add audrey --role auditor"))
        #expect(block.contains("detainer report annual"))
    }

    /// A production database takes its time from the clock (DETAINER_NOW is refused there), so the
    /// block runs on today's date only.
    @Test("Runs as written on a temporary database")
    func runsAsWritten() throws {
        for now in [String?.none] {
            let database = TemporaryDirectory()
            var environment = ["DETAINER_DB": database.path("walkthrough.db")]
            if let now { environment["DETAINER_NOW"] = now }
            let (result, _) = try Self.runWalkthrough(environment: environment)
            #expect(result.status == 0, "\(result)")
            #expect(FileManager.default.fileExists(atPath: database.path("walkthrough.db")))
            // The walk-through's story: one detainer, approved, transferred; the reports count it.
            let check = try CLIRunner.execute(CLIRunner.binary.path, ["show", "1", "--format", "json"], in: database.url,
                                              environment: ["DETAINER_DB": database.path("walkthrough.db")])
            try expectOK(check)
            #expect(check.stdout.contains("\"transferred\""))
            #expect(result.stdout.contains("total"))
        }
    }

    @Test func withoutDETAINER_DBTheBlockUsesItsOwnFileInTheWorkingDirectory() throws {
        let (result, directory) = try Self.runWalkthrough(environment: ["DETAINER_DB": ""])
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: directory.path("office.db")))
    }
}
