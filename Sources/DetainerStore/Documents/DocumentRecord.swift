import DetainerDomain
import SQLite

extension DocumentKind: TextEnumColumn {}

/// A document's bytes, stored as a BLOB.
public struct DocumentBytes: ColumnValue, Equatable {
    static var expected: String { "the document's bytes (a blob)" }
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    init?(stored: SQLiteValue) {
        guard case .blob(let bytes) = stored else { return nil }
        self.bytes = bytes
    }

    var stored: SQLiteValue { .blob(bytes) }
}

/// The stored media type, one of the four accepted ones.
extension DocumentType: ColumnValue {
    static var expected: String { "one of " + allCases.map(\.mediaType).joined(separator: ", ") }

    init?(stored: SQLiteValue) {
        guard case .text(let text) = stored, let type = DocumentType(mediaType: text) else { return nil }
        self = type
    }

    var stored: SQLiteValue { .text(mediaType) }
}

/// One row of `documents` (Migrations/0011_documents.sql): a file kept with a detainer.
public struct DocumentRecord: TableRecord {
    public static let table = "documents"

    public var id: Int64?
    public var detainerID: Int64 = 0
    public var sha256 = ""
    public var size: Int64 = 0
    public var mediaType: DocumentType = .pdf
    public var kind: DocumentKind = .other
    public var fileName: String?
    public var note: String?
    public var attachedAt = UTCInstant(secondsSinceEpoch: 0)
    public var attachedBy: Int64 = 0
    public var withdrawnAt: UTCInstant?
    public var withdrawnBy: Int64?
    public var withdrawnReason: String?
    public var content = DocumentBytes([])

    public init() {}

    static let columns: [Column<DocumentRecord>] = [
        Column("id", \.id),
        Column("detainer_id", \.detainerID),
        Column("sha256", \.sha256),
        Column("size", \.size),
        Column("media_type", \.mediaType),
        Column("kind", \.kind),
        Column("file_name", \.fileName),
        Column("note", \.note),
        Column("attached_at", \.attachedAt),
        Column("attached_by", \.attachedBy),
        Column("withdrawn_at", \.withdrawnAt),
        Column("withdrawn_by", \.withdrawnBy),
        Column("withdrawn_reason", \.withdrawnReason),
        Column("content", \.content),
    ]
}

/// A document as lists show it: everything but the bytes, with the names of who attached and
/// who withdrew it.
public struct DocumentSummary: Sendable, Equatable {
    public let id: Int64
    public let detainerID: Int64
    public let sha256: String
    public let size: Int64
    public let type: DocumentType
    public let kind: DocumentKind
    public let fileName: String?
    public let note: String?
    public let attachedAt: UTCInstant
    public let attachedBy: String
    public let withdrawnAt: UTCInstant?
    public let withdrawnBy: String?
    public let withdrawnReason: String?

    public var isWithdrawn: Bool { withdrawnAt != nil }

    /// The name a download is saved under: never the uploaded name's extension, always the
    /// stored type's (`document-7-i247a.pdf`).
    public var downloadName: String { "document-\(id)-\(kind.rawValue).\(type.fileExtension)" }

    /// `show --format json` and the API (camel-cased by the caller where it camel-cases).
    public var json: JSONValue {
        .object([
            "id": .int(id), "detainer_id": .int(detainerID), "sha256": .string(sha256), "size": .int(size),
            "media_type": .string(type.mediaType), "kind": .string(kind.rawValue), "file_name": .optional(fileName),
            "note": .optional(note), "attached_at": .string(attachedAt.iso8601), "attached_by": .string(attachedBy),
            "withdrawn_at": .optional(withdrawnAt?.iso8601), "withdrawn_by": .optional(withdrawnBy),
            "withdrawn_reason": .optional(withdrawnReason),
        ])
    }

    static let select = """
        SELECT d.id, d.detainer_id, d.sha256, d.size, d.media_type, d.kind, d.file_name, d.note, d.attached_at, a.name,
               d.withdrawn_at, w.name, d.withdrawn_reason
        FROM documents AS d JOIN users AS a ON a.id = d.attached_by LEFT JOIN users AS w ON w.id = d.withdrawn_by
        """

    init(row s: Statement) throws {
        guard let type = DocumentType(mediaType: s.string(4) ?? ""), let kind = DocumentKind(rawValue: s.string(5) ?? ""),
              let attachedAt = UTCInstant(parsing: s.string(8) ?? "") else {
            throw StoreError.badStoredValue(table: "documents", column: "media_type, kind or attached_at", rowID: s.int64(0), value: "an unreadable value")
        }
        id = s.int64(0)
        detainerID = s.int64(1)
        sha256 = s.string(2) ?? ""
        size = s.int64(3)
        self.type = type
        self.kind = kind
        fileName = s.string(6)
        note = s.string(7)
        self.attachedAt = attachedAt
        attachedBy = s.string(9) ?? ""
        withdrawnAt = s.string(10).flatMap(UTCInstant.init(parsing:))
        withdrawnBy = s.string(11)
        withdrawnReason = s.string(12)
    }
}
