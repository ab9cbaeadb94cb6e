import DetainerDomain
import SQLite

/// The signed head of the audit chain, written beside each backup (`DEST.checkpoint`).
/// `check --checkpoint FILE` proves the history still contains that head: the row with that id
/// still has that hash, and the chain (verified separately) still links every later row to it.
/// This closes the gap no chain can close alone — the truncation of the newest rows — back to
/// the last checkpoint held outside the database.
///
/// Version 2 (issue 23 §2) also names the database (its random identity, recorded in the signed
/// chain at `init`) and the head row's time, so `check` refuses a checkpoint from another
/// database and says how old one is. Both are covered by the signature: the identity through the
/// chain, which links the head back to the establishing row, and the time because it is part of
/// the head row's hash. The audit row count is the head's id (ids run 1, 2, 3 … without gaps).
public struct Checkpoint: Sendable, Equatable {
    public let auditID: Int64
    public let head: String
    public let signature: String?
    public let publicKey: String?
    /// The database's identity (nil in a version 1 checkpoint, or a database made before identities).
    public var databaseID: String? = nil
    /// When the head row was written (nil in a version 1 checkpoint).
    public var at: String? = nil

    static let header = "detainer checkpoint v2"
    static let headers = ["detainer checkpoint v1", header]

    public var fileContents: String {
        "\(Self.header)\ndatabase_id \(databaseID ?? "none")\naudit_id \(auditID)\nat \(at ?? "unknown")\nhead \(head)\n"
            + "signature \(signature ?? "unsigned")\npublic_key \(publicKey ?? "none")\n"
    }

    /// `contents`: the file as read elsewhere (by a client of the service socket).
    public static func load(path: String, contents: [UInt8]? = nil) throws -> Checkpoint {
        let text = String(decoding: try contents ?? BoundedFile.read(path, limit: 4096), as: UTF8.self)
        var fields: [String: String] = [:]
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).keyLineTrimmed }
        guard let first = lines.first, headers.contains(first) else { throw KeyFileError(path: path, problem: "is not a detainer checkpoint (written by `detainer backup`)") }
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let idText = fields["audit_id"], let id = Int64(idText), let head = fields["head"], head.count == 64 else {
            throw KeyFileError(path: path, problem: "is an incomplete checkpoint (audit_id and head are required)")
        }
        let signature = fields["signature"].flatMap { $0 == "unsigned" ? nil : $0 }
        let key = fields["public_key"].flatMap { $0 == "none" ? nil : $0 }
        var checkpoint = Checkpoint(auditID: id, head: head, signature: signature, publicKey: key)
        checkpoint.databaseID = fields["database_id"].flatMap { $0 == "none" ? nil : $0 }
        checkpoint.at = fields["at"].flatMap { $0 == "unknown" ? nil : $0 }
        return checkpoint
    }
}

extension Integrity {
    /// The current head of the audit chain, with its signature (nil on an empty log).
    public func checkpoint() throws -> Checkpoint? {
        let identity = try databaseIdentity()
        return try connection.prepare("SELECT id, hash, signature, at FROM audit_log ORDER BY id DESC LIMIT 1").first {
            ($0.int64(0), $0.string(1) ?? "", $0.string(2), $0.string(3))
        }.map { row in
            var checkpoint = Checkpoint(auditID: row.0, head: row.1, signature: row.2, publicKey: try recordedPublicKey()?.hex)
            checkpoint.databaseID = identity
            checkpoint.at = row.3
            return checkpoint
        }
    }

    /// How far the history has moved on since `checkpoint`: "written 2026-03-02 10:00 EST; 12 audit
    /// rows since, the latest 2026-03-09 …", for people judging whether it is the latest.
    func checkpointAge(_ checkpoint: Checkpoint) throws -> String {
        let last = try connection.scalarInt("SELECT max(id) FROM audit_log") ?? 0
        let latest = try connection.scalarText("SELECT at FROM audit_log WHERE id = ?", last)
        let written = checkpoint.at.flatMap(UTCInstant.init(parsing:)).map { "written \($0.newYorkText)" } ?? "undated (version 1)"
        let since = last - checkpoint.auditID
        return since <= 0 ? "\(written); it is the current head"
            : "\(written); \(since) audit row\(since == 1 ? "" : "s") since, the latest \(latest.flatMap(UTCInstant.init(parsing:))?.newYorkText ?? "?")"
    }

    /// Problems proving that this history contains `checkpoint`'s head.
    func checkpointProblems(_ checkpoint: Checkpoint, external: PublicSigningKey?) throws -> [String] {
        var problems: [String] = []
        let recorded = try recordedPublicKey()
        if let signature = checkpoint.signature {
            for key in [recorded, external].compactMap({ $0 }) where !key.verify(signature: signature, head: checkpoint.head) {
                problems.append("the checkpoint's signature does not verify under \(key == external ? "the external" : "the recorded") key")
            }
        } else if recorded != nil {
            problems.append("the checkpoint is unsigned but this database signs its history")
        }
        if let claimed = checkpoint.databaseID {
            let mine = try databaseIdentity()
            if mine != claimed {
                problems.append("the checkpoint is from another database (identity \(claimed.prefix(12))…; this one is \(mine.map { String($0.prefix(12)) + "…" } ?? "not recorded"))")
            }
        }
        if let at = checkpoint.at, let storedAt = try connection.scalarText("SELECT at FROM audit_log WHERE id = ?", checkpoint.auditID), storedAt != at {
            problems.append("audit row \(checkpoint.auditID) is dated \(storedAt), the checkpoint says \(at): one of them was altered")
        }
        let stored = try connection.scalarText("SELECT hash FROM audit_log WHERE id = ?", checkpoint.auditID)
        if stored == nil {
            let last = try connection.scalarInt("SELECT max(id) FROM audit_log") ?? 0
            problems.append("the history ends at audit row \(last); the checkpoint's head is audit row \(checkpoint.auditID): rows were removed")
        } else if stored != checkpoint.head {
            problems.append("audit row \(checkpoint.auditID) no longer has the checkpoint's hash: the history was rewritten")
        }
        return problems
    }
}
