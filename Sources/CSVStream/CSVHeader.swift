/// The first record, read as column names, with case-insensitive lookup.
///
/// Names are normalised because real exports mangle them: surrounding
/// whitespace, a stray byte-order mark, the BOM as R prints it after reading
/// UTF-8 as Latin-1 (`ï..INMATEID`, `X.U.FEFF.INMATEID`) or as double
/// decoding leaves it (`ï»¿INMATEID`), and quotes left around a name.
public struct CSVHeader: Sendable, RandomAccessCollection {
    /// Normalised names, in file order.
    public let names: [String]
    /// Names exactly as read, before normalisation.
    public let originalNames: [String]
    /// Physical line of the header (1 unless blank lines preceded it).
    public let line: Int
    /// The header line exactly as in the file (without any byte-order mark),
    /// when it was read from one; handy as the first line of a rejects file.
    public let rawBytes: [UInt8]?
    private let positions: [String: Int]

    public init(names: [String], line: Int = 1, rawBytes: [UInt8]? = nil) {
        originalNames = names
        self.rawBytes = rawBytes
        self.names = names.map(Self.normalize)
        self.line = line
        var positions: [String: Int] = [:]
        for (i, name) in self.names.enumerated() where positions[Self.lookupKey(name)] == nil {
            positions[Self.lookupKey(name)] = i
        }
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { names.count }
    public subscript(i: Int) -> String { names[i] }

    /// 0-based index of the first column whose name matches `name`, ignoring
    /// case and surrounding whitespace, or nil.
    public func index(of name: String) -> Int? {
        positions[Self.lookupKey(Self.normalize(name))]
    }

    /// The header name for 0-based column `i`, or nil when the record has
    /// more fields than the header.
    public func name(at i: Int) -> String? {
        i >= 0 && i < names.count ? names[i] : nil
    }

    /// An error describing the mismatch when `record` has a different number
    /// of fields than the header, else nil. Whether that is fatal, a reject,
    /// or fine (ragged files) is the caller's decision.
    public func fieldCountError(for record: CSVRecord) -> CSVError? {
        guard record.count != names.count else { return nil }
        return CSVError(
            .wrongFieldCount(expected: names.count, found: record.count),
            line: record.line, recordLine: record.line, rawRecord: record.rawBytes)
    }

    /// Throws `fieldCountError(for:)` if there is one.
    public func checkFieldCount(of record: CSVRecord) throws(CSVError) {
        if let error = fieldCountError(for: record) { throw error }
    }

    private static let manglings: [[Unicode.Scalar]] = [
        ["\u{FEFF}"],
        Array("ï»¿".unicodeScalars),
        Array("ï..".unicodeScalars),
        Array("X.U.FEFF.".unicodeScalars),
    ]

    /// Repairs one column name; applied repeatedly because the damage stacks
    /// (e.g. a BOM inside quotes inside padding).
    public static func normalize(_ name: String) -> String {
        var scalars = Substring(name).unicodeScalars[...]
        while true {
            let before = scalars.count
            while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            for mangled in manglings where scalars.starts(with: mangled) {
                scalars.removeFirst(mangled.count)
            }
            if scalars.count >= 2 && scalars.first == "\"" && scalars.last == "\"" {
                scalars.removeFirst()
                scalars.removeLast()
            } else if scalars.first == "\"" && scalars.dropFirst().first == "\u{FEFF}" {
                scalars.removeFirst()  // `"\u{FEFF}NAME` from a lenient parse
            }
            if scalars.count == before { break }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func lookupKey(_ name: String) -> String { name.lowercased() }
}
