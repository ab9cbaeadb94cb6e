import DetainerDomain
@testable import DetainerStore
import Foundation
import Testing
import TestSupport

/// `JSONReader` must read exactly what `JSONDecoder` reads into a `JSONValue` (the path it
/// replaced), and refuse what it refuses.
@Suite struct JSONReaderTests {
    let dir = TemporaryDirectory()

    static func reference(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static let samples = [
        #"{}"#, #"[]"#, #" [ 1 , 2 ] "#, #"{"a":{"b":[true,false,null]}}"#, #"null"#, #"true"#, #""text""#,
        #"0"#, #"-0"#, #"7"#, #"-12"#, #"9223372036854775807"#, #"-9223372036854775808"#, #"9223372036854775808"#,
        #"2.5"#, #"-0.125"#, #"1e3"#, #"2.0"#, #"1E-2"#, #"6.02e23"#, #"12345678901234567890"#,
        #""\"\\\/\b\f\n\r\t""#, #""caf\u00e9 \u00C9""#, #""\ud83d\ude00 smile""#, #""plain ünïcödé — ok""#,
        #"{"name":"<script>alert(1)</script>","n":[1,2.5,"x"]}"#, #"["CPL_1_20","AC_9_131"]"#,
        // Refused by both.
        "", " ", "{", #"{"a" 1}"#, "01", "1.", ".5", "-", "+1", "1e", "tru", "nul", "[1 2]",
        #""unterminated"#, "\"tab\there\"", #""\x""#, #""\ud83d""#, #""\u12""#, "[1] x", "{} {}", "NaN", "Infinity",
    ]

    @Test func readsWhatJSONDecoderReads() {
        for text in Self.samples {
            #expect(JSONReader.read(text) == Self.reference(text), "\(text)")
        }
    }

    /// Foundation's decoder accepts a trailing comma; JSON (RFC 8259) and SQLite's json_valid(),
    /// which every stored JSON column is CHECKed with, do not, and neither does the reader.
    @Test func refusesTrailingCommasTheDecoderForgives() {
        for text in ["[1,]", #"{"a":1,}"#] {
            #expect(JSONReader.read(text) == nil, "\(text)")
        }
    }

    @Test func readsStoredEvaluationsAsTheDecoderDoes() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        let sam = try db.accounts.authorize("sam", for: .intake)
        for n in 1...3 {
            _ = try IntakeService(db).intake(IntakeRequest(person: .init(name: "Person \(n) \"Quoted\" Ñame", nysid: String(format: "%08dK", n)),
                                                           custody: .init(agency: "DOC", bookingNumber: "B-\(n)", arrestDate: "2026-02-20")), by: sam)
        }
        let texts = try db.connection.prepare("SELECT input_json FROM evaluations UNION ALL SELECT result_json FROM evaluations UNION ALL SELECT reasons FROM detainers")
            .map { $0.string(0) ?? "" }
        #expect(texts.count >= 9)
        for text in texts {
            let read = JSONReader.read(text)
            #expect(read != nil && read == Self.reference(text), "\(text.prefix(200))")
        }
    }

    @Test func refusesNestingBeyondItsDepth() {
        let deep = String(repeating: "[", count: JSONReader.maximumDepth + 1) + String(repeating: "]", count: JSONReader.maximumDepth + 1)
        #expect(JSONReader.read(deep) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(JSONReader.read(fine) != nil)
    }
}
