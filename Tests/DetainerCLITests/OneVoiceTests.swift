import Foundation
import Testing

/// Issue 25 §3, on the command line: words not codes where a person reads, errors that name the
/// option the person typed, New York time, enumerations in any case with their choices listed.
struct OneVoiceTests {
    @Test func enumerationsAreAcceptedInAnyCase() throws {
        let office = try Office()
        let id = try office.intake(["--warrant", "Judicial", "--warrant-issuer", "Hon. A. Judge", "--tsdb-match", "No",
                                    "--agency", "doc", "--illegal-reentry", "NO"])
        let stored = try office.cli.sqlite("SELECT warrant_type, tsdb_match, illegal_reentry, agency FROM detainers WHERE id = \(id);").stdout
        #expect(stored.trimmingCharacters(in: .whitespacesAndNewlines) == "judicial|0|0|DOC")
        #expect(try office.cli.run("queue", "--format", "JSON").status == 0)
    }

    @Test func anInvalidValueListsEveryChoiceOnOneLine() throws {
        let office = try Office()
        let id = try office.intake()
        let result = try office.cli.run("contact", "\(id)", "--direction", "in", "--kind", "phone", "--summary", "x", "--user", "clara")
        // Read by the domain's contact request, as from the web and the API (issue 26 §4): a bad value is data (65).
        #expect(result.status == 65)
        #expect(result.stderr.contains("--kind: unknown value \"phone\""), "\(result.stderr)")
        let first = result.stderr.split(separator: "\n").first { $0.contains("phone") }.map(String.init) ?? ""
        for kind in ["detainer", "warrant", "informationRequest", "informationResponse", "withdrawal", "transfer", "other"] {
            #expect(first.contains(kind), "\(first)")
        }
    }

    @Test func errorsNameTheOptionTypedAndAFileKeepsItsPaths() throws {
        let office = try Office()
        let bad = try office.cli.run("intake", "--user", "clara", "--name", "Ana Ruiz", "--dob", "1985-02-30", "--agency", "DOC",
                                     "--arrest-date", "2026-02-20")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("--dob: \"1985-02-30\" is not a real calendar date"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("person.dateOfBirth"))
        let file = office.cli.directory.path("intake.json")
        try #"{"person": {"name": "Ana Ruiz", "dateOfBirth": "1985-02-30"}, "custody": {"agency": "DOC", "arrestDate": "2026-02-20"}, "detainer": {}}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let fromFile = try office.cli.run("intake", "--json", file, "--user", "clara")
        #expect(fromFile.status == 65 && fromFile.stderr.contains("person.dateOfBirth:"), "\(fromFile.stderr)")

        // The store's message names the field; the command line names the option, once.
        let id = try office.intake(nysid: "12345678K")
        try expectOK(office.cli.run("contact", "\(id)", "--direction", "in", "--kind", "informationRequest", "--info-type", "releaseDate",
                                    "--summary", "ICE asks", "--user", "clara"))
        let missing = try office.cli.run("contact", "\(id)", "--direction", "out", "--kind", "informationResponse", "--info-type", "releaseDate",
                                         "--in-reply-to", "latest", "--summary", "x", "--user", "clara")
        #expect(missing.status == 65 && missing.stderr.contains("--outcome: say whether the information was provided or declined"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("provided|declined"))

        let duplicate = try office.cli.run("intake", "--user", "clara", "--name", "José Nuñez", "--dob", "1985-02-03", "--agency", "DOC",
                                           "--arrest-date", "2026-02-20", "--release-at", "2026-03-05T15:00:00Z", "--nysid", "12345678K")
        #expect(duplicate.status == 65 && duplicate.stderr.contains("(--allow-duplicate --reason TEXT)"), "\(duplicate.stderr)")
    }

    @Test func inReplyToLatestNamesTheDetainersNewestRequest() throws {
        let office = try Office()
        let id = try office.intake()
        let other = try office.intake(["--booking", "B2"], name: "Ana Ruiz")
        for (detainer, summary) in [(id, "first"), (id, "second"), (other, "elsewhere")] {
            try expectOK(office.cli.run("contact", "\(detainer)", "--direction", "in", "--kind", "informationRequest", "--info-type", "releaseDate",
                                        "--summary", summary, "--user", "clara"))
        }
        try expectOK(office.cli.run("contact", "\(id)", "--direction", "out", "--kind", "informationResponse", "--info-type", "releaseDate",
                                    "--in-reply-to", "Latest", "--outcome", "declined", "--summary", "no", "--user", "clara"))
        let reply = try office.cli.sqlite("""
            SELECT r.summary FROM ice_communications AS c JOIN ice_communications AS r ON r.id = c.in_reply_to
            WHERE c.kind = 'informationResponse';
            """).stdout
        #expect(reply.trimmingCharacters(in: .whitespacesAndNewlines) == "second")
        let none = try office.intake(["--booking", "B3"], name: "Kofi Mensah")
        let refused = try office.cli.run("contact", "\(none)", "--direction", "out", "--kind", "informationResponse", "--info-type", "releaseDate",
                                         "--in-reply-to", "latest", "--outcome", "declined", "--summary", "no", "--user", "clara")
        #expect(refused.status == 65 && refused.stderr.contains("has no information request"), "\(refused.stderr)")
    }

