import Crypto
import DetainerDomain
import SQLite
import Sysexits

/// `detainer check`: every stored document's bytes are hashed again and compared with the
/// SHA-256 and size recorded when it was attached (which the signed audit entry also carries),
/// and its type is read from the bytes again. A changed byte names the document.
enum DocumentCheck {
    struct Result {
        let documents: Int
        let bytes: Int64
        let problems: [String]
    }

    static func run(_ db: Connection) throws -> Result {
        var count = 0
        var total: Int64 = 0
        var problems: [String] = []
        // One row at a time: memory holds one document, never the whole table.
        let statement = try db.prepare("SELECT id, detainer_id, sha256, size, media_type, kind, file_name, content FROM documents ORDER BY id")
        try statement.forEachRow { row in
            count += 1
            let id = row.int64(0), detainerID = row.int64(1)
            let recorded = row.string(2) ?? "", size = row.int64(3), mediaType = row.string(4) ?? ""
            let label = "document \(id) (detainer \(detainerID), \(row.string(5) ?? "?")\(row.string(6).map { ", \($0)" } ?? ""))"
            let (digest, length, type) = row.withBytes(7) { bytes -> (String, Int, DocumentTypeName?) in
                var hasher = SHA256()
                hasher.update(bufferPointer: bytes)
                return (Array(hasher.finalize()).hexString, bytes.count, DocumentTypeName(bytes))
            }
            total += Int64(length)
            if digest != recorded {
                problems.append("\(label): its bytes were changed outside detainer — SHA-256 now \(digest.prefix(16))…, recorded \(recorded.prefix(16))… when attached")
            } else if Int64(length) != size {
                problems.append("\(label): \(length) bytes stored, \(size) recorded")
            }
            if type?.mediaType != mediaType {
                problems.append("\(label): recorded as \(mediaType), but its bytes are \(type?.mediaType ?? "no accepted type")")
            }
        }
        return Result(documents: count, bytes: total, problems: problems)
    }
}

/// The type the stored bytes begin with (the domain's recogniser over raw bytes).
private struct DocumentTypeName {
    let mediaType: String
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard let type = DocumentType.recognise(bytes.prefix(DocumentType.sniffLength)) else { return nil }
        mediaType = type.mediaType
    }
}

extension DocumentTooLarge: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
extension DocumentDamaged: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
