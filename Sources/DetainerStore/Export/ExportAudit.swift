import DetainerDomain

extension ReportService {
    /// Audits an export before its first byte is written (issue 13 §6): an export that is cut
    /// short (`export | head`, a full disk, a lock) is still on the record. The entry names the
    /// filter, format, destination and the number of detainers matching at that moment; the
    /// rows themselves are read afterwards in one snapshot.
    public func recordExportStart(filter: ExportFilter, format: String, pseudonymized: Bool, destination: String?, by actor: Actor) throws {
        try audited(actor: actor, action: "export", entity: "export") { context in
            let matching = try context.db.scalarInt("""
                SELECT count(*) FROM detainers AS d
                WHERE (?1 IS NULL OR d.received_on >= ?1) AND (?2 IS NULL OR d.received_on <= ?2)
                """, filter.receivedFrom?.description, filter.receivedTo?.description) ?? 0
            context.details = ["from": .optional(filter.receivedFrom?.description), "to": .optional(filter.receivedTo?.description),
                               "format": .string(format), "pseudonymized": .bool(pseudonymized),
                               "destination": .string(destination ?? "standard output"), "rows": .int(matching)]
        }
    }
}
