import DetainerStore

/// `show`'s DOCUMENTS section: each document kept with the detainer, who attached it and when,
/// its SHA-256, and a withdrawal (documents are never deleted).
enum DocumentPrinter {
    static func printSection(_ documents: [DocumentSummary]) {
        guard !documents.isEmpty else { return }
        Terminal.out("\nDOCUMENTS (\(documents.count); save one with `detainer document get ID --out FILE`)")
        for d in documents {
            Terminal.out("  \(d.id). \(d.kind.rawValue)  \(d.type.mediaType)  \(d.size) bytes  attached \(d.attachedAt.newYorkText) by \(d.attachedBy)\(d.fileName.map { "  (\($0))" } ?? "")")
            Terminal.out("      SHA-256 \(d.sha256)")
            if let note = d.note { Terminal.out("      note: \(note)") }
            if let at = d.withdrawnAt {
                Terminal.out("      WITHDRAWN \(at.newYorkText) by \(d.withdrawnBy ?? "?"): \(d.withdrawnReason ?? "")")
            }
        }
    }
}
