// Shared by the benchmark executables: a monotonic clock, order statistics, peak RSS, tiny
// argument parsing, and the one workload the SQLite-layer variants all run.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Seconds taken by `body`.
@inline(never)
public func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = monotonicSeconds()
    try body()
    return monotonicSeconds() - start
}

/// Median (mean of the middle two for an even count), minimum and maximum.
public struct Spread: Sendable {
    public let median: Double
    public let min: Double
    public let max: Double

    public init(_ values: [Double]) {
        precondition(!values.isEmpty)
        let sorted = values.sorted()
        let mid = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        min = sorted.first!
        max = sorted.last!
    }
}

/// Peak resident set size of this process in KiB (VmHWM), or nil.
public func peakRSSKiB() -> Int? {
    guard let file = fopen("/proc/self/status", "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("VmHWM:") { return Int(text.dropFirst(6).filter { $0.isNumber }) }
    }
    return nil
}

public func fail(_ message: String) -> Never {
    let text = Array("\(CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? "bench"): \(message)\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

/// `--name value` options and bare words.
public struct Arguments {
    public var positional: [String] = []
    public var options: [String: String] = [:]

    public init(_ argv: [String] = Array(CommandLine.arguments.dropFirst()), flags: Set<String> = []) {
        var i = 0
        while i < argv.count {
            let arg = argv[i]
            if arg.hasPrefix("--") {
                let name = String(arg.dropFirst(2))
                if flags.contains(name) {
                    options[name] = "1"
                } else {
                    guard i + 1 < argv.count else { fail("--\(name) needs a value") }
                    options[name] = argv[i + 1]
                    i += 1
                }
            } else {
                positional.append(arg)
            }
            i += 1
        }
    }

    public func int(_ name: String, default value: Int) -> Int {
        guard let text = options[name] else { return value }
        guard let n = Int(text.filter { $0 != "_" && $0 != "," }) else { fail("--\(name) wants a number") }
        return n
    }

    public func string(_ name: String, default value: String) -> String { options[name] ?? value }
    public func flag(_ name: String) -> Bool { options[name] != nil }
}

/// A line the driver script parses: `RESULT<TAB>bench<TAB>metric<TAB>unit<TAB>median<TAB>min<TAB>max<TAB>runs`.
public func printResult(_ bench: String, _ metric: String, unit: String, _ spread: Spread, runs: Int) {
    print("RESULT\t\(bench)\t\(metric)\t\(unit)\t\(format(spread.median))\t\(format(spread.min))\t\(format(spread.max))\t\(runs)")
}

public func format(_ value: Double, decimals: Int = 4) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

// MARK: The SQLite-layer workload

/// The table, statements and rows every SQLite-layer variant runs: 4 columns (INTEGER, TEXT,
/// REAL, nullable TEXT), one reused prepared INSERT inside one BEGIN IMMEDIATE transaction, then
/// one SELECT reading every column of every row back into Swift values. Same pragmas for all:
/// journal_mode=WAL, synchronous=FULL, foreign_keys=ON (the product's settings).
public enum LayerWorkload {
    public static let createTable = "CREATE TABLE t (n INTEGER NOT NULL, name TEXT NOT NULL, amount REAL NOT NULL, note TEXT)"
    public static let insert = "INSERT INTO t (n, name, amount, note) VALUES (?1, ?2, ?3, ?4)"
    public static let select = "SELECT n, name, amount, note FROM t"
    public static let pragmas = ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"]

    /// Values are drawn from small pre-built pools so that making them costs nothing measurable
    /// and is identical for every variant: what is timed is the database layer.
    public static let names: [String] = (0..<1024).map { "person \($0 &* 7919 % 100_000) of facility \($0 % 37)" }
    public static let notes: [String] = (0..<256).map { "note \($0): lodged at intake, reviewed" }

    @inline(__always) public static func n(_ i: Int) -> Int64 { Int64(i) }
    @inline(__always) public static func name(_ i: Int) -> String { names[i & 1023] }
    @inline(__always) public static func amount(_ i: Int) -> Double { Double(i) * 0.25 }
    /// Every fourth row has a NULL note.
    @inline(__always) public static func note(_ i: Int) -> String? { i & 3 == 0 ? nil : notes[i & 255] }

    /// What reading the rows back must add up to (every variant computes the same sum).
    public static func expectedChecksum(rows: Int) -> Int {
        var sum = 0
        for i in 0..<rows { sum &+= checksum(n: n(i), nameBytes: name(i).utf8.count, amount: amount(i), noteBytes: note(i)?.utf8.count) }
        return sum
    }

    @inline(__always)
    public static func checksum(n: Int64, nameBytes: Int, amount: Double, noteBytes: Int?) -> Int {
        Int(truncatingIfNeeded: n) &+ nameBytes &+ Int(amount) &+ (noteBytes ?? 7)
    }
}

/// Seconds spent inserting and reading back, and the read checksum.
public struct LayerTiming: Sendable {
    public var insert: Double
    public var read: Double
    public var checksum: Int
    public init(insert: Double, read: Double, checksum: Int) {
        self.insert = insert
        self.read = read
        self.checksum = checksum
    }
    public var total: Double { insert + read }
}

public func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
}
