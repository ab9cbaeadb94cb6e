#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import CSVStream

/// A record flattened into plain values so whole parses can be compared.
struct ParsedRecord: Equatable, CustomStringConvertible {
    var fields: [String]
    var line: Int
    var lineSpan: Int
    var raw: [UInt8]
    var isBlank: Bool
    var lineEnding: CSVLineEnding?

    init(_ record: CSVRecord) {
        fields = record.fields
        line = record.line
        lineSpan = record.lineSpan
        raw = record.rawBytes
        isBlank = record.isBlank
        lineEnding = record.lineEnding
    }

    var description: String { "line \(line): \(fields)" }
}

/// Writes `bytes` to a fresh temporary file, runs `body` with its path, and
/// removes it afterwards. Unique names keep parallel tests apart.
func withTemporaryFile<R>(_ bytes: [UInt8], _ body: (String) throws -> R) throws -> R {
    var template = Array("/tmp/csv-stream-test-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    precondition(fd >= 0, "mkstemp failed")
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
        precondition(n > 0, "write failed")
        done += n
    }
    close(fd)
    return try body(path)
}

func withTemporaryFile<R>(_ text: String, _ body: (String) throws -> R) throws -> R {
    try withTemporaryFile(Array(text.utf8), body)
}

/// A path for a file the test creates itself; removed afterwards.
func withTemporaryPath<R>(_ body: (String) throws -> R) throws -> R {
    try withTemporaryFile([UInt8]()) { path in try body(path) }
}

func readFile(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    precondition(fd >= 0, "cannot open \(path)")
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        if n <= 0 { break }
        result += chunk[0..<n]
    }
    return result
}

/// Every record after the header (or all records when `header` is false).
func parseAll(
    _ path: String, options: CSVReader.Options = .init(), header: Bool = true
) throws -> (header: CSVHeader?, records: [ParsedRecord]) {
    let reader = try CSVReader(path: path, options: options)
    let head = header ? try reader.readHeader() : nil
    var records: [ParsedRecord] = []
    while let record = try reader.next() { records.append(ParsedRecord(record)) }
    return (head, records)
}

func parseAll(
    bytes: [UInt8], options: CSVReader.Options = .init(), header: Bool = true
) throws -> (header: CSVHeader?, records: [ParsedRecord]) {
    try withTemporaryFile(bytes) { try parseAll($0, options: options, header: header) }
}

func parseAll(
    text: String, options: CSVReader.Options = .init(), header: Bool = true
) throws -> (header: CSVHeader?, records: [ParsedRecord]) {
    try parseAll(bytes: Array(text.utf8), options: options, header: header)
}

/// Runs `body` and returns the CSVError it throws, recording a failure if
/// it throws nothing.
func expectCSVError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> CSVError? {
    do {
        try body()
        Issue.record("expected a CSVError, got none", sourceLocation: sourceLocation)
    } catch let error as CSVError {
        return error
    } catch {
        Issue.record("expected a CSVError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// The repository's real-data fixtures (`Tests/Fixtures`, provenance in its PROVENANCE.md),
/// found from this source file's location so the tests run from any directory.
func fixturesDirectory(from file: String = #filePath) -> String {
    var dir = file
    for _ in 0..<2 { dir = String(dir[..<dir.lastIndex(of: "/")!]) }  // …/Tests/CSVStreamTests/x.swift → …/Tests
    return dir + "/Fixtures"
}
