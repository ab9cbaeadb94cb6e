import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process left: its exit status (or the signal that ended it) and its
/// captured output.
public struct ProcessResult: CustomStringConvertible, Sendable {
    public let status: Int32
    /// The signal that ended the process, when it did not exit on its own.
    public let signal: Int32?
    public let stdout: String
    public let stderr: String
    public let seconds: Double

    /// stderr split into lines, without the empty string after the final newline and without
    /// the "TRAINING database …" banner every command prints on a training database.
    public var stderrLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty && !$0.hasPrefix("TRAINING database ") }
    }

    public var description: String {
        let how = signal.map { "killed by signal \($0)" } ?? "exit \(status)"
        return "\(how) after \(String(format: "%.2f", seconds)) s; stdout: \(stdout.prefix(2000)); stderr: \(stderr.prefix(2000))"
    }
}

/// A child process started with `Subprocess.spawn`, to be waited for or killed.
public final class RunningProcess: @unchecked Sendable {
    public let process: Process
    private let outURL: URL
    private let errURL: URL
    private let outHandle: FileHandle
    private let errHandle: FileHandle
    public let started = Date()

    fileprivate init(process: Process, outURL: URL, errURL: URL, outHandle: FileHandle, errHandle: FileHandle) {
        self.process = process
        self.outURL = outURL
        self.errURL = errURL
        self.outHandle = outHandle
        self.errHandle = errHandle
    }

    public var pid: Int32 { process.processIdentifier }

    /// Sends SIGKILL (no chance to clean up: the crash the tests simulate).
    public func kill9() { _ = Glibc.kill(pid, SIGKILL) }

    /// Waits for the process; kills it first when it outlives `timeout` seconds.
    public func wait(timeout: Double = 300) -> ProcessResult {
        let pid = self.pid
        let deadline = DispatchTime.now() + timeout
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            if done.wait(timeout: deadline) == .timedOut { _ = Glibc.kill(pid, SIGKILL) }
        }
        process.waitUntilExit()
        done.signal()
        let seconds = Date().timeIntervalSince(started)
        try? outHandle.close()
        try? errHandle.close()
        let out = (try? Data(contentsOf: outURL)) ?? Data()
        let err = (try? Data(contentsOf: errURL)) ?? Data()
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        let signalled = process.terminationReason == .uncaughtSignal
        return ProcessResult(status: signalled ? -1 : process.terminationStatus,
                             signal: signalled ? process.terminationStatus : nil,
                             stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self),
                             seconds: seconds)
    }
}

/// Runs programs the way a user's shell would: separate processes, output captured in files
/// (never pipes, so a chatty child cannot block), a scrubbed environment.
public enum Subprocess {
    /// Variables of the developer's shell that would change what `detainer` does.
    public static let scrubbed = ["DETAINER_DB", "DETAINER_USER", "DETAINER_NOW"]

    public static func spawn(_ program: String, _ arguments: [String], in directory: URL,
                      environment: [String: String] = [:], stdin: Data? = nil) throws -> RunningProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for key in scrubbed { env.removeValue(forKey: key) }
        // A crashing child must not spend seconds symbolicating a backtrace.
        env["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = env.merging(environment) { $1 }
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-\(UUID().uuidString)")
        let outURL = capture.appendingPathExtension("out"), errURL = capture.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = capture.appendingPathExtension("in")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
            defer { try? FileManager.default.removeItem(at: inURL) }
            try process.run()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        return RunningProcess(process: process, outURL: outURL, errURL: errURL, outHandle: out, errHandle: err)
    }

    @discardableResult
    public static func run(_ program: String, _ arguments: [String], in directory: URL,
                    environment: [String: String] = [:], stdin: Data? = nil, timeout: Double = 300) throws -> ProcessResult {
        try spawn(program, arguments, in: directory, environment: environment, stdin: stdin).wait(timeout: timeout)
    }

    /// `bash -c script`, for the few things (ulimit, loops of processes) a shell does best.
    @discardableResult
    public static func bash(_ script: String, in directory: URL, environment: [String: String] = [:],
                     timeout: Double = 300) throws -> ProcessResult {
        try run("/bin/bash", ["-c", script], in: directory, environment: environment, timeout: timeout)
    }

    /// Single-quotes a word for bash.
    public static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A small deterministic generator (SplitMix64), so a failing random trial can be replayed with
/// RELIABILITY_SEED.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// RELIABILITY_SEED when set, else a fresh seed; either way it is printed with any failure.
    public static func fromEnvironment() -> (SeededRandom, UInt64) {
        let seed = ProcessInfo.processInfo.environment["RELIABILITY_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        return (SeededRandom(seed: seed), seed)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
