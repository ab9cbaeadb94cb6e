/// The one rule for cells a spreadsheet would run as a formula (OWASP's list: `=`, `+`, `-`, `@`,
/// tab, CR at the start): written with a leading apostrophe, read back without it. `CSVWriter`
/// applies it with `neutralizeFormulas`; importers of our own files undo it with `restored`.
public enum CSVFormulaGuard {
    @inline(__always)
    public static func startsFormula(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D  // = + - @ TAB CR
    }

    /// The text as `CSVWriter` with `neutralizeFormulas` writes it (before quoting).
    public static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first, startsFormula(first) else { return text }
        return "'" + text
    }

    /// Undoes `neutralized`: an apostrophe followed by a formula character is dropped.
    public static func restored(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.first == 0x27, let next = bytes.dropFirst().first, startsFormula(next) else { return text }
        return String(text.dropFirst())
    }
}
