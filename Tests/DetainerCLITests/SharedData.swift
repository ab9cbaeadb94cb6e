import Foundation

/// The repository's real-data fixtures (`<repo>/Tests/Fixtures`, provenance in its PROVENANCE.md),
/// found from this file's location so the tests run from any directory.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    static var paDetainers: String { path("ice-detainers-npr-foia/pa_detainers_2007-2015.csv") }
}
