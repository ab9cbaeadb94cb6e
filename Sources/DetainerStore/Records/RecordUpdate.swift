import SQLite

// The one way a write changes a stored row (issue 26 §5). `detainer check` compares every
// audited row with the fingerprint its last audit entry recorded, so a row changed without
// being touched in its write reads as tampered with: the update and the touch are one call
// here, and no caller writes an UPDATE (or remembers the touch) by hand.

/// The column values an update writes, by column name; each name must be a column of the
/// record (a misspelt name stops the program in tests, not in a stored row).
typealias ColumnValues = [String: (any SQLiteBindable)?]

extension TableRecord {
    /// `UPDATE table SET … WHERE id = ?` over the named columns of row `id`, touched in
    /// `context` so its new fingerprint goes into the write's audit entry. A record that says
    /// who last changed it (`updated_at`, `updated_by`) gets them set to this write's time and
    /// actor unless given. `condition` (SQL over the table's columns, `?` parameters) narrows the
    /// update to a row still in the state the caller read (`state = 'pending'`). Returns whether
    /// the row changed; the row is touched either way (an unchanged row re-fingerprints equal).
    @discardableResult
    static func update(id: Int64, set values: ColumnValues, in context: WriteContext,
                       where condition: String? = nil, _ conditionValues: (any SQLiteBindable)?...) throws -> Bool {
        let values = withChangeStamp(values, in: context)
        let names = orderedNames(values)
        let assignments = names.map { "\($0) = ?" }.joined(separator: ", ")
        let narrowed = condition.map { " AND (\($0))" } ?? ""
        let statement = try context.db.cached("UPDATE \(table) SET \(assignments) WHERE id = ?\(narrowed)")
        let bound: [(any SQLiteBindable)?] = names.map { values[$0] ?? nil } + [id] + conditionValues
        try statement.bind(bound)
        try statement.execute()
        context.touch(table, id)
        return context.db.changes > 0
    }

    /// Fills the named columns of row `id` that are NULL, never overwriting a stored value
    /// (`column = coalesce(column, ?)`); the row changes (and is stamped and touched) only when
    /// some value given fills a column that was empty. Returns whether it changed.
    @discardableResult
    static func fill(id: Int64, with values: ColumnValues, in context: WriteContext) throws -> Bool {
        let names = orderedNames(values)
        let stamp = withChangeStamp([:], in: context)
        let stampNames = orderedNames(stamp)
        let assignments = names.map { "\($0) = coalesce(\($0), ?)" } + stampNames.map { "\($0) = ?" }
        let fillsSomething = names.map { "(\($0) IS NULL AND ? IS NOT NULL)" }.joined(separator: " OR ")
        let statement = try context.db.cached("""
            UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ? AND (\(fillsSomething))
            """)
        let given: [(any SQLiteBindable)?] = names.map { values[$0] ?? nil }
        let stamped: [(any SQLiteBindable)?] = stampNames.map { stamp[$0] ?? nil }
        try statement.bind(given + stamped + [id] + given)
        try statement.execute()
        guard context.db.changes > 0 else { return false }
        context.touch(table, id)
        return true
    }

    /// The names in `values`, in the table's column order, so each update's SQL text (and its
    /// cached statement) is the same every time. The id is never updated.
    private static func orderedNames(_ values: ColumnValues) -> [String] {
        let known = columnNames
        for name in values.keys {
            precondition(name != "id" && known.contains(name), "\(table) has no updatable column \(name)")
        }
        return known.filter { values.keys.contains($0) }
    }

    /// `values` plus `updated_at` and `updated_by` (this write's time and actor) for a record
    /// that has them and a caller that did not give them.
    private static func withChangeStamp(_ values: ColumnValues, in context: WriteContext) -> ColumnValues {
        let known = columnNames
        guard known.contains("updated_at"), known.contains("updated_by") else { return values }
        var stamped = values
        if stamped["updated_at"] == nil { stamped["updated_at"] = context.now.iso8601 }
        if stamped["updated_by"] == nil { stamped["updated_by"] = .some(context.actor.id.map { $0 as any SQLiteBindable }) }
        return stamped
    }
}
