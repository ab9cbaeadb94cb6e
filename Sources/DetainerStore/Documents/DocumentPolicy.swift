/// The stated limits on documents kept with a detainer (issue 21 §1), one place, read by the
/// store, the CLI and the web. `DocumentPolicyTests` keeps the per-file limit equal to the
/// schema's CHECK (Migrations/0011_documents.sql).
public enum DocumentPolicy {
    /// One file: 20 MiB. A scanned I-247A with its attachments is well under a megabyte; a
    /// long criminal-history printout scanned as images a few megabytes.
    public static let maximumFileBytes = 20 * 1024 * 1024

    /// Everything attached to one detainer (withdrawn documents count: they are kept): 100 MiB,
    /// so one case cannot grow the database (and every backup) without bound.
    public static let maximumBytesPerDetainer: Int64 = 100 * 1024 * 1024

    /// The longest file name kept (the name is only a label; the type comes from the bytes).
    public static let maximumFileNameLength = 255

    /// "20 MiB", for messages.
    public static func megabytes(_ bytes: Int64) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MiB" : String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
