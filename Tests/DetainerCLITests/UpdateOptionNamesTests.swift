import Foundation
import Testing

/// Issue 26 §4 / issue 25 §3: `detainer update` refuses a bad value by naming the option the
/// person typed (`--release-at`, `--tsdb-match`, `--warrant-issuer`), never the JSON path
/// (`custody.scheduledReleaseAt`) nor another command's flag; and nothing changes.
@Suite struct UpdateOptionNamesTests {
    @Test func everyRefusalNamesUpdatesOwnOption() throws {
        let office = try Office()
        let id = try office.intake()
        let before = try office.snapshot()
        let cases: [([String], String)] = [
            (["--release-at", "next week"], "--release-at:"),
            (["--tsdb-match", "maybe"], "--tsdb-match:"),
            (["--illegal-reentry", "perhaps"], "--illegal-reentry:"),
            (["--dob", "1985-02-30"], "--dob:"),
            (["--agency", "FBI"], "--agency:"),
            (["--booking", "12 34"], "--booking:"),
            (["--warrant", "judicial"], "--warrant-issuer:"),
            (["--received-at", "2031-01-01T10:00"], "--received-at:"),
            (["--probable-cause", "hunch"], "--probable-cause:"),
        ]
        for (arguments, option) in cases {
            let result = try office.cli.run(["update", "\(id)"] + arguments + ["--reason", "r", "--user", "clara"])
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(option), "\(arguments): \(result.stderr)")
            for path in ["person.", "custody.", "detainer.", "release-at:", "tsdb-match:"] where !option.hasSuffix(path) {
                #expect(!result.stderr.contains(" " + path) && !result.stderr.hasPrefix(path), "\(arguments) names \(path): \(result.stderr)")
            }
        }
        #expect(try office.snapshot() == before)
        // Case is read by the domain, as for intake.
        let ok = try office.cli.run("update", "\(id)", "--agency", "nypd", "--tsdb-match", "NO", "--reason", "re-keyed", "--user", "clara")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try office.cli.sqlite("SELECT agency, tsdb_match FROM detainers WHERE id = \(id);").stdout == "NYPD|0\n")
    }

    /// `conviction update` (and `add`): the option typed, not the JSON key nor the flag without its dashes.
    @Test func aConvictionCorrectionNamesItsOwnOptions() throws {
        let office = try Office()
        _ = try office.intake()
        let result = try office.cli.run("conviction", "update", "1", "--incarcerated-days", "lots", "--awaiting-sentence", "maybe", "--user", "clara")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("--incarcerated-days: \"lots\""), "\(result.stderr)")
        #expect(result.stderr.contains("--awaiting-sentence: \"maybe\""), "\(result.stderr)")
        #expect(!result.stderr.contains("incarceratedDaysForThisCrime") && !result.stderr.contains("awaitingSentence"), "\(result.stderr)")
    }
}
