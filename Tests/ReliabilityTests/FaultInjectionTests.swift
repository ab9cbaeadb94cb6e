import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The disk failing under each command (issue 27 §2), the way SQLite's own test VFS fails it:
/// `Tests/FaultInjection/faultinject.c`, built here with cc and loaded with LD_PRELOAD into the
/// real `detainer` binary, fails the Nth write, fsync, ftruncate, read or lock on the sandbox's
/// files (EIO once, EIO from then on, ENOSPC from then on) or SIGKILLs the process there.
///
/// A calibration run counts each kind of call; then every N is tried for fsync and ftruncate,
/// and for write, read and lock (hundreds of calls) the first, the last two and a sample of the
/// rest drawn with a fixed seed, `perKind` in all (the counts are printed). Each run must end with exit 0, or 74 and one line that
/// names the cause (or the SIGKILL); the change must be all there or not at all; `check` must
/// pass; no file may stand under the output's name unless it is complete; and a message that
/// says nothing was written must be true, while one for a change that is there must say it may
/// have been recorded.
@Suite(.serialized, .enabled(if: FaultLibrary.path != nil, "needs a C compiler (cc) to build the LD_PRELOAD library"))
struct FaultInjectionTests {
    /// Runs per (operation, fault) at most, for the kinds of call made hundreds of times (write,
    /// read, lock); every fsync and ftruncate is always tried. FAULT_RUNS_PER_KIND overrides
    /// (0: every N of every kind).
    static let perKind = Sizes.value("FAULT_RUNS_PER_KIND", 4)
    static let alwaysEveryN: Set<String> = ["fsync", "ftruncate"]
    static let seed: UInt64 = 27

    struct Fault: Sendable, CustomStringConvertible {
        let call: String
        let mode: String
        let errno: String
        var description: String { mode == "kill" ? "SIGKILL at \(call)" : "\(errno) \(mode == "once" ? "once" : "from then on") at \(call)" }
    }

    static let faults: [Fault] = [
        Fault(call: "write", mode: "once", errno: "EIO"), Fault(call: "write", mode: "persist", errno: "EIO"),
        Fault(call: "write", mode: "persist", errno: "ENOSPC"), Fault(call: "write", mode: "kill", errno: ""),
        Fault(call: "fsync", mode: "once", errno: "EIO"), Fault(call: "fsync", mode: "persist", errno: "ENOSPC"),
        Fault(call: "fsync", mode: "kill", errno: ""),
        Fault(call: "ftruncate", mode: "persist", errno: "EIO"),
        Fault(call: "read", mode: "once", errno: "EIO"), Fault(call: "read", mode: "persist", errno: "EIO"),
        Fault(call: "lock", mode: "once", errno: "EIO"), Fault(call: "lock", mode: "persist", errno: "EIO"),
    ]

    enum Output: Sendable { case database, file(String), backup(String) }

    struct Operation: Sendable, CustomTestStringConvertible {
        let name: String
        let user: String
        let output: Output
        let arguments: @Sendable (Sandbox) throws -> [String]
        var testDescription: String { name }
    }

    static let operations: [Operation] = [
        Operation(name: "intake", user: "clerk1", output: .database) { _ in
            ["intake", "--name", "Fault Trial", "--dob", "1979-05-06", "--agency", "DOC", "--booking", "9900000027",
             "--facility", "Rikers Island", "--arrest-date", "2026-02-28", "--warrant", "judicial",
             "--warrant-issuer", "Hon. A. Judge", "--warrant-date", "2026-02-27", "--probable-cause", "finalOrder"]
        },
        Operation(name: "import of 2,000 rows", user: "sup1", output: .database) { box in
            let file = box.path("ice-2000.csv")
            try CrashSafetyTests.iceCSV(rows: 2000).write(to: URL(fileURLWithPath: file))
            return ["import", file]
        },
        Operation(name: "review", user: "sup1", output: .database) { _ in
            ["review", "1", "--decide", "decline", "--reason", "fault trial", "--confirm-no-search"]
        },
        Operation(name: "export", user: "aud1", output: .file("out.csv")) { box in
            ["export", "--output", box.path("out.csv")]
        },
        Operation(name: "backup", user: "aud1", output: .backup("copy.db")) { box in
            ["backup", box.path("copy.db")]
        },
    ]

