import DetainerDomain
import SQLite

/// `detainer check`: everything that must hold for the records to be trusted.
public struct HealthReport: Sendable {
    public struct Item: Sendable {
        public let name: String
        public let ok: Bool
        public let summary: String
        public let problems: [String]
    }

    public let items: [Item]
    public var ok: Bool { items.allSatisfy(\.ok) }
}

extension Integrity {
    /// `externalKey`: a public key held outside the database (`check --public-key`);
    /// `checkpoint`: a head recorded by `backup` (`check --checkpoint`).
    public func healthCheck(externalKey: PublicSigningKey? = nil, checkpoint: Checkpoint? = nil) throws -> HealthReport {
        let db = connection
        var items: [HealthReport.Item] = []

        let integrity = try db.integrityProblems()
        items.append(.init(name: "integrity", ok: integrity.isEmpty,
                           summary: integrity.isEmpty ? "PRAGMA integrity_check: ok" : "\(integrity.count) problem(s) in the file's structure",
                           problems: integrity))

        let orphans = try db.foreignKeyViolations()
        items.append(.init(name: "foreign keys", ok: orphans.isEmpty,
                           summary: orphans.isEmpty ? "every reference points to an existing row" : "\(orphans.count) dangling reference(s)",
                           problems: orphans.prefix(50).map(\.description)))

        let migrator = Schema.migrator
        var migrationProblems = try migrator.problems(in: db).map(\.description)
        let version = try db.userVersion()
        let pending = try migrator.pending(in: db)
        if !pending.isEmpty { migrationProblems.append("\(pending.count) migration(s) not applied; run `detainer init`") }
        items.append(.init(name: "migrations", ok: migrationProblems.isEmpty,
                           summary: "schema version \(version) of \(migrator.latestVersion); checksums \(migrationProblems.isEmpty ? "match" : "DIFFER")",
                           problems: migrationProblems))

        // The remaining checks read this schema's tables; on an empty or unmigrated file they
        // would die on "no such table". Report the migrations instead (check exits 1).
        guard pending.isEmpty || version >= migrator.latestVersion else {
            items.append(.init(name: "schema", ok: false, summary: "not checked further: the file is at schema version \(version) of \(migrator.latestVersion)",
                               problems: ["run `detainer init` (after a backup) to create or migrate the schema"]))
            return HealthReport(items: items)
        }

        let loose = try db.nonStrictTables().filter { SchemaCheck.replicationTables[$0] == nil }
        items.append(.init(name: "strict tables", ok: loose.isEmpty,
                           summary: loose.isEmpty ? "every table is STRICT" : "tables not STRICT: \(loose.joined(separator: ", "))",
                           problems: loose))

        var missingTriggers: [String] = []
        for table in Schema.appendOnlyTables {
            for verb in ["update", "delete"] {
                let name = "\(table)_append_only_\(verb)"
                if try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?", name) != 1 {
                    missingTriggers.append("trigger \(name) is missing")
                }
            }
        }
        items.append(.init(name: "append-only", ok: missingTriggers.isEmpty,
                           summary: missingTriggers.isEmpty ? "\(Schema.appendOnlyTables.joined(separator: ", ")) refuse UPDATE and DELETE" : "append-only guards removed",
                           problems: missingTriggers))

        let stored = Set(try db.prepare("SELECT from_status || '>' || to_status FROM status_transitions").map { $0.string(0) ?? "" })
        let expected = Set(DetainerStatus.transitions.map { "\($0.from.rawValue)>\($0.to.rawValue)" })
        let machineProblems = stored.subtracting(expected).sorted().map { "the database allows \($0), the law engine's machine does not" }
            + expected.subtracting(stored).sorted().map { "the database forbids \($0), the law engine's machine allows it" }
        items.append(.init(name: "status machine", ok: machineProblems.isEmpty,
                           summary: machineProblems.isEmpty ? "the database's transitions equal the domain's \(expected.count)" : "transitions differ",
                           problems: machineProblems))

        let schemaProblems = try SchemaCheck.differences(db)
        items.append(.init(name: "schema", ok: schemaProblems.isEmpty,
                           summary: schemaProblems.isEmpty ? "every table, index, trigger and view equals the migrations' definition"
                               : "\(schemaProblems.count) object(s) differ from the migrations' schema",
                           problems: schemaProblems))

