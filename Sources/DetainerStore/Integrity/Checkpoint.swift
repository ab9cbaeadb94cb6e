import SQLite

/// The signed head of the audit chain, written beside each backup (`DEST.checkpoint`).
/// `check --checkpoint FILE` proves the history still contains that head: the row with that id
/// still has that hash, and the chain (verified separately) still links every later row to it.
/// This closes the gap no chain can close alone — the truncation of the newest rows — back to
/// the last checkpoint held outside the database.
public struct Checkpoint: Sendable, Equatable {
    public let auditID: Int64
    public let head: String
    public let signature: String?
    public let publicKey: String?

    static let header = "detainer checkpoint v1"

    public var fileContents: String {
        "\(Self.header)\naudit_id \(auditID)\nhead \(head)\nsignature \(signature ?? "unsigned")\npublic_key \(publicKey ?? "none")\n"
    }

    public static func load(path: String) throws -> Checkpoint {
        let text = String(decoding: try BoundedFile.read(path, limit: 4096), as: UTF8.self)
        var fields: [String: String] = [:]
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).keyLineTrimmed }
        guard lines.first == header else { throw KeyFileError(path: path, problem: "is not a detainer checkpoint (written by `detainer backup`)") }
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let idText = fields["audit_id"], let id = Int64(idText), let head = fields["head"], head.count == 64 else {
            throw KeyFileError(path: path, problem: "is an incomplete checkpoint (audit_id and head are required)")
        }
        let signature = fields["signature"].flatMap { $0 == "unsigned" ? nil : $0 }
        let key = fields["public_key"].flatMap { $0 == "none" ? nil : $0 }
        return Checkpoint(auditID: id, head: head, signature: signature, publicKey: key)
    }
}

extension DetainerDatabase {
    /// The current head of the audit chain, with its signature (nil on an empty log).
    public func checkpoint() throws -> Checkpoint? {
        try connection.prepare("SELECT id, hash, signature FROM audit_log ORDER BY id DESC LIMIT 1").first {
            Checkpoint(auditID: $0.int64(0), head: $0.string(1) ?? "", signature: $0.string(2), publicKey: nil)
        }.map { Checkpoint(auditID: $0.auditID, head: $0.head, signature: $0.signature, publicKey: try recordedPublicKey()?.hex) }
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
