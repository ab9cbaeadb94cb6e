import Crypto
import DetainerDomain
import SQLite

/// A file to attach: its bytes (read by the caller within `DocumentPolicy.maximumFileBytes`),
/// what it is, and the name it came with (a label only: the type is read from the bytes).
public struct AttachRequest: Sendable {
    public var bytes: [UInt8]
    public var kind: DocumentKind
    public var note: String?
    public var fileName: String?

    public init(bytes: [UInt8], kind: DocumentKind, note: String? = nil, fileName: String? = nil) {
        self.bytes = bytes
        self.kind = kind
        self.note = note
        self.fileName = fileName
    }
}

/// A file over a stated limit (per file or per detainer): exit 65, HTTP 413. Nothing stored.
public struct DocumentTooLarge: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A stored document whose bytes no longer hash to the SHA-256 recorded when it was attached:
/// never handed out (exit 65, HTTP 409); `detainer check` names it.
public struct DocumentDamaged: Error, Equatable, CustomStringConvertible {
    public let documentID: Int64
    public var description: String {
        "document \(documentID)'s bytes no longer match the SHA-256 recorded when it was attached; it is not handed out. Run `detainer check`"
    }
}

/// Paperwork kept with a detainer (issue 21 §1): attach, withdraw, list, read back. Used by the
/// CLI (`attach`, `document`) and the web alike; every write is one audited transaction whose
/// audit entry carries the document's hash, size, type and kind (and the row's fingerprint,
/// which covers the bytes).
public struct DocumentService: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }

    public static func sha256(_ bytes: [UInt8]) -> String { Array(SHA256.hash(data: bytes)).hexString }

    /// Checks everything that does not need the database: size, type (by the bytes), note and
    /// file name. Throws before a transaction is opened.
    static func validate(_ request: AttachRequest, source: String) throws -> (type: DocumentType, note: String?, fileName: String?) {
        if request.bytes.isEmpty { throw InputError(field: "file", "\(source) is empty; nothing was stored") }
        if request.bytes.count > DocumentPolicy.maximumFileBytes {
            throw DocumentTooLarge(message: "\(source) is \(DocumentPolicy.megabytes(Int64(request.bytes.count))); the limit is \(DocumentPolicy.megabytes(Int64(DocumentPolicy.maximumFileBytes))) per file; nothing was stored")
        }
        guard let type = DocumentType.recognise(request.bytes) else {
            throw InputError(field: "file", "\(source) is \(DocumentType.describe(request.bytes)); only PDF, PNG, JPEG and TIFF files are accepted, recognised by their contents, not their name; nothing was stored")
        }
        var v = FieldValidator()
        let note = v.text(request.note, "note", maxLength: FieldLimits.note, allowNewlines: true)
        // Only the last path component is a name; the rest would be the uploader's folders.
        let bare = request.fileName.map { String($0.split(separator: "/").last ?? "") }.flatMap { $0.isEmpty ? nil : $0 }
        let fileName = v.text(bare, "file-name", maxLength: DocumentPolicy.maximumFileNameLength)
        try v.finish()
        return (type, note, fileName)
    }

    /// Stores the document with detainer `detainerID`. `source` names the input in messages
    /// (the path, or "the upload").
    public func attach(detainerID: Int64, _ request: AttachRequest, source: String = "the file", by actor: Actor) throws -> DocumentSummary {
        let checked = try Self.validate(request, source: source)
        let digest = Self.sha256(request.bytes)
        let size = Int64(request.bytes.count)
        let documentID: Int64 = try audited(actor: actor, action: "document.attach", entity: "detainer") { context in
            context.entityID = detainerID
            let db = context.db
            guard try db.scalarInt("SELECT count(*) FROM detainers WHERE id = ?", detainerID) == 1 else {
                throw NotFound(entity: "detainer", key: String(detainerID))
            }
            if let existing = try db.scalarInt("SELECT id FROM documents WHERE detainer_id = ? AND sha256 = ? AND withdrawn_at IS NULL", detainerID, digest) {
                throw InputError(field: "file", "\(source) is already attached to detainer \(detainerID) as document \(existing) (same SHA-256); nothing was stored")
            }
            let total = Int64(try db.scalarInt("SELECT coalesce(sum(size), 0) FROM documents WHERE detainer_id = ?", detainerID) ?? 0)
            if total + size > DocumentPolicy.maximumBytesPerDetainer {
                throw DocumentTooLarge(message: "detainer \(detainerID) already keeps \(DocumentPolicy.megabytes(total)) of documents; \(source) (\(DocumentPolicy.megabytes(size))) would pass the \(DocumentPolicy.megabytes(DocumentPolicy.maximumBytesPerDetainer)) limit per detainer; nothing was stored")
            }
            var row = DocumentRecord()
            row.detainerID = detainerID
            row.sha256 = digest
            row.size = size
            row.mediaType = checked.type
            row.kind = request.kind
            row.fileName = checked.fileName
            row.note = checked.note
            row.attachedAt = context.now
            row.attachedBy = try context.actorID
            row.content = DocumentBytes(request.bytes)
            let id = try context.insert(&row)
            context.details = ["documentID": .int(id), "sha256": .string(digest), "size": .int(size),
                               "mediaType": .string(checked.type.mediaType), "kind": .string(request.kind.rawValue),
                               "fileName": .optional(checked.fileName), "attachedBy": .string(actor.name)]
            return id
        }
        return try summary(documentID)
    }

    /// Records that a document was attached in error. It stays stored and listed (marked
    /// withdrawn, with who, when and why); nothing is ever deleted.
    public func withdraw(documentID: Int64, reason: String, by actor: Actor) throws -> DocumentSummary {
        var v = FieldValidator()
        let reason = v.text(reason, "reason", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        try v.finish()
        try audited(actor: actor, action: "document.withdraw", entity: "detainer") { context in
            let current = try summary(documentID, in: context.db)
            context.entityID = current.detainerID
            if let at = current.withdrawnAt {
                throw InputError(field: "id", "document \(documentID) was already withdrawn on \(at.newYorkText) by \(current.withdrawnBy ?? "?"): \(current.withdrawnReason ?? ""); nothing was changed")
            }
            try DocumentRecord.update(id: documentID, set: ["withdrawn_at": context.now.iso8601, "withdrawn_by": try context.actorID,
                                                            "withdrawn_reason": reason], in: context)
            context.details = ["documentID": .int(documentID), "sha256": .string(current.sha256), "kind": .string(current.kind.rawValue),
                               "reason": .optional(reason)]
        }
        return try summary(documentID)
    }

    /// Every document of a detainer, withdrawn ones included, in the order attached.
    public func documents(detainerID: Int64) throws -> [DocumentSummary] {
        try store.queries.documents(detainerID: detainerID)
    }

    public func summary(_ documentID: Int64) throws -> DocumentSummary { try summary(documentID, in: connection) }

    func summary(_ documentID: Int64, in db: Connection) throws -> DocumentSummary {
        let statement = try db.cached(DocumentSummary.select + " WHERE d.id = ?")
        try statement.bind(documentID, at: 1)
        guard let found = try statement.first({ try DocumentSummary(row: $0) }) else {
            throw NotFound(entity: "document", key: String(documentID))
        }
        return found
    }

    /// A document and its bytes, after checking they still hash to the recorded SHA-256.
    public func content(documentID: Int64) throws -> (summary: DocumentSummary, bytes: [UInt8]) {
        try connection.read {
            let summary = try summary(documentID, in: connection)
            let statement = try connection.cached("SELECT content FROM documents WHERE id = ?")
            try statement.bind(documentID, at: 1)
            let bytes = try statement.first { $0.blob(0) ?? [] } ?? []
            guard Self.sha256(bytes) == summary.sha256, Int64(bytes.count) == summary.size else {
                throw DocumentDamaged(documentID: documentID)
            }
            return (summary, bytes)
        }
    }
}

extension Queries {
    /// The documents of one detainer (no bytes), for `show`, the page and the printed record.
    public func documents(detainerID: Int64) throws -> [DocumentSummary] {
        let statement = try connection.cached(DocumentSummary.select + " WHERE d.detainer_id = ? ORDER BY d.id")
        try statement.bind(detainerID, at: 1)
        return try statement.map { try DocumentSummary(row: $0) }
    }
}
