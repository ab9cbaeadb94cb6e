import CSVStream
import Testing

@Suite("Reader: errors")
struct ReaderErrorTests {
    @Test func unbalancedQuoteReportsTheLineWhereItOpened() throws {
        var text = "a,b\n"
        for i in 2...11 { text += "\(i),ok\n" }
        text += "12,\"never closed\nmore\nand more\n"
        try withTemporaryFile(text) { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            var good = 0
            let error = expectCSVError { while try reader.next() != nil { good += 1 } }
            #expect(good == 10)
            #expect(error?.kind == .unclosedQuote)
            #expect(error?.line == 12)
            #expect(error?.column == 2)
            #expect(error?.description == "line 12, column 2 (b): quoted field opened here is never closed")
            #expect(error?.isRecoverable == false)
            // Sticky: the rest of the file cannot be trusted.
            #expect(expectCSVError { _ = try reader.next() } == error)
        }
    }

    @Test func unbalancedQuoteWithoutHeaderNamesOnlyTheLine() throws {
        try withTemporaryFile("x\n\"open") { path in
            let reader = try CSVReader(path: path)
            _ = try reader.next()
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.description == "line 2, column 1: quoted field opened here is never closed")
        }
    }

    @Test func strayQuoteIsRecoverableAndCarriesTheRawRecord() throws {
        try withTemporaryFile("a,b\n1,ab\"c\n2,3\n") { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.kind == .strayQuote)
            #expect(error?.line == 2)
            #expect(error?.column == 2)
            #expect(error?.columnName == "b")
            #expect(error?.rawRecord == Array("1,ab\"c\n".utf8))
            #expect(error?.isRecoverable == true)
            #expect(error?.description.hasPrefix("line 2, column 2 (b): a quote (\") appears inside a field") == true)
            let next = try reader.next()
            #expect(next?.fields == ["2", "3"])
            #expect(next?.line == 3)
        }
    }

    @Test func textAfterClosingQuoteIsAnError() throws {
        try withTemporaryFile("a,b\n\"x\"y,2\n3,4\n") { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.kind == .textAfterClosingQuote)
            #expect(error?.column == 1)
            #expect(try reader.next()?.fields == ["3", "4"])
        }
    }

    @Test func lenientQuotesKeepStrayQuotesAsText() throws {
        var options = CSVReader.Options()
        options.strictQuotes = false
        let (_, records) = try parseAll(text: "a,b\n1,ab\"c\n\"x\"y,2\n", options: options)
        #expect(records.map(\.fields) == [["1", "ab\"c"], ["\"x\"y", "2"]])
    }

    @Test func latin1FileIsRecognised() throws {
        let bytes = Array("id,city\n1,Paris\n2,Montr".utf8) + [0xE9] + Array("al\n3,Lyon\n".utf8)
        try withTemporaryFile(bytes) { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            #expect(try reader.next()?.fields == ["1", "Paris"])
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.kind == .notUTF8(byte: 0xE9, likelyLatin1: true))
            #expect(error?.line == 3)
            #expect(error?.column == 2)
            #expect(error?.description
                == "the file is not UTF-8 (byte 0xE9 at line 3, column 2 \"city\"); it looks like Latin-1/Windows-1252")
            #expect(error?.rawRecord == Array("2,Montr".utf8) + [0xE9] + Array("al\n".utf8))
            #expect(try reader.next()?.fields == ["3", "Lyon"])
        }
    }

    @Test func invalidUTF8InsideAMultiLineFieldReportsItsOwnLine() throws {
        let bytes = Array("a\n\"one\ntwo ".utf8) + [0x93] + Array("quoted".utf8) + [0x94] + Array("\"\n".utf8)
        try withTemporaryFile(bytes) { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.kind == .notUTF8(byte: 0x93, likelyLatin1: true))
            #expect(error?.line == 3)
            #expect(error?.recordLine == 2)
        }
    }

    @Test func truncatedUTF8IsNotCalledLatin1() throws {
        let bytes = Array("a\nx".utf8) + [0xE2, 0x80] + Array("y\n".utf8)
        try withTemporaryFile(bytes) { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.kind == .notUTF8(byte: 0xE2, likelyLatin1: false))
            #expect(error?.description.contains("damaged") == true)
        }
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    @Test(arguments: [
        (false, true, "the file is UTF-16 little-endian, not UTF-8 (it starts with the byte-order mark FF FE)"),
        (true, true, "the file is UTF-16 big-endian, not UTF-8 (it starts with the byte-order mark FE FF)"),
        (false, false, "the file is UTF-16 little-endian (without a byte-order mark), not UTF-8 (every other byte is NUL)"),
        (true, false, "the file is UTF-16 big-endian (without a byte-order mark), not UTF-8 (every other byte is NUL)"),
    ])
    func utf16IsRecognised(bigEndian: Bool, bom: Bool, expected: String) throws {
        let bytes = Self.utf16("id,name\n1,Nuñez\n", bigEndian: bigEndian, bom: bom)
        try withTemporaryFile(bytes) { path in
            let reader = try CSVReader(path: path)
            let error = expectCSVError { _ = try reader.readHeader() }
            #expect(error?.description == expected + "; save it as UTF-8 and try again")
            #expect(error?.isRecoverable == false)
        }
    }

    @Test func nulByteInAFieldIsReported() throws {
        try withTemporaryFile(Array("a,b\n1,x".utf8) + [0] + Array("y\n2,3\n".utf8)) { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.kind == .nulByte)
            #expect(error?.line == 2)
            #expect(error?.column == 2)
            #expect(error?.description == "line 2, column 2 (b): NUL byte (0x00) inside a field; the file may be binary or UTF-16")
            #expect(try reader.next()?.fields == ["2", "3"])
        }
    }

    @Test func fieldOfExactlyTheLimitIsAccepted() throws {
        let field = String(repeating: "x", count: 1 << 20)
        let (_, records) = try parseAll(text: "a,b\n1,\(field)\n2,\"\(field)\"\n")
        #expect(records.map { $0.fields[1].utf8.count } == [1 << 20, 1 << 20])
    }

    @Test(arguments: [false, true])
    func fieldOverTheLimitIsRejected(quoted: Bool) throws {
        let field = String(repeating: "x", count: (1 << 20) + 1)
        let text = "a,b\n1,2\n3,\(quoted ? "\"\(field)\"" : field)\n4,5\n"
        try withTemporaryFile(text) { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            #expect(try reader.next()?.fields == ["1", "2"])
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.kind == .fieldTooLong(limit: 1 << 20, quoted: quoted))
            #expect(error?.line == 3)
            #expect(error?.description.hasPrefix(
                "line 3, column 2 (b): field is longer than the limit of 1048576 bytes") == true)
        }
    }

    @Test func unclosedQuoteInAHugeFileStopsAtTheFieldLimit() throws {
        let text = "a\n\"oops\n" + String(repeating: "row,row,row\n", count: 2000)
        var options = CSVReader.Options(chunkSize: 1024)
        options.maxFieldLength = 4096
        try withTemporaryFile(text) { path in
            let reader = try CSVReader(path: path, options: options)
            _ = try reader.readHeader()
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.kind == .fieldTooLong(limit: 4096, quoted: true))
            #expect(error?.line == 2)
            #expect(error?.description.contains("missing its closing quote") == true)
        }
    }

    @Test(arguments: ["", "\u{FEFF}", "\n\n\r\n"])
    func fileWithoutAHeaderIsAClearError(text: String) throws {
        try withTemporaryFile(text) { path in
            let reader = try CSVReader(path: path)
            let error = expectCSVError { _ = try reader.readHeader() }
            #expect(error?.kind == .emptyFile)
            #expect(error?.description == "the file is empty: there is no header line")
        }
    }

    @Test(arguments: ["a,b,c\n", "a,b,c", "a,b,c\r\n"])
    func headerOnlyFileHasNoRecords(text: String) throws {
        let (header, records) = try parseAll(text: text)
        #expect(header?.names == ["a", "b", "c"])
        #expect(records.isEmpty)
    }

    @Test func wrongFieldCountHelper() throws {
        try withTemporaryFile("a,b,c\n1,2,3\n1,2\n1,2,3,4\n") { path in
            let reader = try CSVReader(path: path)
            let header = try reader.readHeader()
            let good = try #require(try reader.next())
            #expect(header.fieldCountError(for: good) == nil)
            try header.checkFieldCount(of: good)

            let short = try #require(try reader.next())
            #expect(short.count == 2)
            let shortError = header.fieldCountError(for: short)
            #expect(shortError?.kind == .wrongFieldCount(expected: 3, found: 2))
            #expect(shortError?.description == "line 3: expected 3 fields (as in the header) but found 2")

            let long = try #require(try reader.next())
            let longError = expectCSVError { try header.checkFieldCount(of: long) }
            #expect(longError?.kind == .wrongFieldCount(expected: 3, found: 4))
            #expect(longError?.rawRecord == Array("1,2,3,4\n".utf8))
        }
    }

    @Test func missingFileIsAnIOError() {
        let error = expectCSVError { _ = try CSVReader(path: "/nonexistent/dir/file.csv") }
        #expect(error?.description == "cannot open '/nonexistent/dir/file.csv': No such file or directory")
    }

    @Test(arguments: ["\"", "\n", "\r", "é"])
    func impossibleDelimitersAreRejected(delimiter: Unicode.Scalar) throws {
        try withTemporaryFile("a\n") { path in
            let error = expectCSVError { _ = try CSVReader(path: path, options: .init(delimiter: delimiter)) }
            if case .invalidOption = error?.kind {} else { Issue.record("got \(String(describing: error))") }
        }
    }
}
