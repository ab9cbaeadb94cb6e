import Crypto
import SQLite

/// Compares every audited row with the fingerprint its last audit entry recorded, to find rows
/// changed, inserted or deleted behind the tool's back (e.g. with the sqlite3 shell).
///
/// Rows written by `detainer import` are fingerprinted per import, not per row: the import's
/// audit entry records the row count and one SHA-256 over all its rows in id order.
enum TamperCheck {
    struct Finding: Equatable, CustomStringConvertible {
        enum Kind: String { case changed, inserted, deleted }
        let table: String
        /// The row's key: its id, or a setting's name.
        let key: String
        let kind: Kind
        /// The audit row that last vouched for this record (nil for a row no entry knows).
        let auditID: Int64?

        var description: String {
            switch kind {
            case .changed: return "\(table) row \(key) was changed outside detainer (last audited in audit row \(auditID ?? 0))"
            case .deleted: return "\(table) row \(key) was deleted outside detainer (recorded in audit row \(auditID ?? 0))"
            case .inserted: return "\(table) row \(key) was inserted outside detainer (no audit row records it)"
            }
        }
    }

    /// Tables whose imported rows are covered by an import-level fingerprint.
    static let importedTables: Set<String> = ["persons", "custody_cases", "pending_charges", "detainers"]

    static func run(_ db: Connection) throws -> [Finding] {
        var expected: [String: (digest: String, auditID: Int64)] = [:]
        try db.prepare("""
            SELECT a.id, json_extract(r.value, '$.table'), json_extract(r.value, '$.id'), json_extract(r.value, '$.digest')
            FROM audit_log AS a, json_each(a.payload, '$.rows') AS r
            ORDER BY a.id
            """).forEachRow { row in
            let key = "\(row.string(1) ?? ""):\(row.string(2) ?? "")"
            // A null digest: the write that recorded it deleted the row (identity tables).
            if row.isNull(3) { expected[key] = nil } else { expected[key] = (row.string(3) ?? "", row.int64(0)) }
        }
        var importExpected: [String: (count: Int64, digest: String, auditID: Int64)] = [:]
        try db.prepare("""
            SELECT a.id, json_extract(r.value, '$.table'), json_extract(r.value, '$.importID'),
                   json_extract(r.value, '$.count'), json_extract(r.value, '$.digest')
            FROM audit_log AS a, json_each(a.payload, '$.imported') AS r
            ORDER BY a.id
            """).forEachRow { row in
            importExpected["\(row.string(1) ?? ""):\(row.int64(2))"] = (row.int64(3), row.string(4) ?? "", row.int64(0))
        }

        var findings: [Finding] = []
        for table in RowDigest.auditedTables {
            let imported = importedTables.contains(table)
            var aggregates: [Int64: (hasher: SHA256, count: Int64, firstID: Int64)] = [:]
            let statement = try db.prepare("SELECT * FROM \(table) ORDER BY id")
            let importColumn = imported ? try statement.columnIndex("import_id") : -1
            var encoder = RowEncoder(table: table, statement: statement)
            try statement.forEachRow { row in
                let id = row.int64(0)
                if imported, !row.isNull(importColumn) {
                    let importID = row.int64(importColumn)
                    var entry = aggregates[importID] ?? (SHA256(), 0, id)
                    encoder.update(&entry.hasher, row: row)
                    entry.count += 1
                    aggregates[importID] = entry
                    return
                }
                let key = "\(table):\(id)"
                guard let want = expected.removeValue(forKey: key) else {
                    findings.append(Finding(table: table, key: String(id), kind: .inserted, auditID: nil))
                    return
                }
                if encoder.digest(row) != want.digest {
                    findings.append(Finding(table: table, key: String(id), kind: .changed, auditID: want.auditID))
                }
            }
            for (importID, entry) in aggregates {
                let key = "\(table):\(importID)"
                guard let want = importExpected.removeValue(forKey: key) else {
                    findings.append(Finding(table: table, key: String(entry.firstID), kind: .inserted, auditID: nil))
                    continue
                }
                if entry.count != want.count || Array(entry.hasher.finalize()).hexString != want.digest {
                    findings.append(Finding(table: table, key: String(entry.firstID), kind: .changed, auditID: want.auditID))
                }
            }
        }
        for table in IdentityTable.all {
            let statement = try db.prepare("\(table.select) ORDER BY \(table.key)")
            var encoder = RowEncoder(table: table.name, statement: statement)
            try statement.forEachRow { row in
                let digest = encoder.digest(row)
                let id = row.string(0) ?? ""
                guard let want = expected.removeValue(forKey: "\(table.name):\(id)") else {
                    findings.append(Finding(table: table.name, key: id, kind: .inserted, auditID: nil))
                    return
                }
                if digest != want.digest {
                    findings.append(Finding(table: table.name, key: id, kind: .changed, auditID: want.auditID))
                }
            }
        }
        for (key, want) in expected {
            let parts = key.split(separator: ":", maxSplits: 1)
            findings.append(Finding(table: String(parts[0]), key: parts.count > 1 ? String(parts[1]) : "", kind: .deleted, auditID: want.auditID))
        }
        for (key, want) in importExpected where want.count > 0 {
            let parts = key.split(separator: ":", maxSplits: 1)
            findings.append(Finding(table: String(parts[0]), key: parts.count > 1 ? String(parts[1]) : "", kind: .deleted, auditID: want.auditID))
        }
        return findings.sorted { ($0.auditID ?? Int64.max, $0.table, $0.key.count, $0.key) < ($1.auditID ?? Int64.max, $1.table, $1.key.count, $1.key) }
    }
}
