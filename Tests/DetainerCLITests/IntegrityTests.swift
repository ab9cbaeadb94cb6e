import Foundation
import Testing
import TestSupport

/// Issue 13: integrity against a dishonest insider, on production databases.
@Suite struct IdentityTests {
    @Test func theActorIsTheUserMappedToTheOSAccount() throws {
        let prod = try Production()
        // maria is the only user mapped to this OS account: no --user needed.
        try expectOK(prod.cli.run("user", "add", "clara", "--role", "clerk", "--os-login", "someclerk"))
        try expectOK(prod.cli.run("user", "add", "sup.chen", "--role", "supervisor", "--os-login", "somesup"))
        let before = try prod.auditRows()
        // A declared name of a user mapped to another account is refused, by flag or environment.
        for result in [try prod.cli.run("user", "add", "x1", "--role", "admin", "--user", "sup.chen"),
                       try prod.cli.run(["user", "add", "x2", "--role", "admin"], env: ["DETAINER_USER": "clara"]),
                       try prod.cli.run("user", "add", "x3", "--role", "admin", "--user", "ghost")] {
            #expect(result.status == 77, "\(result.stderr)")
            #expect(result.stderr.contains("not mapped to your OS account"))
        }
        #expect(try prod.auditRows() == before)
        let list = try prod.cli.run("user", "list", "--format", "csv")
        #expect(list.stdout.contains("clara,clerk,someclerk"))
        #expect(!list.stderr.contains("TRAINING"))
    }

    @Test func aPinnedClockIsRefusedOnProduction() throws {
        let prod = try Production()
        let before = try prod.auditRows()
        let result = try prod.cli.run(["user", "add", "late", "--role", "clerk"], env: ["DETAINER_NOW": "2020-01-01T00:00:00Z"])
        #expect(result.status == 77)
        #expect(result.stderr.contains("DETAINER_NOW") && result.stderr.contains("production"))
        #expect(try prod.auditRows() == before)
    }

    @Test func writesNeedTheRecordedSigningKey() throws {
        let prod = try Production()
        let before = try prod.auditRows()
        let unsigned = try prod.cli.run(["user", "add", "x", "--role", "clerk"], env: ["DETAINER_SIGNING_KEY": ""])
        #expect(unsigned.status == 77)
        #expect(unsigned.stderr.contains("--signing-key"))
        let other = prod.cli.directory.path("other")
        try expectOK(prod.cli.run("keygen", "--out", other))
        let wrong = try prod.cli.run("user", "add", "x", "--role", "clerk", "--signing-key", other + "/signing.key")
        #expect(wrong.status == 77)
        #expect(wrong.stderr.contains("not the one recorded"))
        #expect(try prod.auditRows() == before)
        // A production database cannot be made without a key.
        let bare = try CLIRunner().run("init", "--admin", "x")
        #expect(bare.status == 77)
    }

    @Test func aTrainingDatabaseStaysTraining() throws {
        let cli = CLIRunner()
        let first = try cli.run(["init", "--training", "--admin", "admin"], env: ["DETAINER_NOW": "2026-03-02T15:00:00Z"])
        try expectOK(first)
        #expect(first.stderr.contains("TRAINING"))
        let keys = cli.directory.path("keys")
        try expectOK(cli.run("keygen", "--out", keys))
        let promote = try cli.run("init", "--signing-key", keys + "/signing.key")
        #expect(promote.status == 0 || promote.status == 77)
        #expect(try cli.sqlite("SELECT value FROM settings WHERE key = 'mode';").stdout.contains("training"))
        let edit = try cli.sqlite("UPDATE settings SET value = 'production' WHERE key = 'mode';")
        #expect(edit.status != 0 && edit.stderr.contains("never changed"))
        let check = try cli.run("check")
        #expect(check.stdout.contains("TRAINING"))
        // …and a production database cannot become a training one.
        let prod = try Production()
        let demote = try prod.cli.run("init", "--training")
        #expect(demote.status == 77)
        #expect(demote.stderr.contains("never become a training"))
    }

    @Test func lookAlikeNamesAreOneName() throws {
        let prod = try Production()
        try expectOK(prod.cli.run("user", "add", "sup.chen", "--role", "supervisor", "--os-login", "chen"))
        for name in ["Sup.Chen", "sup.\u{0441}hen", "ｓｕｐ.ｃｈｅｎ", "sup.\u{200B}chen", "sup.chen\u{202E}"] {
            let result = try prod.cli.run("user", "add", name, "--role", "admin")
            #expect(result.status == 65, "\(name): \(result.stderr)")
        }
    }
}

