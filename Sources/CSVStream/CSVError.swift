/// Everything that can go wrong while reading or writing CSV, with enough
/// location detail that a person can open the file and find the problem.
///
/// `description` is the sentence to show a user; `kind`, `line`, `column`
/// and `columnName` are there for callers that want to react programmatically.
public struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An operating-system call failed (`errno` is the raw code).
        case io(operation: String, path: String?, errno: Int32)
        /// There is no header line: the file is empty or holds only blank lines.
        case emptyFile
        /// The bytes are not UTF-8. `likelyLatin1` is set when the bytes look
        /// like a single-byte Western encoding rather than damaged UTF-8.
        case notUTF8(byte: UInt8, likelyLatin1: Bool)
        /// The file is in an encoding this reader deliberately does not decode
        /// (UTF-16/UTF-32); `name` says which and `evidence` how we know.
        case unsupportedEncoding(name: String, evidence: String)
        /// A quoted field runs to the end of the file.
        case unclosedQuote
        /// A `"` appears inside a field that did not start with one.
        case strayQuote
        /// Something other than a delimiter or line end follows a closing quote.
        case textAfterClosingQuote
        /// A NUL byte inside a field; almost always binary or UTF-16 data.
        case nulByte
        /// A single field is longer than `CSVReader.Options.maxFieldLength`.
        case fieldTooLong(limit: Int, quoted: Bool)
        /// A whole record is longer than `CSVReader.Options.maxRecordLength`.
        case recordTooLong(limit: Int)
        /// The record's field count differs from the header's.
        case wrongFieldCount(expected: Int, found: Int)
        /// The caller asked for something impossible (e.g. `"` as delimiter).
        case invalidOption(String)
    }

    public let kind: Kind
    /// 1-based physical line of the problem (for an unclosed quote: where it opened).
    public let line: Int?
    /// 1-based field index within the record.
    public let column: Int?
    /// Header name of `column`, when a header has been read.
    public let columnName: String?
    /// 1-based physical line on which the offending record starts.
    public let recordLine: Int?
    /// The offending record exactly as in the file, when the reader could
    /// delimit it; lets a caller copy it verbatim to a rejects file.
    public let rawRecord: [UInt8]?

    public init(
        _ kind: Kind, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
        recordLine: Int? = nil, rawRecord: [UInt8]? = nil
    ) {
        self.kind = kind
        self.line = line
        self.column = column
        self.columnName = columnName
        self.recordLine = recordLine
        self.rawRecord = rawRecord
    }

    /// True when the reader has already stepped past the bad record, so the
    /// caller may log it and call `next()` again. Other errors are sticky.
    public var isRecoverable: Bool {
        switch kind {
        case .strayQuote, .textAfterClosingQuote, .nulByte, .notUTF8, .wrongFieldCount: true
        default: false
        }
    }

    /// The problem without the location prefix.
    public var message: String {
        switch kind {
        case let .io(operation, path, code):
            let target = path.map { " '\($0)'" } ?? ""
            return "cannot \(operation)\(target): \(systemErrorMessage(code))"
        case .emptyFile:
            return "the file is empty: there is no header line"
        case let .notUTF8(byte, likelyLatin1):
            let hint = likelyLatin1
                ? "it looks like Latin-1/Windows-1252"
                : "the UTF-8 is damaged (a multi-byte character is cut short)"
            // Inside parentheses already, so the column name goes in quotes.
            return "the file is not UTF-8 (byte \(hex(byte))\(locationPhrase(prefix: " at", quoteName: true))); \(hint)"
        case let .unsupportedEncoding(name, evidence):
            return "the file is \(name), not UTF-8 (\(evidence)); save it as UTF-8 and try again"
        case .unclosedQuote:
            return "quoted field opened here is never closed"
        case .strayQuote:
            return "a quote (\") appears inside a field that is not quoted; "
                + "quote the whole field and double the inner quote (\"\")"
        case .textAfterClosingQuote:
            return "unexpected text after a closing quote; "
                + "a quote inside a quoted field must be doubled (\"\")"
        case .nulByte:
            return "NUL byte (0x00) inside a field; the file may be binary or UTF-16"
        case let .fieldTooLong(limit, quoted):
            let suffix = quoted
                ? "; the quoted field starting here is probably missing its closing quote"
                : ""
            return "field is longer than the limit of \(limit) bytes\(suffix)"
        case let .recordTooLong(limit):
            return "record is longer than the limit of \(limit) bytes"
        case let .wrongFieldCount(expected, found):
            return "expected \(expected) field\(expected == 1 ? "" : "s") (as in the header) but found \(found)"
        case let .invalidOption(text):
            return "invalid option: \(text)"
        }
    }

    public var description: String {
        switch kind {
        case .notUTF8, .io, .unsupportedEncoding, .emptyFile, .invalidOption:
            return message  // location, if any, is already inside the sentence
        default:
            let location = locationPhrase(prefix: "", quoteName: false)
            return location.isEmpty ? message : "\(location): \(message)"
        }
    }

    private func locationPhrase(prefix: String, quoteName: Bool) -> String {
        var parts: [String] = []
        if let line { parts.append("line \(line)") }
        if let column {
            let name = columnName.map { quoteName ? " \"\($0)\"" : " (\($0))" } ?? ""
            parts.append("column \(column)\(name)")
        }
        if parts.isEmpty { return "" }
        return prefix + (prefix.isEmpty ? "" : " ") + parts.joined(separator: ", ")
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
}
