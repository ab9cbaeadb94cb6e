import Foundation
import Testing

/// Issue 5 end to end: the built binary on a temporary database.
@Suite struct WorkflowTests {
    @Test func clerkIntakesAddsAConvictionAndTheDetainerIsReevaluated() throws {
        let office = try Office()
        let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. A. Judge (E.D.N.Y.)", "--tsdb-match", "no"], nysid: "12345678K")
        #expect(try office.cli.sqlite("SELECT outcome, status FROM detainers WHERE id = \(id);").stdout.contains("decline|pendingReview"))
        let added = try office.cli.run("conviction", "add", "12345678K", "--statute", "PL 120.05", "--convicted-on", "2022-03-02",
                                       "--felony-class", "D", "--sentenced-on", "2022-03-30", "--user", "clara")
        try expectOK(added)
        #expect(added.stdout.contains("Detainer \(id) re-evaluated: permitted"))
        let evaluations = try office.cli.sqlite("SELECT count(*), max(sequence) FROM evaluations WHERE detainer_id = \(id);").stdout
        #expect(evaluations.contains("2|2"))
    }

    @Test func storedEvaluationMatchesEvaluateInput() throws {
        let office = try Office()
        let id = try office.intake(["--warrant", "administrative"])
        let rows = try office.cli.sqlite("SELECT input_json FROM evaluations WHERE detainer_id = \(id);").stdout
        let inputFile = office.cli.directory.path("input.json")
        try Data(rows.utf8).write(to: URL(fileURLWithPath: inputFile))
        let direct = try office.cli.run("evaluate", "--input", inputFile)
        try expectOK(direct)
        let stored = try office.cli.sqlite("SELECT result_json FROM evaluations WHERE detainer_id = \(id);").stdout
        #expect(direct.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == stored.trimmingCharacters(in: .whitespacesAndNewlines))
        let rerun = try office.cli.run("evaluate", "\(id)", "--user", "clara")
        try expectOK(rerun)
        // The report is printed by JSONEncoder now (issue 12 §3), so read it rather than match its spacing.
        let rerunReport = try JSONSerialization.jsonObject(with: Data(rerun.stdout.utf8)) as? [String: Any]
        #expect(rerunReport?["outcome"] as? String == "decline")
    }

    @Test func supervisorApprovesAndOverrides() throws {
        let office = try Office()
        let declined = try office.intake()
        try expectOK(office.cli.run("review", "\(declined)", "--approve", "--confirm-no-search", "--user", "sam"))
        #expect(try office.status(of: declined) == "declined")

        let permitted = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. B", "--tsdb-match", "yes"], name: "Đặng Văn Minh")
        let override = try office.cli.run("review", "\(permitted)", "--decide", "decline", "--reason", "Warrant signed by an immigration judge", "--confirm-no-search", "--user", "sam")
        try expectOK(override)
        #expect(override.stdout.contains("overriding"))
        #expect(try office.status(of: permitted) == "declined")
        #expect(try office.cli.sqlite("SELECT action, decision FROM reviews WHERE detainer_id = \(permitted);").stdout.contains("override|decline"))

        let another = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. B", "--tsdb-match", "yes"], name: "Aïcha Traoré")
        try expectOK(office.cli.run("review", "\(another)", "--approve", "--confirm-no-search", "--user", "sam"))
        #expect(try office.status(of: another) == "honored")
    }

    @Test func honoringADeclineIsRefusedAndChangesNothing() throws {
        let office = try Office()
        let id = try office.intake()
        let before = try office.snapshot()
        let result = try office.cli.run("review", "\(id)", "--decide", "honor", "--reason", "I insist", "--confirm-no-search", "--user", "sam")
        #expect(result.status == 65)
        #expect(result.stderr.contains("forbidden"))
        #expect(try office.snapshot() == before)
    }

    @Test func decideNeedsAReasonAndNeedsReviewCannotBeApproved() throws {
        let office = try Office()
        let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. C"])  // TSDB unknown → needsReview
        #expect(try office.cli.sqlite("SELECT outcome FROM detainers WHERE id = \(id);").stdout.contains("needsReview"))
        #expect(try office.cli.run("review", "\(id)", "--decide", "decline", "--confirm-no-search", "--user", "sam").status == 64)
        let approve = try office.cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam")
        #expect(approve.status == 65)
        #expect(approve.stderr.contains("decide honor or decline yourself"), "\(approve.stderr)")
        try expectOK(office.cli.run("review", "\(id)", "--decide", "honor", "--reason", "TSDB search confirmed a possible match", "--confirm-no-search", "--user", "sam"))
        // Honoring against the engine waits for a second supervisor (issue 23 §3; FourEyesCLITests).
        #expect(try office.status(of: id) == "pendingReview")
        try expectOK(office.cli.run("user", "add", "tess", "--role", "supervisor", "--user", "admin"))
        try expectOK(office.cli.run("proposal", "approve", "1", "--user", "tess"))
        #expect(try office.status(of: id) == "honored")
    }