    /// The runs block on child processes for a minute or more: they run on a thread of their
    /// own, so the suite's few cooperative threads stay free for the async tests beside it (the
    /// browser suite's health check), and their findings are recorded here afterwards.
    @Test(arguments: FaultInjectionTests.operations)
    func everyFaultEndsCleanly(_ operation: Operation) async throws {
        let library = try #require(FaultLibrary.path)
        let problems = try await OffThePool.run { try Self.trial(operation, library: library) }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    static func trial(_ operation: Operation, library: String) throws -> [String] {
        let problems = Problems()
        func check(_ condition: Bool, _ message: @autoclosure () -> String) { problems.check(condition, message()) }
        // Calibration: what a clean run changes and how many calls of each kind it makes.
        let calibration = try Sandbox(name: "fault-calibration")
        let before = try calibration.tableCounts()
        let report = calibration.path("calls.txt")
        let clean = try Self.run(calibration, operation, library: library, fault: nil, n: 0, report: report)
        guard clean.status == 0 else { return ["the clean \(operation.name) failed: \(clean)"] }
        let complete = CrashSafetyTests.difference(try calibration.tableCounts(), before)
        let expectedOutput = try Self.outputBytes(operation, in: calibration)
        var calls: [String: Int] = [:]
        for line in try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let n = Int(parts[1]) { calls[String(parts[0]), default: 0] += n }
        }

        var random = SeededRandom(seed: Self.seed)
        var runs = 0, failed = 0, killed = 0, absent = 0, present = 0, uncertain = 0
        var sampled: [String] = []
        for fault in Self.faults {
            let total = calls[fault.call] ?? 0
            let ns = Self.sample(total, limit: Self.alwaysEveryN.contains(fault.call) ? 0 : Self.perKind, using: &random)
            if ns.count < total { sampled.append("\(fault): \(ns.count) of \(total)") }
            for n in ns {
                runs += 1
                let box = try Sandbox(name: "fault")
                let result = try Self.run(box, operation, library: library, fault: fault, n: n, report: nil)
                let context = "\(operation.name), \(fault) #\(n) of \(total)"
                let message = result.stderrLines.joined(separator: "\n")
                if result.signal == SIGKILL {
                    killed += 1
                } else if result.status != 0 {
                    failed += 1
                    check(result.status == 74, "\(context): exit \(result.status), expected 74: \(message)")
                    check(result.stderrLines.count == 1, "\(context): not one line: \(message)")
                    check(!message.contains("unexpected error") && !message.contains("SQLite error"), "\(context): \(message)")
                    // A disk that failed is not a corrupt file (check passes below) nor another user.
                    check(!message.contains("corrupt") && !message.contains("restore from a backup"), "\(context): \(message)")
                    check(!message.contains("another writer"), "\(context): \(message)")
                } else {
                    check(result.stderrLines.isEmpty || operation.name == "export", "\(context): exit 0 but said: \(message)")
                }
                // The change is all there or not there at all.
                let change = CrashSafetyTests.difference(try box.tableCounts(), before)
                if change.isEmpty {
                    absent += 1
                    check(result.status != 0 || result.signal != nil || complete.isEmpty, "\(context): exit 0 but nothing was recorded")
                } else if change == complete {
                    present += 1
                    if result.status != 0 && result.signal == nil {
                        uncertain += 1
                        check(message.contains("may or may not have been recorded") || message.contains("stays recorded")
                                    || operation.name == "export",
                                "\(context): the change was recorded but the message does not say it may be: \(message)")
                    }
                } else {
                    problems.list.append("\(context): a partial write survived: \(change) (a complete run adds \(complete))")
                }
                if message.contains("nothing was written") {
                    check(change.isEmpty, "\(context): says nothing was written, but \(change) was")
                }
                let checked = try box.detainer("check")
                check(checked.status == 0, "\(context): check fails afterwards:\n\(checked.stdout)\(checked.stderr)")
                try Self.expectNoMisleadingFile(operation, in: box, result: result, expected: expectedOutput, context: context, problems: problems)
            }
        }
        print("fault injection, \(operation.name): \(runs) runs (calls counted: \(calls.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); "
              + "sampled with seed \(Self.seed): \(sampled.isEmpty ? "none" : sampled.joined(separator: "; "))); "
              + "\(failed) failed with one line, \(killed) killed, \(runs - failed - killed) succeeded; "
              + "change absent \(absent), complete \(present) (\(uncertain) of them after an error that says so); \(problems.list.isEmpty ? "check passed after each" : "\(problems.list.count) problem(s)")")
        return problems.list
    }

    /// Every N in 1...total when there are at most `limit` (or `limit` is 0); else the first,
    /// the last two (the commit and what follows it) and a seeded sample of the rest.
    static func sample(_ total: Int, limit: Int, using random: inout SeededRandom) -> [Int] {
        guard total > 0 else { return [] }
        if limit <= 0 || total <= limit { return Array(1...total) }
        var chosen: Set<Int> = [1]
        for n in max(1, total - 1)...total { chosen.insert(n) }
        while chosen.count < limit { chosen.insert(Int.random(in: 1...total, using: &random)) }
        return chosen.sorted()
    }