@Suite struct SignedHistoryTests {
    @Test func checkVerifiesSignaturesAgainstAnExternalKey() throws {
        let a = try Production()
        let b = try Production()
        // The same history under two keys: the external key accepts the first, rejects the second.
        for prod in [a, b] { try expectOK(prod.cli.run("user", "add", "clara", "--role", "clerk", "--os-login", "clara")) }
        let good = try a.cli.run("check", "--public-key", a.publicKey)
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.contains("signed and verified"))
        let bad = try b.cli.run("check", "--public-key", a.publicKey)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("not the external key"))
    }

    @Test func aRebuiltChainFailsTheSignatures() throws {
        let prod = try Production()
        try expectOK(prod.cli.run("user", "add", "clara", "--role", "clerk", "--os-login", "clara"))
        // Forge a signature field: the chain still links, the signature does not verify.
        let forged = String(repeating: "ab", count: 64)
        let script = """
            BEGIN; DROP TRIGGER audit_log_append_only_update;
            UPDATE audit_log SET signature = '\(forged)' WHERE id = (SELECT max(id) FROM audit_log);
            CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END; COMMIT;
            """
        try expectOK(prod.cli.sqlite(script))
        let check = try prod.cli.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("does not verify"))
    }

    @Test func aBackupCheckpointFindsATruncatedHistory() throws {
        let prod = try Production()
        try expectOK(prod.cli.run("user", "add", "clara", "--role", "clerk", "--os-login", "clara"))
        let dest = prod.cli.directory.path("backup.db")
        try expectOK(prod.cli.run("backup", dest))
        let checkpoint = dest + ".checkpoint"
        #expect(FileManager.default.fileExists(atPath: checkpoint))
        try expectOK(prod.cli.run("user", "add", "sam", "--role", "supervisor", "--os-login", "sam"))
        try expectOK(prod.cli.run("check", "--checkpoint", checkpoint, "--public-key", prod.publicKey))
        // Cut the newest rows (the checkpoint's head among them): the chain alone cannot tell.
        let script = """
            BEGIN; DROP TRIGGER audit_log_append_only_delete;
            DELETE FROM audit_log WHERE id >= (SELECT max(id) - 1 FROM audit_log);
            CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END; COMMIT;
            """
        try expectOK(prod.cli.sqlite(script))
        let check = try prod.cli.run("check", "--checkpoint", checkpoint)
        #expect(check.status == 1)
        #expect(check.stdout.contains("rows were removed"))
    }
}

@Suite struct SchemaByContentTests {
    func office() throws -> CLIRunner {
        let cli = CLIRunner()
        try expectOK(cli.run("init", "--training", "--admin", "admin"))
        try expectOK(cli.run("check"))
        return cli
    }

