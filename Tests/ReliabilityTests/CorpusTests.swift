import Foundation
import TestSupport
import Testing

/// One entry of Corpus/cases.json (its "about" field explains the format).
struct CorpusCase: Decodable, Sendable, CustomTestStringConvertible {
    let id: String
    let file: String?
    let args: [String]
    let user: String?
    let exit: Int32
    let message: String?
    let problems: [String]?
    let stdout: String?
    let changes: Bool?
    let fileUnchanged: Bool?
    let storedName: String?
    let desiredExit: Int32?
    let desiredMessage: String?
    let knownIssue: String?
    /// Where a regression case came from (e.g. a fuzzer crash).
    let regression: String?

    var testDescription: String { id }

    static let all: [CorpusCase] = {
        struct Manifest: Decodable { let cases: [CorpusCase] }
        let url = Paths.corpus.appendingPathComponent("cases.json")
        do {
            return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url)).cases
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// Every bad input gets a clear one-line message, the documented exit status, and leaves the
/// database exactly as it was; the accepted oddities (BOM, CRLF, UTF-16 JSON…) go in intact.
@Suite struct CorpusTests {
    @Test func theCorpusCoversTheIssueList() throws {
        let cases = CorpusCase.all
        #expect(cases.count >= 30)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids must be unique")
        // Every corpus file is used by a case (or by the fixture, or a dedicated test).
        let dedicated: Set<String> = ["fixture/ice-small.csv", "fixture/doc-small.csv"]
        let used = Set(cases.compactMap(\.file)).union(dedicated)
        let files = try FileManager.default.subpathsOfDirectory(atPath: Paths.corpus.path)
            .filter { !$0.hasSuffix("cases.json") && !$0.hasSuffix(".md") }
            .filter { var isDirectory: ObjCBool = false
                      FileManager.default.fileExists(atPath: Paths.corpus.appendingPathComponent($0).path, isDirectory: &isDirectory)
                      return !isDirectory.boolValue }
        for file in files where !used.contains(file) {
            Issue.record("corpus file \(file) is used by no case in cases.json")
        }
        for file in used {
            #expect(FileManager.default.fileExists(atPath: Paths.corpus.appendingPathComponent(file).path), "\(file) is missing")
        }
    }

    @Test(arguments: CorpusCase.all)
    func badInput(_ entry: CorpusCase) throws {
        let box = try Sandbox(name: entry.id)
        var staged: String?
        if let file = entry.file { staged = try box.stage(corpusFile: file) }
        let directory = box.path("a-directory")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let args = entry.args.map {
            $0.replacingOccurrences(of: "{file}", with: staged ?? "")
                .replacingOccurrences(of: "{dir}", with: directory)
                .replacingOccurrences(of: "{missing}", with: box.path("missing.db"))
        }
        let stagedBefore = try staged.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let before = try box.snapshot()

        let result = try box.detainer(args, user: entry.user)

        let lines = result.stderrLines
        #expect(result.signal == nil, "\(entry.id): \(result)")
        // A known issue that the product has since fixed: only withKnownIssue below complains
        // ("Known issue was not recorded"), telling whoever fixed it to update the case.
        let desiredExit = entry.desiredExit ?? entry.exit
        let fixed = entry.knownIssue != nil && result.status == desiredExit
            && (entry.desiredMessage.map { lines.last?.contains($0) == true } ?? true)
        if !fixed {
            #expect(result.status == entry.exit, "\(entry.id): expected exit \(entry.exit): \(result)")
            if entry.exit == 0 {
                #expect(lines.isEmpty, "\(entry.id): a successful command printed on stderr: \(result.stderr)")
            } else {
                try checkErrorLines(lines, entry)
            }
        }
        if let expected = entry.stdout { #expect(result.stdout.contains(expected), "\(entry.id): stdout lacks \(expected): \(result)") }
        if let why = entry.knownIssue {
            withKnownIssue(Comment(rawValue: why)) {
                #expect(result.status == desiredExit)
                if let message = entry.desiredMessage { #expect(lines.last?.contains(message) == true, "\(lines.last ?? "")") }
            }
        }

        let after = try box.snapshot()
        if entry.changes == true {
            #expect(after != before, "\(entry.id): the command succeeded but nothing was recorded")
            let check = try box.detainer("check")
            #expect(check.status == 0, "\(entry.id): check fails after an accepted input: \(check)")
            if let name = entry.storedName {
                let stored = try box.scalar("SELECT name FROM persons ORDER BY id DESC LIMIT 1;")
                #expect(stored == name, "\(entry.id): the name was stored as \(stored)")
            }
        } else {
            #expect(after.dump == before.dump, "\(entry.id): rows changed: \(before.firstDifference(from: after))")
            #expect(after.bytes == before.bytes, "\(entry.id): the database file's bytes changed")
        }
        if entry.fileUnchanged == true, let staged, let stagedBefore {
            let now = try Data(contentsOf: URL(fileURLWithPath: staged))
            #expect(now == stagedBefore, "\(entry.id): \(staged) was modified (\(stagedBefore.count) → \(now.count) bytes)")
        }
    }

    /// Errors are one line on stderr; an import may list its `line N…` problems first.
    private func checkErrorLines(_ lines: [String], _ entry: CorpusCase) throws {
        let last = try #require(lines.last, "\(entry.id): no message on stderr")
        #expect(last.hasPrefix("detainer: error: "), "\(entry.id): the last stderr line is not the error: \(last)")
        if let message = entry.message { #expect(last.contains(message), "\(entry.id): message lacks \"\(message)\": \(last)") }
        let listed = lines.dropLast()
        for line in listed {
            let isProblem = line.range(of: #"^line [0-9]+(, column [^:]+)?: "#, options: .regularExpression) != nil
                || line.range(of: #"^… and [0-9]+ more$"#, options: .regularExpression) != nil
            #expect(isProblem, "\(entry.id): unexpected stderr line before the error: \(line)")
        }
        for problem in entry.problems ?? [] {
            #expect(listed.contains { $0.contains(problem) }, "\(entry.id): no listed problem contains \"\(problem)\": \(lines)")
        }
        #expect(!lines.contains { $0.contains("SQLite error") || $0.contains("unexpected error") },
                "\(entry.id): an internal error reached the user: \(lines)")
    }
}
