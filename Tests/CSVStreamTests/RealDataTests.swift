import CSVStream
import Testing

/// The project's real sample files: exact row counts, and every row has the
/// header's width (they are clean files, so anything else is a parser bug).
@Suite("Real sample files")
struct RealDataTests {
    struct Sample: CustomTestStringConvertible, Sendable {
        let path: String
        let delimiter: Unicode.Scalar
        let rows: Int
        let columns: Int
        let firstColumn: String
        var testDescription: String { path }
    }

    static let samples = [
        Sample(path: "ice-detainers-npr-foia/pa_detainers_2007-2015.csv", delimiter: ",", rows: 32_757, columns: 6, firstColumn: "date"),
        Sample(path: "nyc-doc-daily-inmates/daily_inmates_in_custody_2017-06.csv", delimiter: ",", rows: 9_239, columns: 13, firstColumn: "INMATEID"),
        Sample(path: "nyc-doc-daily-inmates/daily_inmates_in_custody_2021-02.csv", delimiter: ",", rows: 5_310, columns: 15, firstColumn: "INMATEID"),
        Sample(path: "pierce-county-ice-holds/allholds.psv", delimiter: "|", rows: 691, columns: 48, firstColumn: "booking_id"),
    ]

    @Test(arguments: samples)
    func rowCountsAndWidths(sample: Sample) throws {
        let dataDirectory = fixturesDirectory()
        let path = dataDirectory + "/" + sample.path
        let reader = try CSVReader(path: path, options: .init(delimiter: sample.delimiter))
        let header = try reader.readHeader()
        #expect(header.count == sample.columns)
        #expect(header.names[0] == sample.firstColumn)
        #expect(header.index(of: sample.firstColumn.lowercased()) == 0)

        var rows = 0
        var lastLine = 0
        var raw: [UInt8] = header.rawBytes ?? []
        while let record = try reader.next() {
            rows += 1
            #expect(header.fieldCountError(for: record) == nil, "line \(record.line)")
            #expect(record.line > lastLine)
            lastLine = record.line
            record.withRawBytes { raw += $0 }
        }
        #expect(rows == sample.rows)
        #expect(reader.bytesConsumed == reader.totalBytes)
        #expect(raw == readFile(path))  // no byte-order mark in these files
    }

    @Test func paDetainersFieldsParse() throws {
        let dataDirectory = fixturesDirectory()
        let reader = try CSVReader(path: dataDirectory + "/ice-detainers-npr-foia/pa_detainers_2007-2015.csv")
        let header = try reader.readHeader()
        let facility = try #require(header.index(of: "DET_FACILITY"))
        let first = try #require(try reader.next())
        #expect(first.fields == ["2007-10-02 00:00:00", "Case Closed", "MONTGOMERY CNTY JAIL, PA", "NORRISTOWN", "PENNSYLVANIA", ""])
        #expect(first[facility] == "MONTGOMERY CNTY JAIL, PA")
        #expect(first.line == 2)
    }
}
