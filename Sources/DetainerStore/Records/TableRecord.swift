import Crypto
import DetainerDomain
import SQLite

/// Where a column appears in `detainer export` (a documented contract whose column order never
/// changes): `core` columns are the published ones, section by section (detainer, person, custody
/// case); a column added later is `appended`, after every core column, so old readers keep working.
enum ExportPlacement: Sendable, Equatable {
    case none, core, appended
}

/// How `detainer show` (table form) prints a column: the bespoke layout prints it by name
/// (`layout`), it is internal bookkeeping (`hidden`), or it is printed generically as
/// "label: value" (`listed`), which is how a new column appears without touching the printer.
enum ShowPlacement: Sendable, Equatable {
    case layout, hidden
    case listed(String)
}

/// One column of a table: its name, where it is exported and shown, and how a record's value is
/// stored and read back. Built from a key path, so the column and the Swift property cannot
/// disagree about the type.
struct Column<Record: Sendable>: Sendable {
    let name: String
    let export: ExportPlacement
    let show: ShowPlacement
    /// What a valid value looks like, for messages.
    let expected: String
    let read: @Sendable (Record) -> SQLiteValue
    /// False when the stored value is not one the property's type can hold.
    let write: @Sendable (inout Record, SQLiteValue) -> Bool

    init<Value: ColumnValue>(_ name: String, _ path: WritableKeyPath<Record, Value> & Sendable,
                             export: ExportPlacement = .core, show: ShowPlacement = .layout) {
        self.name = name
        self.export = export
        self.show = show
        expected = Value.expected
        read = { $0[keyPath: path].stored }
        write = { record, value in
            guard let decoded = Value(stored: value) else { return false }
            record[keyPath: path] = decoded
            return true
        }
    }
}

/// A row of one table as a typed Swift value. `columns` is the table's one definition: it lists
/// every column once, in the table's own order (`RecordSchemaTests` compares it with
/// `PRAGMA table_info` of the migrated schema), and drives insert, decode, `show`, export and the
/// import fingerprint. Adding a column is an edit here plus a migration.
protocol TableRecord: Sendable {
    static var table: String { get }
    static var columns: [Column<Self>] { get }
    /// The row id; nil until inserted.
    var id: Int64? { get set }
    /// A blank record that decoding fills column by column (every column is assigned or the
    /// decode fails, so these starting values never reach a caller).
    init()
}

extension TableRecord {
    static var columnNames: [String] { columns.map(\.name) }

    /// `a.c1, a.c2, …` in column order, for a SELECT that decodes with `init(row:at:)`.
    static func selectList(_ alias: String? = nil) -> String {
        columns.map { column in alias.map { "\($0).\(column.name)" } ?? column.name }.joined(separator: ", ")
    }

    /// Decodes the current row of `statement`, whose columns from `offset` on are `selectList()`.
    /// A value the record cannot hold is an error naming the table, the column and the row.
    init(row statement: Statement, at offset: Int32 = 0) throws {
        self.init()
        let columns = Self.columns
        for (index, column) in columns.enumerated() {
            let value = statement.value(offset + Int32(index))
            guard column.write(&self, value) else {
                let idIndex = columns.firstIndex { $0.name == "id" }
                let rowID = idIndex.flatMap { statement.optionalInt64(offset + Int32($0)) }
                throw StoreError.badStoredValue(table: Self.table, column: column.name, rowID: rowID, value: Self.describe(value))
            }
        }
    }