    static func run(_ box: Sandbox, _ operation: Operation, library: String, fault: Fault?, n: Int, report: String?) throws -> ProcessResult {
        var env = box.environment
        env["DETAINER_USER"] = operation.user
        env["LD_PRELOAD"] = library
        env["FAULT_DIR"] = box.url.resolvingSymlinksInPath().path + "/"
        if let fault {
            env["FAULT_OP"] = fault.call
            env["FAULT_N"] = String(n)
            env["FAULT_MODE"] = fault.mode
            env["FAULT_ERRNO"] = fault.errno
        }
        if let report { env["FAULT_REPORT"] = report }
        return try Subprocess.run(Paths.binary.path, try operation.arguments(box), in: box.url, environment: env, timeout: 120)
    }

    static func outputBytes(_ operation: Operation, in box: Sandbox) throws -> Data? {
        switch operation.output {
        case .database: return nil
        case .file(let name): return try Data(contentsOf: URL(fileURLWithPath: box.path(name)))
        case .backup: return nil
        }
    }

    /// Under the output's name: the complete file or nothing; beside it, nothing after a
    /// clean failure (a SIGKILL may leave a `.partial-PID` file, never a final name).
    static func expectNoMisleadingFile(_ operation: Operation, in box: Sandbox, result: ProcessResult, expected: Data?, context: String, problems: Problems) throws {
        func check(_ condition: Bool, _ message: @autoclosure () -> String) { problems.check(condition, message()) }
        let names = try FileManager.default.contentsOfDirectory(atPath: box.url.path)
        if result.signal == nil {
            let leftovers = names.filter { $0.contains(".partial-") || $0.hasPrefix("copy.db-") || $0 == "copy.db-journal" }
            check(leftovers.isEmpty, "\(context): left \(leftovers)")
        }
        switch operation.output {
        case .database:
            break
        case .file(let name):
            let path = box.path(name)
            if FileManager.default.fileExists(atPath: path) {
                check(result.status == 0 || result.signal != nil, "\(context): \(name) was left by a failed export")
                check(FileManager.default.contents(atPath: path) == expected, "\(context): \(name) is not the complete export")
            } else {
                check(result.status != 0 || result.signal != nil, "\(context): exit 0 without \(name)")
            }
        case .backup(let name):
            let path = box.path(name)
            if FileManager.default.fileExists(atPath: path) {
                check(result.status == 0 || result.signal != nil, "\(context): \(name) was left by a failed backup")
                check(FileManager.default.fileExists(atPath: path + ".checkpoint"), "\(context): \(name) without its checkpoint")
                let checked = try box.detainer(["check", "--db", path, "--checkpoint", path + ".checkpoint"])
                check(checked.status == 0, "\(context): the backup fails check: \(checked.stdout)\(checked.stderr)")
                for suffix in ["-wal", "-shm", "-journal"] {
                    check(!FileManager.default.fileExists(atPath: path + suffix) || result.signal != nil, "\(context): \(name)\(suffix) beside the copy")
                }
            } else {
                check(result.status != 0 || result.signal != nil, "\(context): exit 0 without \(name)")
                check(!FileManager.default.fileExists(atPath: path + ".checkpoint") || result.signal != nil,
                        "\(context): a checkpoint without its backup")
            }
        }
    }
}

/// Findings collected off the test's task, recorded as issues when the work is done.
final class Problems: @unchecked Sendable {
    var list: [String] = []
    func check(_ condition: Bool, _ message: @autoclosure () -> String) { if !condition { list.append(message()) } }
}

/// Blocking work (child processes waited for) on a thread of its own, awaited without holding
/// one of the cooperative pool's threads (two on a 2-core machine).
enum OffThePool {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

/// `Tests/FaultInjection/faultinject.c`, compiled once per test run.
enum FaultLibrary {
    static let path: String? = {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FaultInjection/faultinject.c").path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faultinject-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let library = directory.appendingPathComponent("faultinject.so").path
        for compiler in ["/usr/bin/cc", "/usr/bin/clang", "/usr/bin/gcc"] where FileManager.default.isExecutableFile(atPath: compiler) {
            let built = try? Subprocess.run(compiler, ["-shared", "-fPIC", "-O2", "-o", library, source, "-ldl"], in: directory)
            if built?.status == 0 {
                atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("faultinject-\(getpid())").path) }
                return library
            }
        }
        return nil
    }()
}
