import Foundation
import TestSupport

/// Runs the built `detainer` binary as a user would: a separate process, its own temporary
/// working directory and environment, stdout and stderr captured.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

struct CLIRunner {
    let directory: TemporaryDirectory
    var environment: [String: String] = [:]

    init(_ directory: TemporaryDirectory = TemporaryDirectory()) {
        self.directory = directory
    }

    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["DETAINER_BIN"] { return URL(fileURLWithPath: override) }
        // The test runner lives next to the products it was built with.
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for folder in candidates {
            let url = folder.appendingPathComponent("detainer")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("detainer binary not found near \(Bundle.main.bundleURL.path); build it or set DETAINER_BIN")
    }()

    var dbPath: String { directory.path("detainer.db") }

    /// Runs `detainer args…` with `DETAINER_DB` pointing at this runner's database.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, env extra: [String: String] = [:]) throws -> CLIResult {
        try Self.execute(Self.binary.path, arguments, in: directory.url,
                         environment: ["DETAINER_DB": dbPath].merging(environment) { $1 }.merging(extra) { $1 }, stdin: stdin)
    }

    @discardableResult
    func run(_ arguments: String..., env extra: [String: String] = [:]) throws -> CLIResult {
        try run(arguments, env: extra)
    }

    /// Runs another program (e.g. the sqlite3 shell) in the same directory, with the
    /// developer's DETAINER_* variables scrubbed.
    static func execute(_ program: String, _ arguments: [String], in directory: URL,
                        environment: [String: String] = [:], stdin: String? = nil) throws -> CLIResult {
        let result = try Subprocess.run(program, arguments, in: directory, environment: environment, stdin: stdin.map { Data($0.utf8) })
        return CLIResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// Runs the sqlite3 shell on this runner's database.
    @discardableResult
    func sqlite(_ sql: String) throws -> CLIResult {
        try Self.execute("/usr/bin/sqlite3", [dbPath, sql], in: directory.url)
    }
}
