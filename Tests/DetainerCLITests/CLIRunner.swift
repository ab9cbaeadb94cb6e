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

    /// Runs another program (e.g. the sqlite3 shell) in the same directory.
    static func execute(_ program: String, _ arguments: [String], in directory: URL,
                        environment: [String: String] = [:], stdin: String? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for key in ["DETAINER_DB", "DETAINER_USER", "DETAINER_NOW"] { env.removeValue(forKey: key) }
        process.environment = env.merging(environment) { $1 }
        // Output goes to files, not pipes: a chatty child can never block on a full pipe buffer.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        let outURL = capture.appendingPathExtension("out"), errURL = capture.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs the sqlite3 shell on this runner's database.
    @discardableResult
    func sqlite(_ sql: String) throws -> CLIResult {
        try Self.execute("/usr/bin/sqlite3", [dbPath, sql], in: directory.url)
    }
}
