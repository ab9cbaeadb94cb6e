#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import DetainerStore

/// `export --documents DIR`: the exported detainers' documents as files in a new folder (0700,
/// each file 0600, created exclusively), with `manifest.csv` listing each file's document id,
/// detainer, kind, type, size, SHA-256 and withdrawal. Written into `DIR.partial-PID` and
/// renamed into place when complete, so a failure leaves no half folder under the name.
enum DocumentFolder {
    static let manifestColumns = ["file", "document_id", "detainer_id", "kind", "media_type", "size", "sha256",
                                  "attached_at", "attached_by", "withdrawn_at", "withdrawn_reason"]

    static func write(_ documents: [DocumentSummary], to folder: String, content: (Int64) throws -> [UInt8]) throws {
        if FileStatus.exists(folder) { throw CLIError(.cannotCreate, "\(folder) already exists; give a new folder for --documents") }
        let temporary = folder + ".partial-\(getpid())"
        guard mkdir(temporary, 0o700) == 0 else { throw CLIError(.cannotCreate, "\(temporary): \(String(cString: strerror(errno)))") }
        var done = false
        defer {
            if !done {
                for d in documents { unlink(temporary + "/" + d.downloadName) }
                unlink(temporary + "/manifest.csv")
                rmdir(temporary)
            }
        }
        var manifest: [[String]] = [manifestColumns]
        for d in documents {
            let bytes = try content(d.id)
            try SafeOutput.write(temporary + "/" + d.downloadName, bytes, force: false)
            manifest.append([d.downloadName, String(d.id), String(d.detainerID), d.kind.rawValue, d.type.mediaType, String(d.size), d.sha256,
                             d.attachedAt.iso8601, d.attachedBy, d.withdrawnAt?.iso8601 ?? "", d.withdrawnReason ?? ""])
        }
        let csv = manifest.map { row in row.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        try SafeOutput.write(temporary + "/manifest.csv", Array(csv.utf8), force: false)
        guard rename(temporary, folder) == 0 else { throw CLIError(.ioError, "\(folder): \(String(cString: strerror(errno)))") }
        done = true
    }

    /// RFC 4180 quoting, and the formula guard every CSV of ours applies.
    static func csvCell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
