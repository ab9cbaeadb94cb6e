import CSVStream
import Testing

@Suite("Reader: formats and line numbers")
struct ReaderFormatTests {
    @Test func byteOrderMarkIsSkipped() throws {
        let (header, records) = try parseAll(text: "\u{FEFF}id,name\n1,Ann\n")
        #expect(header?.names == ["id", "name"])
        #expect(header?.originalNames == ["id", "name"])
        #expect(header?.rawBytes == Array("id,name\n".utf8))
        #expect(records.map(\.fields) == [["1", "Ann"]])
        #expect(records.first?.line == 2)
    }

    @Test func crlfLineEndings() throws {
        let (_, records) = try parseAll(text: "a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n5,6\r\n")
        #expect(records.map(\.fields) == [["1", "2"], ["3", "x\r\ny"], ["5", "6"]])
        #expect(records.map(\.line) == [2, 3, 5])
        #expect(records.allSatisfy { $0.lineEnding == .crlf })
        #expect(records[0].raw == Array("1,2\r\n".utf8))
    }

    @Test func loneCarriageReturnEndsALine() throws {
        let (header, records) = try parseAll(text: "a,b\r1,2\r3,4\r")
        #expect(header?.names == ["a", "b"])
        #expect(records.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [2, 3])
        #expect(records.allSatisfy { $0.lineEnding == .cr })
    }

    @Test func mixedLineEndingsInOneFile() throws {
        let (_, records) = try parseAll(text: "h\r\nlf\ncr\rcrlf\r\nlast")
        #expect(records.map(\.fields) == [["lf"], ["cr"], ["crlf"], ["last"]])
        #expect(records.map(\.lineEnding) == [.lf, .cr, .crlf, nil])
        #expect(records.map(\.line) == [2, 3, 4, 5])
    }

    @Test func quotedNewlinesAdvanceLineNumbersOfLaterRecords() throws {
        let text = "id,note\n1,\"line one\nline two\r\nline three\rline four\"\n2,x\n3,\"a\nb\"\n4,y\n"
        let (_, records) = try parseAll(text: text)
        #expect(records.map(\.fields) == [
            ["1", "line one\nline two\r\nline three\rline four"], ["2", "x"], ["3", "a\nb"], ["4", "y"],
        ])
        #expect(records.map(\.line) == [2, 6, 7, 9])
        #expect(records.map(\.lineSpan) == [4, 1, 2, 1])
    }

    @Test func doubledQuotesAreUnescaped() throws {
        let text = "a,b,c\n\"say \"\"hi\"\"\",\"x\"\",y\",\"\"\"\"\n"
        let (_, records) = try parseAll(text: text)
        #expect(records.first?.fields == ["say \"hi\"", "x\",y", "\""])
        #expect(records.first?.raw == Array("\"say \"\"hi\"\"\",\"x\"\",y\",\"\"\"\"\n".utf8))
    }

    @Test func missingFinalNewline() throws {
        let (_, records) = try parseAll(text: "a,b\n1,2\n3,\"4\"")
        #expect(records.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(records.last?.lineEnding == nil)
        #expect(records.last?.raw == Array("3,\"4\"".utf8))
    }

    @Test func trailingDelimiterMeansATrailingEmptyField() throws {
        let (_, records) = try parseAll(text: "a,b,c\n,,\n1,2,\n1,2,")
        #expect(records.map(\.fields) == [["", "", ""], ["1", "2", ""], ["1", "2", ""]])
    }

    @Test func blankLinesAreReportedOrSkipped() throws {
        let text = "a\n\nx\n\r\n\"\"\n\n"
        let (_, records) = try parseAll(text: text)
        #expect(records.map(\.isBlank) == [true, false, true, false, true])
        #expect(records.map(\.line) == [2, 3, 4, 5, 6])
        #expect(records[0].fields == [""])
        #expect(records[3].fields == [""])  // `""` is an empty field, not a blank line

        var options = CSVReader.Options()
        options.skipBlankLines = true
        let (_, kept) = try parseAll(text: text, options: options)
        #expect(kept.map(\.fields) == [["x"], [""]])
        #expect(kept.map(\.line) == [3, 5])
    }

    @Test func pipeDelimiter() throws {
        let (header, records) = try parseAll(text: "a|b|c\n1,5|\"x|y\"|z\n", options: .pipe)
        #expect(header?.names == ["a", "b", "c"])
        #expect(records.first?.fields == ["1,5", "x|y", "z"])
    }

    @Test func tabDelimiter() throws {
        let (_, records) = try parseAll(text: "a\tb\n1, 2\t\"x\ty\"\n", options: .tab)
        #expect(records.first?.fields == ["1, 2", "x\ty"])
    }

    @Test func rawBytesReproduceTheFileExactly() throws {
        let text = "h1,h2\r\n\"a\"\"b\",c\n\nx,\"multi\r\nline\"\rlast,\"q\"\"\""
        let bytes = Array(text.utf8)
        let (header, records) = try parseAll(bytes: [0xEF, 0xBB, 0xBF] + bytes)
        let rebuilt = (header?.rawBytes ?? []) + records.flatMap(\.raw)
        #expect(rebuilt == bytes)
    }

    @Test func fieldBytesAreUnescapedAndZeroCopy() throws {
        try withTemporaryFile("n,v\n42,\"a\"\"b\"\n") { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            let record = try #require(try reader.next())
            let number = record.withFieldBytes(0) { bytes in
                bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
            }
            #expect(number == 42)
            #expect(record.withFieldBytes(1) { Array($0) } == Array("a\"b".utf8))
            #expect(record.fieldLength(1) == 3)
            #expect(record.field(1, equals: "a\"b"))
            #expect(!record.field(1, equals: "a\"\"b"))
            #expect(record.field(at: 5) == nil)
        }
    }

    @Test func recordsKeptAcrossNextCallsStayIntact() throws {
        try withTemporaryFile("a\nfirst\nsecond\nthird\n") { path in
            let reader = try CSVReader(path: path)
            var kept: [CSVRecord] = []
            while let record = try reader.next() { kept.append(record) }
            #expect(kept.map { $0[0] } == ["a", "first", "second", "third"])
            #expect(kept.map(\.rawBytes) == ["a\n", "first\n", "second\n", "third\n"].map { Array($0.utf8) })
        }
    }

    @Test func progressReportsBytesConsumedAndTotal() throws {
        let text = "a,b\n" + String(repeating: "1,2\n", count: 1000)
        try withTemporaryFile(text) { path in
            let reader = try CSVReader(path: path, options: .init(chunkSize: 64))
            #expect(reader.totalBytes == text.utf8.count)
            _ = try reader.readHeader()
            #expect(reader.bytesConsumed == 4)
            var previous = 0
            while let record = try reader.next() {
                #expect(reader.bytesConsumed == record.byteOffset + 4)
                #expect(reader.bytesConsumed > previous)
                previous = reader.bytesConsumed
            }
            #expect(reader.bytesConsumed == text.utf8.count)
            #expect(reader.fractionCompleted == 1)
        }
    }
}

@Suite("Reader: lifecycle")
struct ReaderLifecycleTests {
    @Test func closeEndsReadingEvenBeforeTheFirstRecord() throws {
        try withTemporaryFile("a\n1\n") { path in
            let reader = try CSVReader(path: path)
            reader.close()
            #expect(try reader.next() == nil)
            let error = expectCSVError { _ = try reader.readHeader() }
            #expect(error?.kind == .emptyFile)
        }
    }
}
