import Foundation
@testable import DetainerDomain

/// Files of this repository, found from this source file's location (`<repo>/Tests/DetainerDomainTests/`)
/// so the tests run from any directory: the offense list and the real-data fixtures.
enum RepositoryFile {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// The offense list, the project's source of truth for the generated catalog.
    static var offensesCSV: URL { url("Sources/DetainerDomain/Law/offenses.csv") }

    /// A real-data fixture under `Tests/Fixtures` (see its PROVENANCE.md).
    static func fixture(_ relativePath: String) -> URL { url("Tests/Fixtures/" + relativePath) }
}

/// RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes).
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n":
                row.append(field); field = ""
                rows.append(row); row = []
            case "\r": break
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Rows as dictionaries keyed by header; strips a BOM and the mangled `ï..` prefix some
    /// exports put on the first header cell.
    static func records(_ text: String) -> [[String: String]] {
        let rows = parse(text)
        guard var header = rows.first else { return [] }
        header = header.map { cell in
            var cell = cell
            if cell.hasPrefix("\u{FEFF}") { cell.removeFirst() }
            if cell.hasPrefix("ï..") { cell.removeFirst(3) }
            return cell
        }
        return rows.dropFirst().filter { $0 != [""] }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
func instant(_ text: String) -> UTCInstant { UTCInstant(parsing: text)! }
