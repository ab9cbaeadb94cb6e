import Foundation

/// The project's shared data folder (`<repo>/../shared/data`), found by walking up from here.
enum SharedData {
    static let folder: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("shared/data")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static func path(_ relative: String) -> String? {
        folder.map { $0.appendingPathComponent(relative).path }
    }

    static var paDetainers: String? { path("ice-detainers-npr-foia/pa_detainers_2007-2015.csv") }
}
