import Foundation
import Testing

/// Issue 23 §4: CSV and JSON reports and exports from a training database say so in the data
/// itself (a last column or a field `training`), so a file cut from its heading cannot pass for
/// an agency's numbers; a production database's say 0 / false.
@Suite struct TrainingMarkerTests {
    func lastColumn(_ csv: String) -> (header: String?, values: Set<String>) {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines.first?.last, Set(lines.dropFirst().compactMap(\.last)))
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func trainingReportsAndExportsCarryTheMarker() throws {
        let office = try Office()
        try office.intake()
        let monthly = try office.cli.run("report", "monthly", "--from", "2026-03", "--to", "2026-03", "--format", "csv", "--user", "audrey")
        try expectOK(monthly)
        #expect(lastColumn(monthly.stdout).header == "training" && lastColumn(monthly.stdout).values == ["1"], "\(monthly.stdout)")
        let monthlyJSON = try office.cli.run("report", "monthly", "--from", "2026-03", "--to", "2026-03", "--format", "json", "--user", "audrey")
        #expect(try object(monthlyJSON.stdout)["training"] as? Bool == true)
        let annual = try office.cli.run("report", "annual", "--agency", "DOC", "--year", "2026", "--format", "csv", "--user", "audrey")
        #expect(lastColumn(annual.stdout).header == "training" && lastColumn(annual.stdout).values == ["1"])
        let quarterly = try office.cli.run("report", "quarterly", "--year", "2026", "--quarter", "1", "--format", "csv", "--user", "audrey")
        #expect(lastColumn(quarterly.stdout).header == "training")
        let export = try office.cli.run("export", "--user", "audrey")
        #expect(lastColumn(export.stdout).header == "training" && lastColumn(export.stdout).values == ["1"])
        let json = try office.cli.run("export", "--format", "json", "--user", "audrey")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1 && rows.allSatisfy { ($0["training"] as? NSNumber)?.intValue == 1 })
        // Computed at export and ignored by import: `ImportExportTests` round-trips the file byte for byte.
    }

    @Test func productionReportsSayNotTraining() throws {
        let prod = try Production()
        let monthly = try prod.cli.run("report", "monthly", "--from", "2026-01", "--to", "2026-01", "--format", "csv", "--user", "maria")
        try expectOK(monthly)
        #expect(lastColumn(monthly.stdout).header == "training" && lastColumn(monthly.stdout).values == ["0"])
        let json = try prod.cli.run("report", "monthly", "--from", "2026-01", "--to", "2026-01", "--format", "json", "--user", "maria")
        #expect(try object(json.stdout)["training"] as? Bool == false)
    }
}