    /// Every legal path through the machine, and every illegal move refused with the allowed ones listed.
    @Test func statusesMoveOnlyAlongTheMachine() throws {
        let office = try Office(now: "2026-03-10T15:00:00Z")
        func honored() throws -> Int64 {
            let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. D", "--tsdb-match", "yes"])
            // Reviewed after the hold deadline on purpose (to end holds late below): confirmed (issue 25 §2).
            try expectOK(office.cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--confirm-after-deadline", "--user", "sam"))
            return id
        }
        let transferred = try honored()
        try expectOK(office.cli.run("status", "\(transferred)", "--to", "transferred", "--user", "clara"))
        let released = try honored()
        let late = try office.cli.run("status", "\(released)", "--to", "released", "--user", "clara")
        try expectOK(late)
        #expect(late.stdout.contains("AFTER the hold deadline"))  // release 2026-03-05 + 48 h < now
        #expect(try office.cli.sqlite("SELECT released_after_deadline FROM detainers WHERE id = \(released);").stdout.contains("1"))
        let lifted = try office.intake()
        try expectOK(office.cli.run("status", "\(lifted)", "--to", "lifted", "--user", "clara"))
        let error = try office.intake()
        #expect(try office.cli.run("status", "\(error)", "--to", "enteredInError", "--user", "clara").status == 65)  // needs a note
        try expectOK(office.cli.run("status", "\(error)", "--to", "enteredInError", "--note", "duplicate of \(lifted)", "--user", "clara"))

        for (id, to) in [(transferred, "released"), (transferred, "pendingReview"), (lifted, "honored"), (error, "received"),
                         (released, "transferred")] {
            let refused = try office.cli.run("status", "\(id)", "--to", to, "--user", "clara")
            #expect(refused.status == 65, "\(id) → \(to)")
            #expect(refused.stderr.contains("cannot move to \(to)"))
        }
        let pending = try office.intake()
        let decision = try office.cli.run("status", "\(pending)", "--to", "honored", "--user", "clara")
        #expect(decision.status == 65)
        #expect(decision.stderr.contains("detainer review"))
        #expect(decision.stderr.contains("Allowed: lifted, released, enteredInError"))
        let trail = try office.cli.sqlite("SELECT group_concat(to_status, '>') FROM status_events WHERE detainer_id = \(transferred) ORDER BY id;").stdout
        #expect(trail.contains("received>pendingReview>honored>transferred"))
    }

    @Test(arguments: [
        ("clara", ["review", "1", "--approve"]),
        ("clara", ["user", "add", "x", "--role", "clerk"]),
        ("audrey", ["intake", "--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-01"]),
        ("audrey", ["status", "1", "--to", "lifted"]),
        ("audrey", ["conviction", "add", "1", "--statute", "PL 120.05"]),
        ("admin", ["review", "1", "--approve"]),
        ("admin", ["intake", "--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-01"]),
        ("sam", ["user", "deactivate", "clara"]),
        ("clara", ["report", "monthly", "--from", "2026-01", "--to", "2026-03"]),
        ("clara", ["export"]),
        ("clara", ["import", "/dev/null"]),
        ("ghost", ["status", "1", "--to", "lifted"]),
        ("", ["status", "1", "--to", "lifted"]),
    ])
    func rolesAreDeniedWhatTheyMayNotDo(user: String, command: [String]) throws {
        let office = try Office()
        try office.intake()
        try expectOK(office.cli.run("user", "add", "gone", "--role", "supervisor", "--user", "admin"))
        let before = try office.snapshot()
        let result = try office.cli.run(command + (user.isEmpty ? [] : ["--user", user]))
        #expect(result.status == 77, "\(user) \(command): \(result.stderr)")
        #expect(result.stderr.contains("requires the"), "\(result.stderr)")
        #expect(try office.snapshot() == before)
    }

    @Test func aDeactivatedUserIsDenied() throws {
        let office = try Office()
        try expectOK(office.cli.run("user", "deactivate", "clara", "--user", "admin"))
        let result = try office.cli.run("intake", "--user", "clara", "--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-01")
        #expect(result.status == 77)
        #expect(result.stderr.contains("deactivated"))
    }

    @Test func badIntakeFieldsAreNamedAndNothingIsWritten() throws {
        let office = try Office()
        let before = try office.snapshot()
        let cases: [([String], String)] = [
            (["--name", "", "--agency", "DOC", "--arrest-date", "2026-02-01"], "--name:"),
            (["--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-30"], "--arrest-date:"),
            (["--name", "X", "--agency", "FBI", "--arrest-date", "2026-02-01"], "--agency:"),
            (["--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-01", "--warrant", "maybe"], "--warrant:"),
            (["--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-01", "--form", "I-999"], "--form:"),
            (["--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-01", "--release-at", "2026-01-01T00:00:00Z"], "--release-at:"),
            (["--name", "X\u{7}Y", "--agency", "DOC", "--arrest-date", "2026-02-01"], "control character"),
            (["--name", String(repeating: "N", count: 201), "--agency", "DOC", "--arrest-date", "2026-02-01"], "limit is 200"),
            (["--name", "X", "--agency", "DOC", "--arrest-date", "2027-02-01"], "in the future"),
            (["--name", "X", "--agency", "DOC", "--arrest-date", "2026-02-01", "--nysid", "12"], "--nysid:"),
            (["--name", "X", "--agency", "DOC"], "--arrest-date: is required"),
        ]
        for (args, message) in cases {
            let result = try office.cli.run(["intake", "--user", "clara"] + args)
            #expect(result.status == 65, "\(args)")
            #expect(result.stderr.contains(message), "\(args): \(result.stderr)")
        }
        #expect(try office.snapshot() == before)
    }

    @Test func unicodeNamesAreKeptExactly() throws {
        let office = try Office()
        let names = ["Nuñez, José", "Đặng Thị Hương", "陈伟", "Fatoumata Diallo-Bâ", "O'Brien; DROP TABLE persons;--"]
        for name in names { try office.intake(name: name) }
        let stored = try office.cli.sqlite("SELECT name FROM persons ORDER BY id;").stdout.split(separator: "\n").map(String.init)
        #expect(stored == names)
    }

    @Test func anExistingPersonIsReusedAndAProbableDuplicateIsWarned() throws {
        let office = try Office()
        try office.intake(nysid: "12345678K")
        let reuse = try office.cli.run("intake", "--user", "clara", "--name", "José Nuñez", "--nysid", "12345678K", "--agency", "NYPD",
                                       "--arrest-date", "2026-02-25")
        try expectOK(reuse)
        #expect(reuse.stdout.contains("(existing record)"))
        let twin = try office.cli.run("intake", "--user", "clara", "--name", "José Nuñez", "--dob", "1985-02-03", "--nysid", "87654321A",
                                      "--agency", "DOC", "--arrest-date", "2026-02-25")
        try expectOK(twin)
        #expect(twin.stderr.contains("possible duplicate"))
        #expect(try office.cli.sqlite("SELECT count(*) FROM persons;").stdout.contains("2"))
    }

    @Test func queueIsOrderedByDeadlineAndFlagsOverdue() throws {
        let office = try Office(now: "2026-03-10T15:00:00Z")
        let later = try office.intake(["--release-at", "2026-03-20T15:00:00Z"], name: "Later")
        let overdue = try office.intake(["--release-at", "2026-03-06T15:00:00Z"], name: "Overdue")
        let sooner = try office.intake(["--release-at", "2026-03-11T15:00:00Z"], name: "Sooner")
        let queue = try office.cli.run("queue", "--format", "csv")
        try expectOK(queue)
        let ids = queue.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(ids == ["\(overdue)", "\(sooner)", "\(later)"])
        #expect(queue.stdout.contains("OVERDUE"))
        let onlyOverdue = try office.cli.run("queue", "--overdue", "--format", "json")
        #expect(onlyOverdue.stdout.contains("Overdue") && !onlyOverdue.stdout.contains("Sooner"))
        #expect(try office.cli.run("queue", "--agency", "NYPD").stdout.contains("empty"))
    }

    /// Issue 24 §4: a judicial warrant recorded six days after a DOC detainer joins the warrant
    /// history with its time, the detainer keeps the warrant it came with, and the re-evaluation
    /// declines with a check that says when the warrant came (it was "permitted" before).
    @Test func contactsAreRecordedAndALateJudicialWarrantReevaluates() throws {
        let office = try Office()
        let id = try office.intake(["--tsdb-match", "yes"])  // no warrant yet
        let ask = try office.cli.run("contact", "\(id)", "--direction", "in", "--kind", "informationRequest", "--info-type", "releaseDate",
                                     "--summary", "ICE asked for the release date", "--user", "clara")
        try expectOK(ask)
        #expect(try office.cli.run("contact", "\(id)", "--direction", "out", "--kind", "informationResponse", "--summary", "x", "--user", "clara").status == 65)
        let later = ["DETAINER_NOW": "2026-03-08T15:00:00Z"]
        let warrant = try office.cli.run(["contact", "\(id)", "--direction", "in", "--kind", "warrant", "--warrant", "judicial",
                                          "--warrant-issuer", "Hon. E (S.D.N.Y.)", "--summary", "Judicial warrant presented", "--user", "clara"],
                                         env: later)
        try expectOK(warrant)
        #expect(warrant.stdout.contains("Re-evaluated: decline"), "\(warrant.stdout)")
        let stored = try office.cli.sqlite("SELECT d.warrant_type, c.warrant_type, c.warrant_issuer, c.occurred_at FROM detainers d JOIN ice_communications c ON c.detainer_id = d.id AND c.kind = 'warrant';").stdout
        #expect(stored == "none|judicial|Hon. E (S.D.N.Y.)|2026-03-08T15:00:00Z\n")
        let evaluation = try office.cli.run(["evaluate", "\(id)", "--user", "clara"], env: later)
        try expectOK(evaluation)
        #expect(evaluation.stdout.contains("\"warrantPresentedAt\"") == false)  // the report's contract is unchanged
        #expect(evaluation.stdout.contains("WARRANT_PRESENTED_LATE"))
        #expect(evaluation.stdout.contains("A judicial warrant was presented on 2026-03-08 11:00 EDT (2026-03-08T15:00:00Z), after the detainer received on 2026-03-02"))
        // The stored input carries the time, and replays to the stored result.
        let input = try office.cli.sqlite("SELECT input_json FROM evaluations WHERE detainer_id = \(id) ORDER BY sequence DESC LIMIT 1;").stdout
        #expect(input.contains("\"warrantPresentedAt\" : \"2026-03-08T15:00:00Z\"") || input.contains("\"warrantPresentedAt\": \"2026-03-08T15:00:00Z\""), "\(input)")
    }

    @Test func showAndListAndLogWork() throws {
        let office = try Office()
        let id = try office.intake(name: "Nguyễn Thị Lan")
        let show = try office.cli.run("show", "\(id)")
        try expectOK(show)
        for part in ["Nguyễn Thị Lan", "TIMELINE", "evaluation #1", "[FAIL]"] { #expect(show.stdout.contains(part), "\(part)") }
        let json = try office.cli.run("show", "\(id)", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["evaluations"] as? [Any])?.count == 1)
        #expect(try office.cli.run("list", "--status", "pendingReview", "--format", "csv").stdout.contains("Nguyễn Thị Lan"))
        #expect(try office.cli.run("list", "--from", "2026-03-03").stdout.contains("No detainers"))
        let log = try office.cli.run("log", "--entity", "detainer", "--id", "\(id)", "--format", "json")
        #expect(log.stdout.contains("detainer.intake"))
        #expect(try office.cli.run("show", "999").status == 65)
    }

    @Test func twoProcessesIntakeConcurrentlyAndEverythingIsThere() async throws {
        let office = try Office(now: nil)
        let perProcess = 200
        let script = (0..<perProcess).map { n in
            "\"$BIN\" intake --user clara --name \"Person $W-\(n)\" --agency DOC --arrest-date 2026-02-01 || echo FAILED >&2"
        }.joined(separator: "\n")
        let file = office.cli.directory.path("batch.sh")
        try Data(script.utf8).write(to: URL(fileURLWithPath: file))
        let folder = office.cli.directory.url, database = office.cli.dbPath, binary = CLIRunner.binary.path
        let results = try await withThrowingTaskGroup(of: CLIResult.self) { group in
            for worker in 0..<2 {
                group.addTask {
                    try CLIRunner.execute("/bin/bash", [file], in: folder,
                                          environment: ["BIN": binary, "W": "\(worker)", "DETAINER_DB": database])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in results {
            #expect(result.status == 0)
            #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("TRAINING") }, "\(result.stderr.prefix(300))")
        }
        #expect(try office.cli.sqlite("SELECT count(*) FROM detainers;").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(2 * perProcess)")
        try expectOK(office.cli.run("check"))
    }

    @Test func factsArrivingLaterAreRecordedAndReevaluated() throws {
        let office = try Office(now: "2026-11-25T15:00:00Z")
        let id = try office.intake(["--agency", "NYPD", "--arrest-date", "2026-11-24", "--release-at", "2026-11-25T20:00:00Z"])
        #expect(try office.cli.sqlite("SELECT outcome FROM detainers WHERE id = \(id);").stdout.contains("needsReview"))
        let update = try office.cli.run("update", "\(id)", "--tsdb-match", "yes", "--note", "e-JusticeNY search", "--user", "clara")
        try expectOK(update)
        // Issue 10 §7: the outcome is printed in words, not as the enum name.
        #expect(update.stdout.contains("hold pending a judicial warrant"))
        // 48 hours excluding the weekend and Thanksgiving (2026-11-26), from 15:00 EST on Wednesday.
        #expect(try office.cli.sqlite("SELECT hold_deadline FROM detainers WHERE id = \(id);").stdout.contains("2026-11-30T20:00:00Z"))
        #expect(try office.cli.run("update", "\(id)", "--user", "clara").status == 65)
        #expect(try office.cli.run("update", "\(id)", "--tsdb-match", "no", "--user", "audrey").status == 77)
    }

    @Test func intakeReadsJSONWithTheSameFieldNames() throws {
        let office = try Office()
        let file = office.cli.directory.path("intake.json")
        let json = """
            {"person": {"name": "Đặng Văn Minh", "dateOfBirth": "1990-07-04", "aNumber": "A12345678"},
             "custody": {"agency": "NYPD", "bookingNumber": "K12345678", "arrestDate": "2026-03-01"},
             "detainer": {"form": "I-247A", "probableCause": ["biometricMatch", "finalOrder"],
                          "warrant": {"type": "administrative", "issuer": "ICE SDDO (Form I-200)"},
                          "terroristScreeningMatch": false, "illegalReentryAfterRemoval": true}}
            """
        try Data(json.utf8).write(to: URL(fileURLWithPath: file))
        let result = try office.cli.run("intake", "--json", file, "--user", "clara")
        try expectOK(result)
        let row = try office.cli.sqlite("SELECT p.name, p.a_number, d.pc_biometric_match, d.pc_final_order, d.warrant_type, d.illegal_reentry FROM detainers d JOIN persons p ON p.id = d.person_id;").stdout
        #expect(row == "Đặng Văn Minh|A012345678|1|1|administrative|1\n")
        try Data(#"{"person": {"name": "X"}, "custody": {"agency": "DOC", "arrestDate": "2026-02-01"}, "detainer": {"warrant": {"type": "maybe"}}}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let bad = try office.cli.run("intake", "--json", file, "--user", "clara")
        #expect(bad.status == 65 && bad.stderr.contains("detainer.warrant.type"))
    }

    /// The README's first command exactly: the default demo (two years, today's clock) runs to the
    /// end and leaves a database `check` accepts. Its seeded office includes paperwork sent twice,
    /// which the duplicate rule must refuse without stopping the demo.
    @Test func theDefaultDemoRunsToTheEnd() throws {
        let cli = CLIRunner()
        let demo = try cli.run(["demo"], env: ["DETAINER_NOW": ""])
        try expectOK(demo)
        #expect(demo.stdout.contains("Detainers by month"))
        try expectOK(cli.run("check"))
    }

    @Test func demoThenQueueAndShowWork() throws {
        let cli = CLIRunner()
        let demo = try cli.run(["demo", "--days", "120"], env: ["DETAINER_NOW": "2026-03-02T15:00:00Z"])
        try expectOK(demo)
        #expect(demo.stdout.contains("REVIEW QUEUE"))
        #expect(demo.stdout.contains("Detainers by month"))
        try expectOK(cli.run(["queue"], env: ["DETAINER_NOW": "2026-03-02T15:00:00Z"]))
        try expectOK(cli.run("show", "1"))
        try expectOK(cli.run("check"))
        // A second demo replaces the first without asking; a real database is not replaced.
        try expectOK(cli.run(["demo", "--days", "30"], env: ["DETAINER_NOW": "2026-03-02T15:00:00Z"]))
        let real = cli.directory.path("real.db")
        try expectOK(cli.run("init", "--training", "--db", real))
        let refused = try cli.run("demo", "--db", real)
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("not a demo one"))  // issue 13: only training databases are ever replaced
    }
}
