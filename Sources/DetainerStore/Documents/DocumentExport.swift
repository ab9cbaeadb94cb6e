import DetainerDomain
import SQLite

extension ReportService {
    /// The documents of the detainers an export covers (same received-date filter), withdrawn
    /// ones included, in id order.
    public func documentsForExport(_ filter: ExportFilter) throws -> [DocumentSummary] {
        let statement = try connection.prepare(DocumentSummary.select + """
             JOIN detainers AS x ON x.id = d.detainer_id
            WHERE (?1 IS NULL OR x.received_on >= ?1) AND (?2 IS NULL OR x.received_on <= ?2)
            ORDER BY d.id
            """)
        try statement.bind([filter.receivedFrom?.description, filter.receivedTo?.description])
        return try statement.map { try DocumentSummary(row: $0) }
    }

    /// Audits a documents folder written beside a full export (`export --documents DIR`),
    /// before its first file: which folder, how many documents, their total size.
    public func recordDocumentExport(_ documents: [DocumentSummary], folder: String, by actor: Actor) throws {
        try audited(actor: actor, action: "export.documents", entity: "export") { context in
            context.details = ["folder": .string(folder), "documents": .int(Int64(documents.count)),
                               "bytes": .int(documents.reduce(0) { $0 + $1.size })]
        }
    }
}
