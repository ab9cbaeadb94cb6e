import DetainerStore

/// Rows of text shown as an aligned table, or as CSV with formula cells neutralised.
struct TextTable {
    let columns: [String]
    private(set) var rows: [[String]] = []

    init(columns: [String]) { self.columns = columns }

    mutating func add(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    var isEmpty: Bool { rows.isEmpty }

    /// Left-aligned columns separated by two spaces; widths count characters as terminal cells.
    func rendered() -> String {
        var widths = columns.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        var out = ""
        func line(_ cells: [String]) {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let flat = cell.replacingNewlines
                text += flat
                if index < cells.count - 1 {
                    text += String(repeating: " ", count: widths[index] - DisplayWidth.of(flat) + 2)
                }
            }
            out += text + "\n"
        }
        line(columns)
        line(widths.map { String(repeating: "-", count: $0) })
        for row in rows { line(row) }
        return out
    }

    func csv() -> String {
        var out = CSVText.line(columns)
        for row in rows { out += CSVText.line(row) }
        return out
    }
}

enum DisplayWidth {
    /// Terminal cells taken by `text`: wide East Asian characters and emoji take two.
    static func of(_ text: String) -> Int {
        var width = 0
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
                || (0x20000...0x3FFFD).contains(value)
            width += wide ? 2 : 1
        }
        return width
    }
}

extension String {
    var replacingNewlines: String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

/// CSV cells for terminal output and exports: quoted when needed; cells a spreadsheet would run
/// as a formula (=, +, -, @, tab, CR) get a leading apostrophe.
extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