    @Test func theQueueFitsEightyColumnsInWords() throws {
        let office = try Office()
        let id = try office.intake(name: "Marie-Claire Saint-Fleur Joseph-Baptiste")  // no warrant, TSDB unknown
        let table = try office.cli.run("queue")
        try expectOK(table)
        for line in table.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line.count): \(line)") }
        #expect(table.stdout.contains("\(id)") && table.stdout.contains("review"))
        #expect(!table.stdout.contains("NO_JUDICIAL_WARRANT") && !table.stdout.contains("TSDB_STATUS_UNKNOWN"))
        // A decline counts down to the scheduled release (issue 25 §2), Thursday March 5, before the change.
        #expect(table.stdout.contains("10:00 EST"), "deadlines carry their zone")
        let csv = try office.cli.run("queue", "--format", "csv")
        #expect(csv.stdout.contains("NO_JUDICIAL_WARRANT"), "CSV keeps the codes: \(csv.stdout)")
    }

    /// The monthly report's "Declined, by reason" table names its columns in words; CSV keeps the codes.
    @Test func theMonthlyReportNamesDeclineReasonsInWords() throws {
        let office = try Office()
        let id = try office.intake()   // no warrant: declined
        try expectOK(office.cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam"))
        let table = try office.cli.run("report", "monthly", "--from", "2026-03", "--to", "2026-03", "--user", "audrey")
        try expectOK(table)
        #expect(table.stdout.contains("Declined, by reason") && table.stdout.contains("no judicial warrant"), "\(table.stdout)")
        #expect(!table.stdout.contains("NO_JUDICIAL_WARRANT"), "\(table.stdout)")
        let csv = try office.cli.run("report", "monthly", "--from", "2026-03", "--to", "2026-03", "--format", "csv", "--user", "audrey")
        #expect(csv.stdout.contains("declined_NO_JUDICIAL_WARRANT"), "CSV keeps the codes")
    }

    @Test func showSpeaksWordsAndBriefSaysWhatIsNext() throws {
        let office = try Office()
        let id = try office.intake(nysid: "12345678K")
        try expectOK(office.cli.run("conviction", "add", "12345678K", "--statute", "PL 120.05", "--convicted-on", "2022-03-02",
                                    "--sentenced-on", "2022-04-13", "--felony-class", "D", "--user", "clara"))
        let brief = try office.cli.run("show", "\(id)", "--brief")
        try expectOK(brief)
        #expect(brief.stdout.contains("Next: Review:"), "\(brief.stdout)")
        #expect(brief.stdout.contains("no judicial warrant was presented"))
        #expect(brief.stdout.split(separator: "\n").count < 12)
        try expectOK(office.cli.run("review", "\(id)", "--approve", "--user", "sam"))
        let show = try office.cli.run("show", "\(id)")
        #expect(show.stdout.contains("because no judicial warrant was presented"), "\(show.stdout)")
        #expect(!show.stdout.contains("basis NO_JUDICIAL_WARRANT"))
        #expect(show.stdout.contains("conviction 1 (PL 120.05)") && !show.stdout.contains("convictions[0]"), "\(show.stdout)")
        let json = try office.cli.run("show", "\(id)", "--format", "json")
        #expect(json.stdout.contains("NO_JUDICIAL_WARRANT"), "JSON keeps the code")
    }

    @Test func aRecordSearchPendingComesBeforeTheReview() throws {
        let office = try Office()
        let id = try office.intake()
        let brief = try office.cli.run("show", "\(id)", "--brief")
        #expect(brief.stdout.contains("Next: Record the criminal-history search"), "\(brief.stdout)")
    }

    @Test func exportWritesTrueAndFalseAndImportReadsThemBack() throws {
        let office = try Office()
        try office.intake(["--tsdb-match", "yes"])
        let export = try office.cli.run("export", "--user", "audrey")
        let rows = export.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let tsdb = try #require(rows.first?.firstIndex(of: "tsdb_match"))
        #expect(rows[1][tsdb] == "true")
        let late = try #require(rows.first?.firstIndex(of: "ended_after_deadline"))
        #expect(rows[1][late] == "false", "ended_after_deadline")
        let file = office.cli.directory.path("export.csv")
        try export.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let fresh = CLIRunner()
        try expectOK(fresh.run("init", "--training", "--admin", "admin"))
        try expectOK(fresh.run("import", file, "--user", "admin"))
        #expect(try fresh.sqlite("SELECT tsdb_match FROM detainers;").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test func aPinnedClockIsSaidInNewYorkTime() throws {
        let office = try Office()
        let result = try office.cli.run("queue")
        #expect(result.stderr.contains("the clock is pinned at 2026-03-02 10:00 EST (DETAINER_NOW)"), "\(result.stderr)")
    }
}
