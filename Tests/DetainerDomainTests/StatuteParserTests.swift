import Foundation
import Testing
@testable import DetainerDomain

struct StatuteParserTests {
    /// (text, normalized description, kind) for every form the brief lists.
    static let examples: [(String, String, StatuteKind)] = [
        ("PL 120.05", "PL 120.05", .penalLaw),
        ("120.05", "PL 120.05", .penalLaw),
        ("  pl   120.05 ", "PL 120.05", .penalLaw),
        ("P.L. § 120.05", "PL 120.05", .penalLaw),
        ("Penal Law 120.05", "PL 120.05", .penalLaw),
        ("PL 120.05(3)", "PL 120.05(3)", .penalLaw),
        ("PL 135.65(2)(b)", "PL 135.65(2)(b)", .penalLaw),
        ("PL 265.02 sub 3", "PL 265.02(3)", .penalLaw),
        ("PL 265.02 subd. 3", "PL 265.02(3)", .penalLaw),
        ("PL 130.65-a", "PL 130.65-a", .penalLaw),
        ("PL 120.04-A(4)", "PL 120.04-a(4)", .penalLaw),
        ("110-125.25", "PL 110/125.25", .inchoate),
        ("PL 110/125.25", "PL 110/125.25", .inchoate),
        ("PL 110.00/125.25", "PL 110.00/125.25", .inchoate),
        ("PL 110 / 265.02(3)", "PL 110/265.02(3)", .inchoate),
        ("PL 105.15/125.25", "PL 105.15/125.25", .inchoate),
        ("PL 105.15", "PL 105.15", .inchoate),
        ("PL 100.10/120.10", "PL 100.10/120.10", .inchoate),
        ("PL 115.05-125.25", "PL 115.05/125.25", .inchoate),
        ("VTL 600(2)(c)", "VTL 600(2)(c)", .vehicleAndTraffic),
        ("VTL 1192.2", "VTL 1192(2)", .vehicleAndTraffic),
        ("VTL 511", "VTL 511", .vehicleAndTraffic),
        ("VTL 1111(d)", "VTL 1111(d)", .vehicleAndTraffic),
        ("V&T 511(3)", "VTL 511(3)", .vehicleAndTraffic),
        ("AC 10-131(g)(1)", "AC 10-131(g)(1)", .administrativeCode),
        ("Admin. Code 10-131", "AC 10-131", .administrativeCode),
        ("GBL 349", "GBL 349", .otherLaw),
        ("FOA 900.00", "FOA 900.00", .nonStatuteCode),
        ("AC 000.00", "AC 000.00", .nonStatuteCode),
        ("CO", "CO", .nonStatuteCode),
        ("C-COM", "C-COM", .nonStatuteCode),
        ("511(1)(A)", "511(1)(A)", .lawNotStated),
        ("1192(2)-A", "1192(2)-A", .lawNotStated),
        ("168-T", "168-T", .lawNotStated),
        ("", "", .blank),
        ("   ", "   ", .blank),
        ("120.00H", "120.00H", .unrecognized),
        ("265.01B", "265.01B", .unrecognized),
        ("VTL 1192.2A", "VTL 1192.2A", .unrecognized),
        ("PL 120.05(", "PL 120.05(", .unrecognized),
        ("PL 1200.05", "PL 1200.05", .unrecognized),
        ("PL 110-", "PL 110-", .unrecognized),
        ("assault", "assault", .unrecognized),
        ("0", "0", .unrecognized),
        ("PL 120.05 sub", "PL 120.05 sub", .unrecognized),
    ]

    @Test("Statute text forms parse to the expected kind and spelling", arguments: examples.indices)
    func parsesExample(_ index: Int) {
        let (text, normalized, kind) = Self.examples[index]
        let statute = StatuteParser.parse(text)
        #expect(statute.kind == kind, "\(text)")
        #expect(statute.description == normalized, "\(text)")
        #expect(statute.raw == text)
    }

    @Test("Attempt codes carry the object section and its subdivisions")
    func attemptStructure() throws {
        guard case .inchoate(let reference) = StatuteParser.parse("110-265.02(3)").citation else {
            Issue.record("not inchoate")
            return
        }
        #expect(reference.kind == .attempt)
        #expect(reference.section == nil)
        let object = try #require(reference.object)
        #expect(object.section == PenalSection(article: 265, number: 2))
        #expect(object.subdivisions == ["3"])
    }

    @Test("Conspiracy with its own section keeps it")
    func conspiracyStructure() {
        guard case .inchoate(let reference) = StatuteParser.parse("PL 105.15/125.25").citation else {
            Issue.record("not inchoate")
            return
        }
        #expect(reference.kind == .conspiracy)
        #expect(reference.section == PenalSection(article: 105, number: 15))
        #expect(reference.object?.section == PenalSection(article: 125, number: 25))
    }

    /// Every distinct TOP_CHARGE in both NYC DOC snapshots (298 values: 269 in 2017, 187 in 2021).
    @Test("Every DOC TOP_CHARGE value parses, counted by kind")
    func docTopCharges() throws {
        var values = Set<String>()
        var perFile: [Int] = []
        for name in ["daily_inmates_in_custody_2017-06.csv", "daily_inmates_in_custody_2021-02.csv"] {
            let url = RepositoryFile.fixture("nyc-doc-daily-inmates/" + name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let records = CSV.records(text)
            #expect(records.first?["INMATEID"] != nil, "INMATEID header (mangled in 2021) must be readable")
            let fileValues = Set(try records.map { try #require($0["TOP_CHARGE"]) })
            perFile.append(fileValues.count)
            values.formUnion(fileValues)
        }
        #expect(perFile == [269, 187])
        #expect(values.count == 298)
        var counts: [StatuteKind: Int] = [:]
        for value in values {
            let statute = StatuteParser.parse(value)
            counts[statute.kind, default: 0] += 1
            #expect(statute.raw == value)
        }
        #expect(counts == [
            .penalLaw: 192,          // NNN.NN sections other than arts. 100/105/110/115
            .inchoate: 55,           // 49 `110-NNN.NN` attempts + 105.05-105.17 and 115.00 alone
            .vehicleAndTraffic: 8,   // VTL 1192.1-.4, 397, 509, 511, 511(3)
            .lawNotStated: 16,       // 511(1)(A), 1192(2)-A, 168-T, 600(2)(A), 10-131(G)(1) …
            .nonStatuteCode: 12,     // CO, C-COM, VOP, CIVIL, FOA 900.00, AC 000.00 … VTL 888.88
            .unrecognized: 14,       // 0, CCW, 120.00H, 265.01B, 140.20SM, 1192.30, VTL 600E, VTL 1192M …
            .blank: 1,
        ])
        #expect(StatuteParser.parse("110-160.15H").kind == .unrecognized)
        #expect(StatuteParser.parse("600(2)(A)").kind == .lawNotStated)
    }
}