    @Test func aSameNamedNoOpTriggerIsFound() throws {
        let cli = try office()
        try expectOK(cli.sqlite("""
            DROP TRIGGER reviews_append_only_update;
            CREATE TRIGGER reviews_append_only_update BEFORE UPDATE ON reviews WHEN 0 BEGIN SELECT 1; END;
            """))
        let check = try cli.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("trigger reviews_append_only_update differs"))
    }

    @Test(arguments: ["reviews_no_honor_on_decline", "status_events_legal_transition"])
    func aDroppedGuardIsFound(trigger: String) throws {
        let cli = try office()
        try expectOK(cli.sqlite("DROP TRIGGER \(trigger);"))
        let check = try cli.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("trigger \(trigger) is missing"), "\(check.stdout)")
    }

    @Test func aCheckRemovedThroughWritableSchemaIsFound() throws {
        let cli = try office()
        try expectOK(cli.sqlite("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (active IN (0, 1))', '') WHERE name = 'users';
            PRAGMA writable_schema = OFF;
            """))
        let check = try cli.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("table users differs"), "\(check.stdout)")
    }
}

@Suite struct TimeRulesTests {
    @Test func entryRefusesTimesThatCannotBe() throws {
        let office = try Office()
        let cases: [([String], String)] = [
            (["--received-at", "1970-01-01T00:00:00Z"], "more than 366 days ago"),
            (["--arrest-date", "2026-03-01", "--received-at", "2026-02-25T15:00:00Z"], "after the detainer was received"),
            (["--dob", "2026-02-21"], "before the date of birth"),
        ]
        for (extra, message) in cases {
            var args = ["intake", "--user", "clara", "--name", "Ana", "--agency", "DOC", "--release-at", "2026-03-05T15:00:00Z"]
            if !extra.contains("--arrest-date") { args += ["--arrest-date", "2026-02-20"] }
            let result = try office.cli.run(args + extra)
            #expect(result.status == 65, "\(extra): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
        }
        let id = try office.intake()
        let early = try office.cli.run(["review", "\(id)", "--decide", "decline", "--reason", "backdated", "--confirm-no-search", "--user", "sam"],
                                       env: ["DETAINER_NOW": "2020-01-01T00:00:00Z"])
        #expect(early.status == 65, "\(early.stderr)")
        #expect(early.stderr.contains("before the detainer was received"))
        let status = try office.cli.run("status", "\(id)", "--to", "lifted", "--at", "2020-01-01T00:00:00Z", "--user", "clara")
        #expect(status.status == 65)
    }

    @Test func checkFlagsAuditTimeRunningBackwardsOnProduction() throws {
        let prod = try Production()
        try expectOK(prod.cli.run("user", "add", "clara", "--role", "clerk", "--os-login", "clara"))
        try expectOK(prod.cli.sqlite("""
            BEGIN; DROP TRIGGER audit_log_append_only_update;
            UPDATE audit_log SET at = '2001-01-01T00:00:00Z' WHERE id = (SELECT max(id) FROM audit_log);
            CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END; COMMIT;
            """))
        let check = try prod.cli.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("FAIL  audit time"), "\(check.stdout)")
        #expect(check.stdout.contains("is dated 2001-01-01T00:00:00Z, before audit row"))
    }
}

@Suite struct FileSafetyTests {
    @Test func rejectsAndOutputsAreExclusiveAndNeverTheDatabase() throws {
        let office = try Office()
        try office.intake()
        let before = try office.snapshot()
        let csv = office.cli.directory.path("in.csv")
        try Data("date,lift_reason,det_facility,city,state,detainer_type\n2026-01-05,Bogus,X,Y,NY,Z\n".utf8).write(to: URL(fileURLWithPath: csv))
        let onDatabase = try office.cli.run("import", csv, "--skip-bad", "--rejects", office.cli.dbPath, "--user", "sam")
        #expect(onDatabase.status == 73, "\(onDatabase.stderr)")
        #expect(onDatabase.stderr.contains("is the database"))
        let precious = office.cli.directory.path("precious.txt")
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: precious))
        let clobber = try office.cli.run("import", csv, "--skip-bad", "--rejects", precious, "--user", "sam")
        #expect(clobber.status == 73)
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "keep me\n")
        let export = try office.cli.run("export", "--output", office.cli.dbPath, "--force", "--user", "audrey")
        #expect(export.status == 73)
        let backup = try office.cli.run("backup", "./" + "detainer.db", "--force")
        #expect(backup.status == 73)
        #expect(try office.snapshot() == before)
        // Every file we create is owner-only.
        let out = office.cli.directory.path("out.csv")
        try expectOK(office.cli.run("export", "--output", out, "--user", "audrey"))
        for path in [out, office.cli.dbPath] {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(path): \(String(mode ?? 0, radix: 8))")
        }
    }

    @Test func keygenWritesAPrivateKeyOnceAndAStrongPseudonymKey() throws {
        let cli = CLIRunner()
        let dir = cli.directory.path("k")
        try expectOK(cli.run("keygen", "--out", dir))
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/signing.key")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try cli.run("keygen", "--out", dir).status == 73)
        let pseudo = cli.directory.path("p.key")
        try expectOK(cli.run("keygen", "--pseudonym-key", pseudo))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pseudo))
        #expect(bytes.count == 32 && Set(bytes).count >= 16)
    }

    /// Issue 23 §4: secrets are owner-only, and keys go only into directories no one else can write.
    @Test func keysOthersCanReadOrReplaceAreRefused() throws {
        let cli = CLIRunner()
        let openToAll = cli.directory.path("open-to-all")
        try FileManager.default.createDirectory(atPath: openToAll, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o777])
        let intoOpen = try cli.run("keygen", "--out", openToAll)
        #expect(intoOpen.status == 77 && intoOpen.stderr.contains("other accounts can write"), "\(intoOpen)")
        #expect(!FileManager.default.fileExists(atPath: openToAll + "/signing.key"))
        let dir = cli.directory.path("k")
        try expectOK(cli.run("keygen", "--out", dir))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: dir + "/signing.key")
        let readable = try cli.run("init", "--signing-key", dir + "/signing.key")
        #expect(readable.status == 77 && readable.stderr.contains("chmod 600"), "\(readable)")
        #expect(!FileManager.default.fileExists(atPath: cli.dbPath))
        // A pseudonymisation key: exactly keygen's 32 bytes, owner-only.
        let pseudo = cli.directory.path("p.key")
        try expectOK(cli.run("keygen", "--pseudonym-key", pseudo))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: pseudo)
        try expectOK(cli.run("init", "--training", "--admin", "admin"))
        let open = try cli.run("export", "--pseudonymize", "--key-file", pseudo, "--user", "admin")
        #expect(open.status == 77, "\(open)")
        let long = cli.directory.path("long.key")
        try Data((0..<64).map { UInt8($0 * 7 % 256) }).write(to: URL(fileURLWithPath: long))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: long)
        let wrongSize = try cli.run("export", "--pseudonymize", "--key-file", long, "--user", "admin")
        #expect(wrongSize.status == 65 && wrongSize.stderr.contains("exactly 32"), "\(wrongSize)")
    }

    /// Issue 23, finding 2: `init --admin` on a database that has users claims, creates or remaps nobody.
    @Test func initNeverTakesOverAnExistingDatabase() throws {
        let prod = try Production()
        try expectOK(prod.cli.run("user", "add", "webadmin", "--role", "admin", "--user", "maria"))   // web-only: no OS login
        let before = try prod.auditRows()
        for name in ["maria", "webadmin", "newadmin"] {
            let result = try prod.cli.run("init", "--signing-key", prod.privateKey, "--admin", name)
            if name == "maria" {
                #expect(result.status == 0, "\(result)")   // the same admin from the same OS account: a no-op
            } else {
                #expect(result.status == 77 && result.stderr.contains("only sets up an empty database"), "\(result)")
            }
        }
        #expect(try prod.auditRows() == before)
    }
}

@Suite struct DuplicateDetainerTests {
    @Test func theSameIntakeThreeTimesMakesOneDetainer() throws {
        let office = try Office()
        let first = try office.intake(["--booking", "3411700555"], nysid: "12345678K")
        for _ in 0..<2 {
            let again = try office.cli.run(["intake", "--user", "clara", "--name", "José Nuñez", "--dob", "1985-02-03", "--agency", "DOC",
                                            "--booking", "3411700555", "--arrest-date", "2026-02-20"])
            #expect(again.status == 65, "\(again.stderr)")
            #expect(again.stderr.contains("detainer \(first) (pendingReview) is already open"))
        }
        // Without a booking number the same person, agency and arrest date is the same case.
        try office.intake(name: "Ana Ruiz")
        let noBooking = try office.cli.run(["intake", "--user", "clara", "--name", "Ana Ruiz", "--dob", "1985-02-03", "--agency", "DOC",
                                            "--arrest-date", "2026-02-20"])
        #expect(noBooking.status == 65)
        #expect(try office.cli.sqlite("SELECT count(*) FROM detainers;").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")  // José's and Ana's
        // A real second detainer is possible, with a reason on the record.
        try office.intake(["--booking", "3411700555", "--allow-duplicate", "--reason", "ICE re-issued with a judicial warrant"], nysid: "12345678K")
        #expect(try office.cli.sqlite("SELECT count(*) FROM audit_log WHERE json_extract(payload, '$.details.duplicateOf') = \(first);").stdout.contains("1"))
    }

    @Test func aSecondIntakeOnAnHonoredBookingIsRefused() throws {
        let office = try Office()
        let id = try office.intake(["--booking", "3411700777", "--warrant", "judicial", "--warrant-issuer", "Hon. F", "--tsdb-match", "yes"])
        try expectOK(office.cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam"))
        #expect(try office.status(of: id) == "honored")
        let again = try office.cli.run(["intake", "--user", "clara", "--name", "José Nuñez", "--dob", "1985-02-03", "--agency", "DOC",
                                        "--booking", "3411700777", "--arrest-date", "2026-02-20"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("detainer \(id) (honored)"))
    }
}

@Suite struct WallClockEverywhereTests {
    @Test func flagsJSONAndImportsReadWallTimeAlike() throws {
        let office = try Office(now: "2026-10-20T15:00:00Z")
        for (text, words) in [("2026-11-01 01:30", "happens twice in New York"), ("2026-03-08 02:30", "does not exist in New York")] {
            let flag = try office.cli.run(["intake", "--user", "clara", "--name", "Ana", "--agency", "DOC", "--arrest-date", "2026-10-01",
                                           "--release-at", text])
            #expect(flag.status == 65 && flag.stderr.contains(words), "\(flag.stderr)")
            let json = office.cli.directory.path("in.json")
            let body = #"{"person":{"name":"Ana"},"custody":{"agency":"DOC","arrestDate":"2026-10-01","scheduledReleaseAt":"\#(text)"},"detainer":{}}"#
            try body.write(toFile: json, atomically: true, encoding: .utf8)
            let fromJSON = try office.cli.run("intake", "--json", json, "--user", "clara")
            #expect(fromJSON.status == 65 && fromJSON.stderr.contains(words), "\(fromJSON.stderr)")
        }
        // The wall time the flag accepts, JSON accepts too.
        let json = office.cli.directory.path("ok.json")
        try #"{"person":{"name":"Ana"},"custody":{"agency":"DOC","arrestDate":"2026-10-01","scheduledReleaseAt":"2026-12-04 09:00"},"detainer":{}}"#
            .write(toFile: json, atomically: true, encoding: .utf8)
        try expectOK(office.cli.run("intake", "--json", json, "--user", "clara"))
        // A DOC snapshot row in the repeated hour is rejected with its line, not shifted.
        let csv = office.cli.directory.path("doc.csv")
        try """
            INMATEID,ADMITTED_DT,DISCHARGED_DT,CUSTODY_LEVEL,BRADH,RACE,GENDER,AGE,INMATE_STATUS_CODE,SEALED,SRG_FLG,TOP_CHARGE,INFRACTION
            20191234,03/08/2026 02:30:00 AM,,MIN,N,B,M,33,DE,N,N,120.05,N
            20195678,11/02/2025 01:30:00 AM,,MED,N,W,F,41,DPV,N,N,155.30,N

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try office.cli.run("import", csv, "--user", "sam")
        #expect(imported.status == 65)
        #expect(imported.stderr.contains("line 2") && imported.stderr.contains("does not exist in New York"), "\(imported.stderr)")
        #expect(imported.stderr.contains("line 3") && imported.stderr.contains("happens twice in New York"), "\(imported.stderr)")
    }
}

@Suite struct PseudonymisedExportTests {
    @Test func whatStillIdentifiesAPersonIsCoarsenedOrTokenised() throws {
        let office = try Office()
        try office.intake(["--booking", "3411700001", "--facility", "Rose M. Singer Center", "--issuing-office", "ERO New York",
                           "--received-at", "2026-03-01T14:37:00Z"], nysid: "12345678K")
        let key = office.cli.directory.path("p.key")
        try expectOK(office.cli.run("keygen", "--pseudonym-key", key))
        let result = try office.cli.run("export", "--pseudonymize", "--key-file", key, "--format", "ndjson", "--user", "audrey")
        try expectOK(result)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(row["receivedAt"] as? String == "2026-03-01")
        #expect(row["caseArrestDate"] as? String == "2026-02")
        #expect(row["caseScheduledReleaseAt"] as? String == "2026-03")
        #expect(row["personDateOfBirth"] as? String == "1985")
        for column in ["caseFacility", "issuingOffice", "personName", "personNysid", "detainerID"] {
            #expect((row[column] as? String)?.hasPrefix("t_") == true, "\(column): \(String(describing: row[column]))")
        }
        #expect(!result.stdout.contains("Singer") && !result.stdout.contains("ERO New York") && !result.stdout.contains("14:37"))
        for weak in [Data(repeating: 0x30, count: 32), Data("correct horse battery staple 1234".utf8), Data((0..<8).map { UInt8($0) } + [UInt8](repeating: 1, count: 24))] {
            try weak.write(to: URL(fileURLWithPath: key + ".weak"))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key + ".weak")
            let refused = try office.cli.run("export", "--pseudonymize", "--key-file", key + ".weak", "--user", "audrey")
            #expect(refused.status == 65, "\(refused.stderr)")
        }
    }
}

extension TimeRulesTests {
    @Test func aCorrectionCannotMoveTheArrestAfterReceipt() throws {
        let office = try Office()
        let id = try office.intake(["--received-at", "2026-03-01T14:00:00Z"])
        let result = try office.cli.run("update", "\(id)", "--arrest-date", "2026-03-02", "--reason", "court papers", "--user", "clara")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("after the detainer was received"))
    }
}
