import CSVStream
import Testing

@Suite("Header names and lookup")
struct HeaderTests {
    @Test(arguments: [
        "INMATEID", "  INMATEID\t", "\u{FEFF}INMATEID", "ï..INMATEID", "ï»¿INMATEID", "X.U.FEFF.INMATEID",
        "\"\u{FEFF}INMATEID\"", "\u{FEFF}\"INMATEID\"", "\"\u{FEFF}INMATEID", " \u{FEFF} INMATEID ",
    ])
    func mangledNamesAreRepaired(name: String) {
        #expect(CSVHeader.normalize(name) == "INMATEID")
    }

    @Test func ordinaryNamesAreLeftAlone() {
        #expect(CSVHeader.normalize("Detainer Prepare Date") == "Detainer Prepare Date")
        #expect(CSVHeader.normalize("a.b") == "a.b")
        #expect(CSVHeader.normalize("") == "")
        #expect(CSVHeader.normalize("\"") == "\"")
    }

    @Test func lookupIgnoresCaseAndPadding() {
        let header = CSVHeader(names: ["ID", "Detainer Prepare Date", " City ", "id"])
        #expect(header.index(of: "Detainer Prepare Date") == 1)
        #expect(header.index(of: "detainer prepare date") == 1)
        #expect(header.index(of: " DETAINER PREPARE DATE ") == 1)
        #expect(header.index(of: "city") == 2)
        #expect(header.index(of: "id") == 0)  // first of duplicates
        #expect(header.index(of: "Detainer") == nil)
        #expect(header.name(at: 2) == "City")
        #expect(header.name(at: 9) == nil)
    }

    @Test func rMangledByteOrderMarkInARealHeaderLine() throws {
        let (header, _) = try parseAll(text: "ï..INMATEID,ADMITTED_DT\n1,2\n")
        #expect(header?.names == ["INMATEID", "ADMITTED_DT"])
        #expect(header?.originalNames == ["ï..INMATEID", "ADMITTED_DT"])
        #expect(header?.index(of: "inmateid") == 0)
    }

    @Test func byteOrderMarkBeforeAQuotedHeader() throws {
        let (header, records) = try parseAll(text: "\u{FEFF}\"ID\",\"Name\"\n1,Ann\n")
        #expect(header?.names == ["ID", "Name"])
        #expect(records.first?.fields == ["1", "Ann"])
    }

    @Test func doubleDecodedByteOrderMarkAtFileStartIsSkipped() throws {
        let (header, _) = try parseAll(text: "ï»¿\"ID\",Name\n1,Ann\n")
        #expect(header?.names == ["ID", "Name"])
    }

    @Test func leadingBlankLinesBeforeTheHeaderAreSkipped() throws {
        let (header, records) = try parseAll(text: "\n\r\nid,name\n1,Ann\n")
        #expect(header?.names == ["id", "name"])
        #expect(header?.line == 3)
        #expect(records.first?.line == 4)
    }

    @Test func errorsNameTheColumnOnceAHeaderIsKnown() throws {
        try withTemporaryFile("date,Detainer Type\n2020-01-01,I\"247\n") { path in
            let reader = try CSVReader(path: path)
            _ = try reader.readHeader()
            let error = expectCSVError { _ = try reader.next() }
            #expect(error?.columnName == "Detainer Type")
            #expect(error?.description.hasPrefix("line 2, column 2 (Detainer Type): ") == true)
        }
    }
}