        let mode = try self.mode()
        let modeProblems = try SignatureCheck.modeProblems(db, mode: mode, hasMode: try hasRecordedMode())
        items.append(.init(name: "mode", ok: modeProblems.isEmpty,
                           summary: mode == .training ? "TRAINING database (declared user names and a pinned clock are allowed)"
                               : "production database (actors bound to OS accounts, real clock)",
                           problems: modeProblems))

        let signatures = try SignatureCheck.run(db, mode: mode, recorded: try recordedPublicKey(), external: externalKey)
        items.append(.init(name: "signatures", ok: signatures.problems.isEmpty, summary: signatures.summary, problems: signatures.problems))

        // A training database may pin and move its clock (demos replay months of events), so
        // time running backwards is reported there but fails only a production database.
        let timeProblems = try SignatureCheck.timeProblems(db)
        items.append(.init(name: "audit time", ok: timeProblems.isEmpty || mode == .training,
                           summary: timeProblems.isEmpty ? "audit times never run backwards (by more than \(ProjectDecisions.auditClockToleranceSeconds) s)"
                               : "\(timeProblems.count) audit row(s) dated more than \(ProjectDecisions.auditClockToleranceSeconds) s before an earlier row\(mode == .training ? " (allowed on a TRAINING database: its clock may be pinned)" : "")",
                           problems: Array(timeProblems.prefix(50))))

        if let checkpoint {
            let problems = try checkpointProblems(checkpoint, external: externalKey)
            items.append(.init(name: "checkpoint", ok: problems.isEmpty,
                               summary: problems.isEmpty ? "the history contains the checkpoint's head (audit row \(checkpoint.auditID), \(try checkpointAge(checkpoint)))" : "the checkpoint is not in this history",
                               problems: problems))
        }

        let chain = try AuditLog.verifyChain(db)
        items.append(.init(name: "audit chain", ok: chain.firstBreak == nil,
                           summary: chain.firstBreak.map { "broken at audit row \($0.auditID)" }
                               ?? "\(chain.entries) entries chained; head \(chain.head.prefix(16))…",
                           problems: chain.firstBreak.map { ["audit row \($0.auditID): \($0.problem)"] } ?? []))

        let tampering = try TamperCheck.run(db)
        let firstBad = tampering.compactMap(\.auditID).min()
        items.append(.init(name: "records vs audit", ok: tampering.isEmpty,
                           summary: tampering.isEmpty ? "every record matches its last audit entry"
                               : "\(tampering.count) record(s) differ from the audit trail" + (firstBad.map { "; first bad audit row \($0)" } ?? ""),
                           problems: tampering.prefix(50).map(\.description)))

        // Issue 23 §2: every write made through a web session used one an audited sign-in opened.
        let sessionProblems = try SessionAttribution.problems(db)
        items.append(.init(name: "web sessions", ok: sessionProblems.isEmpty,
                           summary: sessionProblems.isEmpty ? "every write made on the web used a session an audited sign-in opened"
                               : "\(sessionProblems.count) write(s) made through a session the audit log does not account for",
                           problems: Array(sessionProblems.prefix(50))))

        // Documents kept with detainers (issue 21): every one re-hashed against its record.
        let documents = try DocumentCheck.run(db)
        items.append(.init(name: "documents", ok: documents.problems.isEmpty,
                           summary: documents.problems.isEmpty ? "\(documents.documents) document(s), \(DocumentPolicy.megabytes(documents.bytes)), every one matches its SHA-256"
                               : "\(documents.problems.count) problem(s) with stored documents",
                           problems: documents.problems.prefix(50).map { $0 }))

        let staleKeys = try PersonSearchKey.mismatches(in: db)
        items.append(.init(name: "person search", ok: staleKeys.isEmpty,
                           summary: staleKeys.isEmpty ? "every person's search keys match the name" : "search keys out of step with the name",
                           problems: staleKeys.map { "person \($0): search keys differ from the name's; run `detainer init` to rebuild them" }))

        return HealthReport(items: items)
    }
}
