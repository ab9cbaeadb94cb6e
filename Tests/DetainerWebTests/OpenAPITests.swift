@testable import DetainerWeb
import DetainerStore
import Foundation
import Logging
import Testing

/// `Sources/DetainerWeb/openapi.yaml` documents exactly the JSON API the router serves.
@Suite struct OpenAPITests {
    /// Operations in the document: `  /path:` then `    get:` lines (the file's own layout,
    /// two-space indents as written; a YAML library is not worth a dependency for this).
    static func documented() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/DetainerWeb/openapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.trimmingCharacters(in: .whitespaces)
                for method in ["get", "post", "put", "patch", "delete"] where key == method + ":" {
                    operations.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        return operations
    }

    @Test func routesAndDocumentAgree() throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        let (_, book) = WebApp.router(office: office, options: WebOptions(), logger: Logger(label: "test"))
        let served = Set(book.entries.filter { $0.path.hasPrefix("/api/") }.map(\.description))
        let documented = try Self.documented()
        #expect(!served.isEmpty)
        #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
    }
}
