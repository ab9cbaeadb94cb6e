import DetainerDomain

/// A record whose table ends with the same bookkeeping columns (persons, custody cases): the
/// import that brought the row in, and who created and last changed it. Internal: never exported,
/// never shown (the audit log and the timeline tell that story).
protocol BookkeepingRecord: TableRecord {
    var importID: Int64? { get set }
    var createdAt: UTCInstant { get set }
    var createdBy: Int64 { get set }
    var updatedAt: UTCInstant? { get set }
    var updatedBy: Int64? { get set }
}

extension BookkeepingRecord {
    /// `import_id, created_at, created_by, updated_at, updated_by`, in table order.
    static var bookkeepingColumns: [Column<Self>] {
        [
            Column("import_id", \.importID, export: .none, show: .hidden),
            Column("created_at", \.createdAt, export: .none, show: .hidden),
            Column("created_by", \.createdBy, export: .none, show: .hidden),
            Column("updated_at", \.updatedAt, export: .none, show: .hidden),
            Column("updated_by", \.updatedBy, export: .none, show: .hidden),
        ]
    }
}
