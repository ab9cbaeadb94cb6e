import Foundation
import Testing
import TestSupport

/// Issue 21 §2 in a real browser: a detainer with a review, a status change and documents is
/// served; `Tests/Browser/print_record.py` uploads through the page's form, opens "Print
/// decision record" and prints it to PDF in headless Chromium on A4 and on US Letter, and each
/// must be exactly one page. The PDFs land in `.build/browser-artifacts/` for a person to look at.
/// Part of the browser suite (serialized), so its server and browser never compete with the
/// suite's others on a loaded machine.
extension BrowserEndToEndTests {
    @Test("upload through the page, print the record: one page on A4 and on Letter")
    func theRecordPrintsOnOnePage() async throws {
        let missing = Self.missingPrerequisites()
        try #require(missing.isEmpty, Comment(rawValue: "browser tests need " + missing.joined(separator: "; ")))
        let directory = TemporaryDirectory()
        let db = directory.path("office.db")
        let binary = try Self.binary()
        func cli(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
            let result = try Subprocess.run(binary, arguments + ["--db", db], in: directory.url, stdin: stdin.map { Data($0.utf8) }, timeout: 120)
            try #require(result.status == 0, "detainer \(arguments.joined(separator: " ")): \(result)")
            return result
        }
        // Dates relative to today, so intake's rules (arrest before receipt, nothing in the future) hold whenever this runs.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "America/New_York")
        formatter.dateFormat = "yyyy-MM-dd"
        let arrest = formatter.string(from: Date().addingTimeInterval(-5 * 86_400))
        let release = formatter.string(from: Date().addingTimeInterval(3 * 86_400)) + " 10:00"

        _ = try cli(["init", "--training", "--admin", "maria"])
        _ = try cli(["user", "add", "clara", "--role", "clerk", "--user", "maria"])
        _ = try cli(["user", "add", "sam", "--role", "supervisor", "--user", "maria"])
        _ = try cli(["user", "passwd", "clara", "--password-stdin", "--user", "maria"], stdin: Self.password + "\n")
        _ = try cli(["intake", "--user", "clara", "--name", "José Nuñez", "--dob", "1985-02-03", "--nysid", "12345678K", "--agency", "DOC",
                     "--booking", "3411700123", "--facility", "Rikers Island — OBCC", "--arrest-date", arrest, "--release-at", release,
                     "--warrant", "judicial", "--warrant-issuer", "Hon. A. Judge (E.D.N.Y.)", "--tsdb-match", "no"])
        _ = try cli(["conviction", "add", "12345678K", "--user", "clara", "--statute", "PL 120.05", "--convicted-on", "2022-03-02",
                     "--sentenced-on", "2022-04-13", "--felony-class", "D"])
        _ = try cli(["review", "1", "--approve", "--confirm-no-search", "--user", "sam"])
        let pdf = directory.path("i247a.pdf")
        try Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: pdf))
        _ = try cli(["attach", "1", pdf, "--kind", "i247a", "--user", "clara", "--note", "received by fax"])
        let history = directory.path("history.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 1, count: 64)).write(to: URL(fileURLWithPath: history))
        _ = try cli(["attach", "1", history, "--kind", "criminalHistory", "--user", "clara"])
        _ = try cli(["status", "1", "--to", "transferred", "--note", "ICE took custody at the facility", "--user", "clara"])
        // A heavier record: an NYPD detainer (more tests of the law), three convictions, a TSDB match.
        _ = try cli(["intake", "--user", "clara", "--name", "Rosa Domínguez", "--dob", "1976-08-09", "--nysid", "88814170B", "--agency", "NYPD",
                     "--booking", "K90747123", "--facility", "Manhattan Central Booking", "--arrest-date", arrest, "--release-at", release,
                     "--warrant", "none", "--tsdb-match", "yes"])
        for (statute, convicted, sentenced, felony) in [("PL 240.20", "2018-06-01", "2018-07-23", "violation"), ("PL 160.15", "2019-11-02", "2019-12-20", "B"),
                                                        ("PL 265.03", "2020-03-16", "2020-04-04", "C")] {
            _ = try cli(["conviction", "add", "88814170B", "--user", "clara", "--statute", statute, "--convicted-on", convicted,
                         "--sentenced-on", sentenced, "--felony-class", felony])
        }
        _ = try cli(["charge", "add", "88814170B", "--user", "clara", "--statute", "PL 220.39"])
        _ = try cli(["review", "2", "--approve", "--confirm-no-search", "--user", "sam"])
        for (index, kind) in ["i247a", "i200", "criminalHistory", "counselLetter"].enumerated() {
            let path = directory.path("doc\(index).pdf")
            try Data("%PDF-1.4\n% document \(index)\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: path))
            _ = try cli(["attach", "2", path, "--kind", kind, "--user", "clara"])
        }
        let upload = directory.path("warrant.pdf")
        try Data("%PDF-1.7\n% a judicial warrant\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: upload))
        let disguised = directory.path("scan.png")
        try Data("<!DOCTYPE html><html><script>alert(1)</script></html>".utf8).write(to: URL(fileURLWithPath: disguised))
        let passwordFile = directory.path("password.txt")
        try Self.password.write(toFile: passwordFile, atomically: true, encoding: .utf8)

        let server = try await Server.start(binary: binary, db: db, in: directory.url, extra: [])
        defer { server.stop() }
        let artifacts = Self.repositoryRoot.appendingPathComponent(".build/browser-artifacts").path
        let script = Self.repositoryRoot.appendingPathComponent("Tests/Browser/print_record.py").path
        let run = try Subprocess.run("/usr/bin/env", [
            "python3", script, "--base-url", server.url, "--clerk", "clara", "--password-file", passwordFile, "--detainer", "1", "--heavy", "2",
            "--upload", upload, "--disguised", disguised, "--artifacts", artifacts,
        ], in: directory.url, timeout: 600)
        let status = server.stop()
        #expect(run.status == 0, """
            Tests/Browser/print_record.py failed (exit \(run.status)); PDFs and screenshots in \(artifacts)
            \(run.stdout)
            \(run.stderr.suffix(3000))
            server log (tail):
            \(server.logTail())
            """)
        #expect(status == 0)
        let check = try Subprocess.run(binary, ["check", "--db", db], in: directory.url, timeout: 120)
        #expect(check.status == 0, "detainer check after the browser session: \(check)")
        let documents = try cli(["document", "list", "1", "--format", "csv"]).stdout
        #expect(documents.split(separator: "\n").count == 4, "two documents from the CLI and one from the browser: \(documents)")
    }
}