    private static func describe(_ value: SQLiteValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): "\"\(v.prefix(80))\""
        case .blob(let v): "a \(v.count)-byte blob"
        }
    }

    /// Every record of the table matching `condition` (SQL over the table's own columns, with
    /// `?` parameters), in `order`.
    static func fetchAll(_ db: Connection, where condition: String, _ values: (any SQLiteBindable)?..., orderBy order: String = "id") throws -> [Self] {
        let statement = try db.cached("SELECT \(selectList()) FROM \(table) WHERE \(condition) ORDER BY \(order)")
        try statement.bind(values)
        return try statement.map { try Self(row: $0) }
    }

    static func fetch(_ db: Connection, id: Int64) throws -> Self? {
        try fetchAll(db, where: "id = ?", id).first
    }

    /// Sets `column` from text (a CSV cell; nil is NULL): as text if the column's type reads it,
    /// else as a whole number. Nil when neither gives a valid value.
    @discardableResult
    mutating func set(_ column: Column<Self>, text: String?) -> Bool {
        guard let text else { return column.write(&self, .null) }
        if column.write(&self, .text(text)) { return true }
        // A flag exported as true/false (issue 25 §3; older exports wrote 1/0).
        if column.expected.hasPrefix(Bool.expected) {
            switch text.lowercased() {
            case "true": return column.write(&self, .integer(1))
            case "false": return column.write(&self, .integer(0))
            default: break
            }
        }
        if let number = Int64(text) { return column.write(&self, .integer(number)) }
        return false
    }

    static func column(_ name: String) -> Column<Self> {
        guard let column = columns.first(where: { $0.name == name }) else { preconditionFailure("\(table) has no column \(name)") }
        return column
    }

    /// The values in column order, as they are stored.
    public var storedValues: [SQLiteValue] { Self.columns.map { $0.read(self) } }

    /// Column name → value, as `show --format json` prints a row (before camel-casing keys).
    public var jsonObject: [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        for column in Self.columns { object[column.name] = column.read(self).json }
        return object
    }

    /// `INSERT INTO table (…) VALUES (?, …)` over every column; the id is left to SQLite unless
    /// `withID` (imports that keep the ids of an export).
    static func insertSQL(withID: Bool) -> String {
        let names = columns.map(\.name).filter { withID || $0 != "id" }
        return "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))"
    }

    /// Binds the values for `insertSQL(withID:)`.
    func bind(to statement: Statement, withID: Bool) throws {
        var index: Int32 = 1
        for column in Self.columns where withID || column.name != "id" {
            try statement.bind(column.read(self), at: index)
            index += 1
        }
    }

    /// Inserts the record and sets its id (the one it had, with `withID`, or SQLite's). The
    /// statement is kept under the record type: its text is built once per connection.
    mutating func insert(into db: Connection, withID: Bool = false) throws {
        let statement = try db.cached(StatementKey(Self.self, variant: withID ? 1 : 0)) { Self.insertSQL(withID: withID) }
        try bind(to: statement, withID: withID)
        try statement.execute()
        id = db.lastInsertRowID
    }

    /// Feeds the record, encoded exactly as `RowEncoder` encodes the stored row it becomes, into
    /// `hasher`, so an import can fingerprint what it writes without reading it back. Relies on
    /// `columns` being in table order (`RecordSchemaTests`).
    func fingerprint(into hasher: inout SHA256, buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        RowEncoder.appendField(&buffer, Array(Self.table.utf8))
        for (index, column) in Self.columns.enumerated() {
            RowEncoder.append(column.read(self), position: index, into: &buffer)
        }
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }
}

extension TableRecord {
    /// The digest `RowDigest` computes for the stored row this record is.
    public var rowDigest: String {
        var hasher = SHA256()
        var buffer: [UInt8] = []
        fingerprint(into: &hasher, buffer: &buffer)
        return Array(hasher.finalize()).hexString
    }
}

/// A record read with the name of the user who wrote it (reviews, status changes, contacts …),
/// as `show` lists them: the row's own columns plus `actor`.
public struct WithActor<Record: Sendable>: Sendable {
    public let record: Record
    public let actor: String
}

extension WithActor where Record: TableRecord {
    /// Every row of `Record` (alias `r`) matching `condition`, joined to its actor's name.
    static func fetchAll(_ db: Connection, where condition: String, _ values: (any SQLiteBindable)?..., orderBy order: String = "r.id") throws -> [Self] {
        let statement = try db.cached("""
            SELECT \(Record.selectList("r")), u.name FROM \(Record.table) AS r JOIN users AS u ON u.id = r.actor_id
            WHERE \(condition) ORDER BY \(order)
            """)
        try statement.bind(values)
        let actorIndex = Int32(Record.columns.count)
        return try statement.map { row in
            WithActor(record: try Record(row: row), actor: row.string(actorIndex) ?? "")
        }
    }

    /// The row as `show --format json` prints it: its columns but `omitting`, plus `actor`.
    func jsonObject(omitting: Set<String> = []) -> [String: JSONValue] {
        var object = record.jsonObject.filter { !omitting.contains($0.key) }
        object["actor"] = .string(actor)
        return object
    }
}

extension WriteContext {
    /// The user row a written record names as its author (`created_by`, `actor_id`); an actor
    /// with no user row cannot write records (the schema refuses it too).
    var actorID: Int64 {
        get throws {
            guard let id = actor.id else { throw PermissionDenied(message: "\(actor.name) is not a user of this database and cannot write records") }
            return id
        }
    }
}
