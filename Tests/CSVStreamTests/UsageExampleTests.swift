import CSVStream
import Testing

/// The usage example from the package documentation, kept compiling and
/// correct by running it.
@Suite("Usage example")
struct UsageExampleTests {
    func importDetainers(path: String, rejectsPath: String) throws(CSVError) -> [String] {
        var log: [String] = []
        let reader = try CSVReader(path: path)  // or CSVReader.standardInput()
        let header = try reader.readHeader()
        let dateColumn = header.index(of: "Detainer Prepare Date") ?? 0
        let rejects = try CSVWriter(path: rejectsPath)
        try rejects.writeRaw(header.rawBytes ?? [])
        while true {
            do throws(CSVError) {
                guard let record = try reader.next() else { break }
                if record.isBlank { continue }
                if let problem = header.fieldCountError(for: record) {
                    log.append(problem.description)
                    try rejects.writeRaw(record)  // verbatim, original line ending kept
                    continue
                }
                let year = record.withFieldBytes(dateColumn) { bytes in  // zero-copy
                    bytes.prefix(4).reduce(0) { $0 * 10 + Int($1) - 48 }
                }
                log.append("line \(record.line): \(year) \(record[1])")
            } catch where error.isRecoverable {  // stray quote, NUL byte, not UTF-8
                log.append(error.description)
                try rejects.writeRaw(error.rawRecord ?? [])
            }
        }
        try rejects.close()
        return log
    }

    @Test func exampleRunsAsDocumented() throws {
        let input = "ID,DETAINER PREPARE DATE,Facility\n"
            + "1,2019-01-02,\"Rikers, NY\"\n"
            + "2,2020-03-04\n"
            + "\n"
            + "3,2021-05-06,Bad \"quote\n"
            + "4,\"2022-07-08\",\"multi\nline\"\n"
        try withTemporaryFile(input) { path in
            try withTemporaryPath { rejectsPath in
                let log = try importDetainers(path: path, rejectsPath: rejectsPath)
                #expect(log == [
                    "line 2: 2019 2019-01-02",
                    "line 3: expected 3 fields (as in the header) but found 2",
                    "line 5, column 3 (Facility): a quote (\") appears inside a field that is not quoted; "
                        + "quote the whole field and double the inner quote (\"\")",
                    "line 6: 2022 2022-07-08",
                ])
                #expect(String(decoding: readFile(rejectsPath), as: UTF8.self)
                    == "ID,DETAINER PREPARE DATE,Facility\n2,2020-03-04\n3,2021-05-06,Bad \"quote\n")
            }
        }
    }
}
