import CSVStream
import Testing
import TestSupport

@Suite("Writer → reader round trip")
struct RoundTripTests {
    /// Pieces chosen to hit every quoting rule and multi-byte UTF-8.
    static let pieces = [
        "a", "Z", "0", "-", "=", "+", "@", ",", "|", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "'",
        "Nuñez", "Đặng", "😀", "👩🏽‍⚖️", "\u{FEFF}", "ï»¿", "ï..", "é", "日本", "", "  ",
    ]

    static func randomRecords(count: Int, seed: UInt64) -> [[String]] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...8, using: &rng)).map { _ in
                (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            }
        }
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        var delimiter: Unicode.Scalar
        var lineEnding: CSVLineEnding
        var quoteAll: Bool
        var chunkSize: Int
        var testDescription: String { "\(delimiter.escaped(asASCII: true)) \(lineEnding) quoteAll=\(quoteAll) chunk=\(chunkSize)" }
    }

    @Test(arguments: [
        Variant(delimiter: ",", lineEnding: .lf, quoteAll: false, chunkSize: 256 * 1024),
        Variant(delimiter: ",", lineEnding: .crlf, quoteAll: false, chunkSize: 37),
        Variant(delimiter: "|", lineEnding: .lf, quoteAll: true, chunkSize: 64),
        Variant(delimiter: "\t", lineEnding: .crlf, quoteAll: false, chunkSize: 1000),
        Variant(delimiter: ";", lineEnding: .lf, quoteAll: false, chunkSize: 16),
    ])
    func randomRecordsSurviveARoundTrip(variant: Variant) throws {
        let records = Self.randomRecords(count: 1500, seed: 7 + UInt64(variant.chunkSize))
        try withTemporaryPath { path in
            let writer = try CSVWriter(path: path, options: .init(
                delimiter: variant.delimiter, lineEnding: variant.lineEnding, quoteAll: variant.quoteAll))
            for record in records { try writer.write(record) }
            try writer.close()

            let (_, back) = try parseAll(
                path, options: .init(delimiter: variant.delimiter, chunkSize: variant.chunkSize), header: false)
            #expect(back.count == records.count)
            for (i, (expected, actual)) in zip(records, back).enumerated() where expected != actual.fields {
                Issue.record("record \(i): wrote \(expected), read \(actual.fields)")
                break
            }
            // Line numbers must account for every newline written inside fields.
            var line = 1
            for (i, (expected, actual)) in zip(records, back).enumerated() {
                if actual.line != line {
                    Issue.record("record \(i): line \(actual.line), expected \(line)")
                    break
                }
                line += 1 + expected.reduce(0) { $0 + lineBreaks(in: $1) }
            }
        }
    }

    @Test func neutralizedFormulasReadBackWithTheirApostrophe() throws {
        let records = Self.randomRecords(count: 500, seed: 99)
        try withTemporaryPath { path in
            let writer = try CSVWriter(path: path, options: .init(neutralizeFormulas: true))
            for record in records { try writer.write(record) }
            try writer.close()
            let (_, back) = try parseAll(path, header: false)
            let expected = records.map { record in
                record.map { field in
                    let risky = field.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
                    return risky ? "'" + field : field
                }
            }
            #expect(back.map(\.fields) == expected)
        }
    }

    @Test func realFileRoundTripsByteForByte() throws {
        let dataDirectory = fixturesDirectory()
        let input = dataDirectory + "/ice-detainers-npr-foia/pa_detainers_2007-2015.csv"
        try withTemporaryPath { output in
            let reader = try CSVReader(path: input)
            let writer = try CSVWriter(path: output)
            try writer.write(try reader.readHeader())
            while let record = try reader.next() { try writer.write(record) }
            try writer.close()
            #expect(readFile(output) == readFile(input))
        }
    }
}

/// Line breaks as the reader counts them: LF, CRLF and lone CR each once.
private func lineBreaks(in text: String) -> Int {
    let bytes = Array(text.utf8)
    var count = 0
    for (i, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
        count += 1
    }
    return count
}
