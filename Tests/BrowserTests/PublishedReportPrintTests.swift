import Foundation
import Testing
import TestSupport

/// Issue 22: the annual report's published page prints. Headless Chromium (the browser suite's
/// prerequisite) prints `report annual --format html` to PDF: the print stylesheet's US-letter page
/// is used, the document fits a few pages, and the text a reader needs — items in statute order,
/// the "as of" line, the notes — survives into the PDF (read back with pdftotext when installed).
@Suite("Published report prints", .serialized)
struct PublishedReportPrintTests {
    @Test func theAnnualReportPrintsToPDF() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "needs /usr/bin/chromium (Debian chromium), as the browser suite")
        let directory = TemporaryDirectory()
        let binary = try BrowserEndToEndTests.binary()
        let environment = ["DETAINER_DB": directory.path("office.db"), "DETAINER_NOW": "2026-06-10T14:00:00Z"]
        func cli(_ arguments: [String]) throws -> ProcessResult {
            let result = try Subprocess.run(binary, arguments, in: directory.url, environment: environment, timeout: 120)
            try #require(result.status == 0, "detainer \(arguments.joined(separator: " ")): \(result)")
            return result
        }
        _ = try cli(["init", "--training", "--admin", "admin"])
        for (name, role) in [("clara", "clerk"), ("sam", "supervisor"), ("audrey", "auditor")] {
            _ = try cli(["user", "add", name, "--role", role, "--user", "admin"])
        }
        for index in 1...6 {
            _ = try cli(["intake", "--user", "clara", "--name", "Person \(index)", "--agency", "DOC", "--booking", "B-\(index)",
                         "--arrest-date", "2026-06-01", "--release-at", "2026-06-12T14:00:00Z", "--warrant", "judicial",
                         "--warrant-issuer", "Hon. J", "--tsdb-match", index % 2 == 0 ? "yes" : "no",
                         "--probable-cause", index % 3 == 0 ? "finalOrder" : "biometricMatch"])
            _ = try cli(["review", "\(index)", "--approve", "--confirm-no-search", "--user", "sam"])
        }
        let html = try cli(["report", "annual", "--agency", "DOC", "--year", "2026", "--format", "html", "--user", "audrey"]).stdout
        let page = directory.path("report.html"), pdf = directory.path("report.pdf")
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let print = try Subprocess.run("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: page).absoluteString,
        ], in: directory.url, timeout: 180)
        try #require(print.status == 0, "chromium --print-to-pdf: \(print)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        // The print stylesheet's `@page { size: letter }`: 8.5 × 11 in = 612 × 792 pt.
        #expect(text.contains("MediaBox [0 0 612 792]"))
        let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
        #expect((1...12).contains(pages), "\(pages) pages")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let extracted = try Subprocess.run("/usr/bin/pdftotext", ["-layout", pdf, "-"], in: directory.url, timeout: 60)
            let words = extracted.stdout
            #expect(words.contains("TRAINING DATABASE"))
            #expect(words.contains("As of 2026-06-10"))
            let positions = (1...9).compactMap { words.range(of: "f\($0). ")?.lowerBound }
            #expect(positions.count == 9 && positions == positions.sorted(), "items f1…f9 print in statute order")
            #expect(words.contains("Notes"))
        }
    }
}
