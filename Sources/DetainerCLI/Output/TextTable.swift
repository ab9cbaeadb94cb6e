/// Rows of text shown as an aligned table (CSV goes through CSVStream's writer: `RecordPrinter`).
struct TextTable {
    let columns: [String]
    private(set) var rows: [[String]] = []

    init(columns: [String]) { self.columns = columns }

    mutating func add(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    var isEmpty: Bool { rows.isEmpty }

    /// Widest a column may be; longer cells wrap at spaces onto continuation lines (so a table
    /// of long legal titles fits a terminal). nil = as wide as its widest cell.
    var limits: [Int?] = []

    /// Each column's width in terminal cells: its widest (wrapped) cell or its name.
    var widths: [Int] {
        var widths = columns.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() {
                for piece in Self.wrap(cell, limit(index)) { widths[index] = max(widths[index], DisplayWidth.of(piece)) }
            }
        }
        return widths
    }

    private func limit(_ index: Int) -> Int? { index < limits.count ? limits[index] : nil }

    /// Left-aligned columns separated by two spaces; widths count characters as terminal cells.
    func rendered() -> String {
        let widths = self.widths
        var out = Self.line(columns, widths: widths)
        out += Self.line(widths.map { String(repeating: "-", count: $0) }, widths: widths)
        for row in rows { out += Self.line(row, widths: widths, limits: limits) }
        return out
    }

    /// One table row (several lines when a cell wraps); a cell wider than its column pushes the
    /// rest of its line right.
    static func line(_ cells: [String], widths: [Int], limits: [Int?] = []) -> String {
        if limits.allSatisfy({ $0 == nil }) {
            // One line per row (every list but a few reference tables): no wrapping arrays.
            var text = ""
            for (index, cell) in cells.enumerated() {
                let flat = cell.replacingNewlines
                text += flat
                if index < cells.count - 1 {
                    text += String(repeating: " ", count: max(widths[index] - DisplayWidth.of(flat), 0) + 2)
                }
            }
            return text + "\n"
        }
        let pieces = cells.enumerated().map { index, cell in wrap(cell, index < limits.count ? limits[index] : nil) }
        let height = pieces.map(\.count).max() ?? 1
        var out = ""
        for lineIndex in 0..<height {
            var text = ""
            for (index, cellLines) in pieces.enumerated() {
                let flat = lineIndex < cellLines.count ? cellLines[lineIndex] : ""
                text += flat
                if index < pieces.count - 1 {
                    text += String(repeating: " ", count: max(widths[index] - DisplayWidth.of(flat), 0) + 2)
                }
            }
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        return out
    }

    /// The cell on one line, or broken at spaces into lines of at most `limit` cells (a word
    /// longer than the limit keeps its own line).
    static func wrap(_ cell: String, _ limit: Int?) -> [String] {
        let flat = cell.replacingNewlines
        guard let limit, DisplayWidth.of(flat) > limit else { return [flat] }
        var lines: [String] = []
        var current = ""
        for word in flat.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty { current = String(word) }
            else if DisplayWidth.of(current) + 1 + DisplayWidth.of(String(word)) <= limit { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}

enum DisplayWidth {
    /// Terminal cells taken by `text`: wide East Asian characters and emoji take two.
    static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }  // ASCII: one cell a byte
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
        // Most cells are plain ASCII without line breaks: return them as they are.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
