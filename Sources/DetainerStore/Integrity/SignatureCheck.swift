import DetainerDomain
import SQLite

/// Verifies the signatures on the audit chain (issue 13 §2): every row from the one that
/// recorded the key onwards carries a valid signature of its hash under the recorded key, and
/// under an external key when one is given (a history rebuilt under another key fails there).
enum SignatureCheck {
    struct Result {
        var summary: String
        var problems: [String]
    }

    static func run(_ db: Connection, mode: DatabaseMode, recorded: PublicSigningKey?, external: PublicSigningKey?) throws -> Result {
        var problems: [String] = []
        if let external, let recorded, external != recorded {
            problems.append("the key recorded in the database (\(recorded.hex.prefix(16))…) is not the external key (\(external.hex.prefix(16))…): the history was signed by someone else")
        }
        if external != nil, recorded == nil {
            problems.append("the database records no signing key, but an external key was given: its history is unsigned")
        }
        // The audit row that recorded the key, and the key it recorded.
        let keyRow = try db.prepare("""
            SELECT id, json_extract(payload, '$.details.signingPublicKey') FROM audit_log
            WHERE json_extract(payload, '$.details.signingPublicKey') IS NOT NULL ORDER BY id LIMIT 1
            """).first { ($0.int64(0), $0.string(1) ?? "") }
        if let recorded {
            if let keyRow, keyRow.1 != recorded.hex {
                problems.append("the recorded key differs from the one audit row \(keyRow.0) recorded")
            } else if keyRow == nil {
                problems.append("a signing key is recorded but no audit row recorded it (it was set outside detainer)")
            }
        }
        let keys = [recorded, external].compactMap { $0 }
        var signed = 0
        var unsignedAfterKey: [Int64] = []
        var bad: [Int64] = []
        try db.prepare("SELECT id, hash, signature FROM audit_log ORDER BY id").forEachRow { row in
            let id = row.int64(0)
            let hash = row.string(1) ?? ""
            guard let signature = row.string(2) else {
                if let keyRow, id >= keyRow.0 { unsignedAfterKey.append(id) }
                return
            }
            signed += 1
            if keys.isEmpty || !keys.allSatisfy({ $0.verify(signature: signature, head: hash) }) { bad.append(id) }
        }
        if let first = bad.first {
            problems.append("\(bad.count) audit row(s) carry a signature that does not verify\(external != nil ? " under the recorded and external keys" : ""); first: audit row \(first)")
        }
        if let first = unsignedAfterKey.first {
            problems.append("\(unsignedAfterKey.count) audit row(s) written after the key was recorded are unsigned; first: audit row \(first)")
        }
        if recorded == nil, mode == .production {
            problems.append("this production database records no signing key; record one with `detainer init --signing-key FILE`")
        }
        let summary: String
        if recorded == nil && mode == .training {
            summary = "TRAINING database, unsigned: its history is not signed"
        } else if problems.isEmpty {
            summary = "\(signed) audit row(s) signed and verified\(external != nil ? " (recorded and external key)" : ""); key \(recorded?.hex.prefix(16) ?? "")…"
        } else {
            summary = "signatures do not hold"
        }
        return Result(summary: summary, problems: problems)
    }

    /// Audit rows dated more than `ProjectDecisions.auditClockToleranceSeconds` before the latest
    /// time already in the chain: ids are assigned in commit order, so time running backwards
    /// means a clock was set back (or pinned) or rows were forged. Compared with the running
    /// latest, not just the row before, so small steps cannot add up to a large one.
    static func timeProblems(_ db: Connection, tolerance: Int64 = ProjectDecisions.auditClockToleranceSeconds) throws -> [String] {
        var problems: [String] = []
        var latest: (id: Int64, at: String, seconds: Int64)?
        try db.prepare("SELECT id, at FROM audit_log ORDER BY id").forEachRow { row in
            let id = row.int64(0), at = row.string(1) ?? ""
            guard let seconds = UTCInstant(parsing: at)?.secondsSinceEpoch else {
                problems.append("audit row \(id) has no valid time (\(at))")
                return
            }
            if let latest, seconds < latest.seconds - tolerance {
                problems.append("audit row \(id) is dated \(at), before audit row \(latest.id) (\(latest.at)) by \(latest.seconds - seconds) s (more than the \(tolerance) s a clock correction may step back)")
            }
            if latest == nil || seconds > latest!.seconds { latest = (id, at, seconds) }
        }
        return problems
    }

    /// The recorded mode must be the one the audit trail recorded (a production database
    /// switched to training behind the tool's back would accept declared names).
    static func modeProblems(_ db: Connection, mode: DatabaseMode, hasMode: Bool) throws -> [String] {
        let audited = try db.prepare("""
            SELECT id, json_extract(payload, '$.details.mode') FROM audit_log
            WHERE action = 'database.establish' AND json_extract(payload, '$.details.mode') IS NOT NULL ORDER BY id LIMIT 1
            """).first { ($0.int64(0), $0.string(1) ?? "") }
        guard hasMode else {
            return audited.map { ["the database mode recorded by audit row \($0.0) (\($0.1)) was removed"] } ?? []
        }
        guard let audited else { return ["the database is marked \(mode.rawValue) but no audit row recorded it (set outside detainer)"] }
        return audited.1 == mode.rawValue ? [] : ["the database is marked \(mode.rawValue) but audit row \(audited.0) recorded \(audited.1)"]
    }
}
