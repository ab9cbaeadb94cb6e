import DetainerDomain

extension ImportFormat: TextEnumColumn {}

/// One row of `imports` (Migrations/0001_initial.sql): a file brought in by `detainer import`,
/// which the imported rows name for provenance. Written first with zero counts and completed
/// at the end of the same transaction (`Importer`).
struct ImportRecord: TableRecord {
    static let table = "imports"

    var id: Int64?
    var format: ImportFormat = .native
    var fileName = ""
    var fileSHA256 = ""
    var rowsRead: Int64 = 0
    var rowsImported: Int64 = 0
    var rowsRejected: Int64 = 0
    var startedAt = UTCInstant(secondsSinceEpoch: 0)
    /// Nil only inside the import's own transaction.
    var finishedAt: UTCInstant?
    var actorID: Int64 = 0

    init() {}

    static let columns: [Column<ImportRecord>] = [
        Column("id", \.id),
        Column("format", \.format),
        Column("file_name", \.fileName),
        Column("file_sha256", \.fileSHA256),
        Column("rows_read", \.rowsRead),
        Column("rows_imported", \.rowsImported),
        Column("rows_rejected", \.rowsRejected),
        Column("started_at", \.startedAt),
        Column("finished_at", \.finishedAt),
        Column("actor_id", \.actorID),
    ]
}
