import CSVStream
import Testing

/// Writes records with a fresh writer and returns the file's bytes as text.
func written(_ records: [[String]], options: CSVWriter.Options = .init()) throws -> String {
    try withTemporaryPath { path in
        let writer = try CSVWriter(path: path, options: options)
        for record in records { try writer.write(record) }
        try writer.close()
        return String(decoding: readFile(path), as: UTF8.self)
    }
}

@Suite("Writer")
struct WriterTests {
    @Test func quotesOnlyWhenNeeded() throws {
        let output = try written([
            ["plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rx", " lead", "trail ", "", "Nuñez", "Đặng 😀"],
        ])
        #expect(output
            == "plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rx\",\" lead\",\"trail \",,Nuñez,Đặng 😀\n")
    }

    @Test func loneEmptyFieldIsQuotedSoItIsNotABlankLine() throws {
        #expect(try written([[""], ["", ""], []]) == "\"\"\n,\n\n")
    }

    @Test func crlfLineEndings() throws {
        #expect(try written([["a", "b"], ["1", "2"]], options: .init(lineEnding: .crlf)) == "a,b\r\n1,2\r\n")
    }

    @Test func pipeDelimiterQuotesPipesNotCommas() throws {
        #expect(try written([["a,b", "c|d", "e"]], options: .init(delimiter: "|")) == "a,b|\"c|d\"|e\n")
    }

    @Test func quoteAll() throws {
        #expect(try written([["a", "", "b\"c"]], options: .init(quoteAll: true)) == "\"a\",\"\",\"b\"\"c\"\n")
    }

    @Test func formulasAreNeutralizedOnlyWhenAsked() throws {
        let cells = ["=SUM(A1:A2)", "+1", "-2", "@cmd", "\tx", "\rx", "safe", "a=b", ""]
        #expect(try written([cells], options: .init(neutralizeFormulas: true))
            == "'=SUM(A1:A2),'+1,'-2,'@cmd,'\tx,\"'\rx\",safe,a=b,\n")
        #expect(try written([cells]) == "=SUM(A1:A2),+1,-2,@cmd,\"\tx\",\"\rx\",safe,a=b,\n")
    }

    @Test func neutralizedCellsStillQuoteWhenTheyMust() throws {
        #expect(try written([["=HYPERLINK(\"x\",\"y\")"]], options: .init(neutralizeFormulas: true))
            == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\n")
    }

    @Test func textThatLooksLikeAByteOrderMarkIsQuotedAtTheStart() throws {
        #expect(try written([["\u{FEFF}x", "\u{FEFF}y"], ["\u{FEFF}z"]]) == "\"\u{FEFF}x\",\u{FEFF}y\n\u{FEFF}z\n")
    }

    @Test func outputIsDeterministic() throws {
        let records = [["b", "a,\"x\"", "Nuñez"], ["1", "", "\n"]]
        #expect(try written(records) == written(records))
    }

    @Test func rejectedRowsAreCopiedVerbatim() throws {
        let input = "a,b\r\n1,ok\r\n2,bad\"quote\r\n\"3\",\"x\ny\"\r\n4,no newline"
        try withTemporaryFile(input) { inputPath in
            try withTemporaryPath { rejectsPath in
                let reader = try CSVReader(path: inputPath)
                let rejects = try CSVWriter(path: rejectsPath)
                let header = try reader.readHeader()
                try rejects.writeRaw(try #require(header.rawBytes))
                while true {
                    do {
                        guard let record = try reader.next() else { break }
                        if record[0] != "1" { try rejects.writeRaw(record) }
                    } catch let error as CSVError where error.isRecoverable {
                        try rejects.writeRaw(try #require(error.rawRecord))
                    }
                }
                try rejects.close()
                #expect(String(decoding: readFile(rejectsPath), as: UTF8.self)
                    == "a,b\r\n2,bad\"quote\r\n\"3\",\"x\ny\"\r\n4,no newline\n")
            }
        }
    }

    @Test func writesRecordsAndHeadersAsSequences() throws {
        try withTemporaryFile("x,y\n\"a,1\",b\n") { input in
            let (header, _) = try parseAll(input)
            let reader = try CSVReader(path: input)
            _ = try reader.readHeader()
            let record = try #require(try reader.next())
            let output = try withTemporaryPath { path in
                let writer = try CSVWriter(path: path, options: .init(delimiter: "|"))
                try writer.write(try #require(header))
                try writer.write(record)
                try writer.close()
                return String(decoding: readFile(path), as: UTF8.self)
            }
            #expect(output == "x|y\na,1|b\n")
        }
    }
}

/// Issue 12 §4: one formula rule, applied by the writer and undone by readers of our own files.
@Suite struct FormulaGuardTests {
    @Test func neutralisedCellsReadBackAsWritten() {
        for text in ["=SUM(A1:A2)", "+1", "-2", "@x", "\tTAB", "\rCR", "plain", ""] {
            #expect(CSVFormulaGuard.restored(CSVFormulaGuard.neutralized(text)) == text, "\(text)")
        }
        #expect(CSVFormulaGuard.neutralized("=1") == "'=1")
        #expect(CSVFormulaGuard.neutralized("a=1") == "a=1")
        #expect(CSVFormulaGuard.restored("'plain") == "'plain")
    }
}
