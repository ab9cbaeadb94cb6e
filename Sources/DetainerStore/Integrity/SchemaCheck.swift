import SQLite

/// Compares the database's schema — every table, index, trigger and view, by its SQL text —
/// with the schema the embedded migrations produce (issue 13 §3), so a same-named no-op
/// trigger, a dropped guard or a CHECK removed through `writable_schema` is named.
enum SchemaCheck {
    struct Object: Hashable {
        let type: String
        let name: String
    }

    /// The reference: the embedded migrations applied to an empty in-memory database.
    static func reference() throws -> [Object: String] {
        let memory = try Connection(path: ":memory:", options: ConnectionOptions(mode: .create, walJournal: false))
        try Schema.migrator.migrate(memory, now: { "2000-01-01T00:00:00Z" })
        return try objects(memory)
    }

    static func objects(_ db: Connection) throws -> [Object: String] {
        var result: [Object: String] = [:]
        try db.prepare("SELECT type, name, sql FROM sqlite_schema").forEachRow { row in
            result[Object(type: row.string(0) ?? "", name: row.string(1) ?? "")] = normalise(row.string(2) ?? "")
        }
        return result
    }

    /// Whitespace runs become one space: formatting is not a difference, anything else is.
    static func normalise(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Litestream's bookkeeping (issue 27 §3: continuous replication, README "Deployment"): it
    /// adds these two tables, exactly so, to every database it replicates. They hold no records
    /// and nothing reads them; any other definition under these names is still reported.
    static let replicationTables: [String: String] = [
        "_litestream_lock": "CREATE TABLE _litestream_lock (id INTEGER)",
        "_litestream_seq": "CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER)",
    ]

    static func differences(_ db: Connection) throws -> [String] {
        let expected = try reference()
        let actual = try objects(db)
        var problems: [String] = []
        for (object, sql) in expected.sorted(by: { ($0.key.type, $0.key.name) < ($1.key.type, $1.key.name) }) {
            guard let found = actual[object] else {
                problems.append("\(object.type) \(object.name) is missing")
                continue
            }
            if found != sql { problems.append("\(object.type) \(object.name) differs from the migrations' definition: \(found.prefix(160))") }
        }
        for object in actual.keys.sorted(by: { ($0.type, $0.name) < ($1.type, $1.name) })
        where expected[object] == nil && replicationTables[object.name] != actual[object] {
            problems.append("\(object.type) \(object.name) is not part of the schema (added outside detainer)")
        }
        return problems
    }
}
