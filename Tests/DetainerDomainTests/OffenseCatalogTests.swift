import Foundation
import Testing
@testable import DetainerDomain

struct OffenseCatalogTests {
    static func csvRecords() throws -> [[String: String]] {
        let url = RepositoryFile.offensesCSV
        return CSV.records(try String(contentsOf: url, encoding: .utf8))
    }

    @Test("Generated catalog equals Sources/DetainerDomain/Law/offenses.csv, column by column (run Scripts/generate-offense-catalog)")
    func catalogMatchesCSV() throws {
        let records = try Self.csvRecords()
        #expect(records.count == 162)
        #expect(OffenseCatalog.all.count == records.count)
        for (record, offense) in zip(records, OffenseCatalog.all) {
            #expect(offense.citation == record["penal_law_section"])
            #expect(offense.title == record["title"])
            #expect(offense.classText == record["class"])
            #expect(offense.category == record["category"])
            #expect(offense.source == record["source"])
            #expect(offense.listOriginText == record["list_origin"])
            #expect(offense.violentFelonyFlag == record["vfo_70_02"])
            #expect(offense.notes == record["notes"])
            #expect(offense.inForceFromText == record["in_force_from"])
            #expect((offense.inForceUntil?.description ?? "") == record["in_force_until"])
            #expect(offense.datesSource == record["dates_source"])
            // The parsed section must be a prefix of the citation text.
            #expect(offense.citation.hasPrefix(offense.section.description), "\(offense.citation)")
        }
    }

    @Test("Every section has the dates it was in force, each with its source; unknown stays unknown (issue 24 §2)")
    func datesInForce() {
        let penalLaw = CivilDate(year: 1967, month: 9, day: 1)!
        for offense in OffenseCatalog.all {
            #expect(!offense.datesSource.isEmpty, "\(offense.citation)")
            // Known: the bound is the date itself. Unknown: never "always in force", a stated bound.
            if let from = offense.inForceFrom {
                #expect(offense.notBefore == from, "\(offense.citation)")
            } else {
                #expect(offense.inForceFromText.hasPrefix("unknown, not before "), "\(offense.citation)")
            }
            #expect(offense.notBefore >= penalLaw, "\(offense.citation)")
            if let until = offense.inForceUntil { #expect(until > offense.notBefore, "\(offense.citation)") }
        }
        func from(_ section: String) -> CivilDate? { OffenseCatalog.offense(for: PenalSection(parsing: Substring(section))!)?.inForceFrom }
        // Law reference §3a: PL 135.61 exists only from November 2018.
        #expect(from("135.61") == CivilDate(year: 2018, month: 11, day: 13))
        #expect(from("230.34-a") == CivilDate(year: 2018, month: 11, day: 13))
        // The 2019 rule's seven all carry a date or an explicit unknown.
        let rule = OffenseCatalog.all.filter { $0.listOrigin == .rule2019 || $0.listOrigin == .rule2019AndStatuteList }
        #expect(rule.count == 7)
        // Repealed in January 2019 (law reference §9).
        #expect(OffenseCatalog.offense(for: PenalSection(parsing: "125.40")!)?.inForceUntil == CivilDate(year: 2019, month: 1, day: 21))
    }

    @Test("Subdivision limits of §9-131(a)(7)(i) are parsed")
    func subdivisionLimits() {
        let limited = OffenseCatalog.all.filter { $0.subdivisionLimit != nil }.map { "\($0.section)\($0.subdivisionLimit!)" }
        #expect(Set(limited) == [
            "120.04-a(4)", "135.65(2)(b)", "230.25(2)", "265.02(2) through (8)", "265.35(2)", "405.16(1)",
        ])
    }

    @Test("List origins: 154 statutory, 6 rule-only, 230.34-a in both, 485.05 hate crimes")
    func origins() {
        let counts = Dictionary(grouping: OffenseCatalog.all, by: \.listOrigin).mapValues(\.count)
        #expect(counts == [.statuteList: 154, .rule2019: 6, .rule2019AndStatuteList: 1, .hateCrimeStatute: 1])
        #expect(OffenseCatalog.offense(for: PenalSection(article: 230, number: 34, letter: "a")!)?.listOrigin == .rule2019AndStatuteList)
    }

    @Test("Listing by date: 156 rows under nyc-2014, 162 under nyc-2019-rule, none before 2014-12-14")
    func listingByDate() {
        #expect(OffenseCatalog.offenses(on: date("2019-12-31")).count == 156)
        #expect(OffenseCatalog.offenses(on: date("2020-01-01")).count == 162)
        #expect(OffenseCatalog.offenses(on: date("2014-12-13")).isEmpty)
        #expect(OffenseCatalog.offenses(on: nil).count == 162)
        let listing = OffenseCatalog.renderedListing(on: date("2019-06-01")).split(separator: "\n")
        #expect(listing.count == 156)
        #expect(listing.first == "PL 120.01 | Reckless assault of a child by a child day care provider | E felony | statute (i)")
        #expect(!listing.contains { $0.hasPrefix("PL 135.37 ") })
    }

    @Test("Odd class texts map to structured classes")
    func classes() {
        func offenseClass(_ article: Int, _ number: Int) -> CatalogClass? {
            OffenseCatalog.offense(for: PenalSection(article: article, number: number)!)?.offenseClass
        }
        #expect(offenseClass(120, 70) == .atLeast(.e))
        #expect(offenseClass(265, 10) == .dependsOnSubdivision)
        #expect(offenseClass(490, 25) == .atLeast(.d))
        #expect(offenseClass(485, 5) == .oneAboveSpecifiedOffense)
        #expect(offenseClass(125, 25) == .fixed(.aI))
        #expect(offenseClass(405, 16) == .fixed(.e))
    }

    @Test("Lookup for `detainer offenses lookup`")
    func lookup() {
        #expect(OffenseCatalog.lookup("PL 120.05", on: date("2021-06-01")).status == .listed)
        #expect(OffenseCatalog.lookup("135.37", on: date("2019-06-01")).status == .ruleAdditionNotInForce)
        #expect(OffenseCatalog.lookup("135.37", on: date("2020-06-01")).status == .listed)
        #expect(OffenseCatalog.lookup("110-125.25", on: date("2021-06-01")).status == .coveredIfFelony)
        #expect(OffenseCatalog.lookup("110-135.37", on: date("2021-06-01")).status == .notListed)
        #expect(OffenseCatalog.lookup("VTL 600(2)(c)", on: date("2021-06-01")).status == .coveredIfFelony)
        #expect(OffenseCatalog.lookup("VTL 1192(2)", on: date("2021-06-01")).status == .notListed)
        #expect(OffenseCatalog.lookup("PL 155.35", on: date("2021-06-01")).status == .notListed)
        #expect(OffenseCatalog.lookup("120.00H", on: date("2021-06-01")).status == .cannotTell)
        #expect(OffenseCatalog.lookup("PL 120.05", on: date("2014-01-01")).status == .cannotTell)
        let text = OffenseCatalog.lookup("PL 265.02(3)", on: date("2021-06-01")).renderedText
        #expect(text.contains("Criminal possession of a weapon in the third degree"))
        #expect(text.contains("nyc-2019-rule"))
    }
}
