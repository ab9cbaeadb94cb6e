import CSQLite
import CSQLiteObservers

/// One connection to an SQLite database file. Not thread-safe and not Sendable: a command owns
/// its connection for its whole run, so concurrency comes from processes, which SQLite's file
/// locking (WAL + busy timeout) arbitrates.
public final class Connection {
    let handle: OpaquePointer
    public let path: String
    public let options: ConnectionOptions
    private var statementCache: [String: Statement] = [:]
    private var keyedStatements: [StatementKey: Statement] = [:]
    private var isOpen = true
    var savepointDepth = 0

    /// STRICT tables arrived in 3.37.0.
    public static let minimumLibraryVersion: Int32 = 3_037_000

    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Process-wide settings, applied once before the first connection opens.
    private static let libraryConfigured: Bool = {
        _ = csqlite_disable_memory_statistics()
        // Notes the errno of failed reads and locks, which SQLite itself does not keep
        // (SQLiteError words them as I/O errors; the busy handler stops waiting on them).
        _ = csqlite_install_io_observers()
        return true
    }()

    public init(path: String, options: ConnectionOptions = .init()) throws {
        _ = Self.libraryConfigured
        guard sqlite3_libversion_number() >= Self.minimumLibraryVersion else {
            throw ConnectionError.libraryTooOld(found: Self.libraryVersion, required: "3.37.0")
        }
        // NOMUTEX: a connection is used by one thread at a time (it is not Sendable), so SQLite's
        // per-call connection mutex is pure overhead.
        var flags: Int32 = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX
        switch options.mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var target = path
        if options.immutable {
            flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            target = Self.immutableURI(path)
        }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(target, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let error = SQLiteError(connection: db, fallbackCode: rc)
            sqlite3_close_v2(db)
            throw error
        }
        self.handle = db
        self.path = path
        self.options = options
        do {
            try configure()
        } catch {
            isOpen = false
            sqlite3_close_v2(db)
            throw error
        }
    }

    /// `file:` URI for `path` with `immutable=1`; characters special in URIs are escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                escaped += "%" + String(byte, radix: 16, uppercase: true)
            default:
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    deinit {
        if isOpen {
            statementCache.removeAll()
            keyedStatements.removeAll()
            sqlite3_close_v2(handle)
        }
    }

    /// Closes the connection now. Statements still referenced elsewhere keep the underlying
    /// handle alive until they are released (`sqlite3_close_v2`), so nothing dangles.
    public func close() throws {
        guard isOpen else { return }
        statementCache.removeAll()
        keyedStatements.removeAll()
        let rc = sqlite3_close_v2(handle)
        isOpen = false
        if rc != SQLITE_OK { throw SQLiteError(code: rc, sql: nil) }
    }

    private func configure() throws {
        sqlite3_extended_result_codes(handle, 1)
        // sqlite3_busy_timeout's schedule, but it stops at once when a lock call failed
        // for another reason than a lock held elsewhere (the file system refusing locks).
        _ = csqlite_set_busy_timeout(handle, options.busyTimeoutMilliseconds)
        _ = csqlite_disable_double_quoted_strings(handle)
        _ = csqlite_enable_defensive(handle)
        try checkApplicationID()
        if options.walJournal && options.mode != .readOnly && !options.immutable {
            let mode = try pragmaText("journal_mode = WAL") ?? ""
            guard mode.lowercased() == "wal" else {
                throw ConnectionError.journalModeRefused(path: path, got: mode)
            }
        }
        try execute("PRAGMA synchronous = \(options.synchronous.rawValue)")
        try execute("PRAGMA foreign_keys = \(options.foreignKeys ? "ON" : "OFF")")
    }

    private func checkApplicationID() throws {
        guard let expected = options.applicationID else { return }
        let found: Int32
        do {
            found = Int32(truncatingIfNeeded: try scalarInt("PRAGMA application_id") ?? 0)
        } catch let error as SQLiteError where error.category == .notADatabase {
            throw ConnectionError.notADatabase(path: path)
        }
        if found == expected { return }
        if found != 0 { throw ConnectionError.foreignDatabase(path: path, applicationID: found) }
        let objects = try scalarInt("SELECT count(*) FROM sqlite_schema") ?? 0
        guard objects == 0 else { throw ConnectionError.unstampedDatabase(path: path) }
        if options.mode != .readOnly {
            try execute("PRAGMA application_id = \(expected)")
        }
    }

    // MARK: Statements

    /// Prepares a one-off statement.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(db: handle, sql: sql, persistent: false)
    }

    /// Returns the connection's cached statement for `sql`, reset and with cleared bindings.
    /// Use it for statements run many times; do not hold two uses of the same SQL at once.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try Statement(db: handle, sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// A statement whose SQL is built from a Swift type (a record's INSERT over its columns),
    /// kept under that type instead of its text, so a caller in a loop neither rebuilds the
    /// text nor hashes it: `sql` runs only the first time. Reset, bindings cleared.
    public func cached(_ key: StatementKey, sql: () -> String) throws -> Statement {
        if let statement = keyedStatements[key] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try Statement(db: handle, sql: sql(), persistent: true)
        keyedStatements[key] = statement
        return statement
    }

    /// Number of statements held in the cache (for tests and diagnostics).
    public var cachedStatementCount: Int { statementCache.count + keyedStatements.count }

    /// Number of statements currently prepared on this connection, cached or not.
    public var liveStatementCount: Int {
        var count = 0
        var statement = sqlite3_next_stmt(handle, nil)
        while let current = statement {
            count += 1
            statement = sqlite3_next_stmt(handle, current)
        }
        return count
    }

    /// Runs one or more SQL statements that take no parameters (schema scripts, pragmas).
    public func execute(_ sql: String) throws {
        try sql.withCString { start in
            var cursor: UnsafePointer<CChar>? = start
            while let current = cursor, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(handle, current, -1, &statement, &tail)
                let text = tail.map { String(decoding: UnsafeRawBufferPointer(start: current, count: current.distance(to: $0)), as: UTF8.self) }
                guard rc == SQLITE_OK else {
                    throw SQLiteError(connection: handle, sql: text?.trimmingSpaces ?? sql, fallbackCode: rc)
                }
                defer { sqlite3_finalize(statement) }
                if let statement {
                    var step = sqlite3_step(statement)
                    while step == SQLITE_ROW { step = sqlite3_step(statement) }
                    guard step == SQLITE_DONE else {
                        throw SQLiteError(connection: handle, sql: text?.trimmingSpaces ?? sql, fallbackCode: step)
                    }
                }
                cursor = tail
            }
        }
    }

    /// Runs a statement with positional parameters and no result rows.
    public func run(_ sql: String, _ values: (any SQLiteBindable)?...) throws {
        let statement = try cached(sql)
        try statement.bind(values)
        try statement.execute()
    }

    /// First column of the first row, as an integer (nil when no row or NULL).
    public func scalarInt(_ sql: String, _ values: (any SQLiteBindable)?...) throws -> Int64? {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.first { $0.optionalInt64(0) } ?? nil
    }

    /// First column of the first row, as text (nil when no row or NULL).
    public func scalarText(_ sql: String, _ values: (any SQLiteBindable)?...) throws -> String? {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.first { $0.string(0) } ?? nil
    }

    func pragmaText(_ pragma: String) throws -> String? {
        try scalarText("PRAGMA \(pragma)")
    }

    // MARK: State

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Current `PRAGMA journal_mode`, lowercased.
    public func journalMode() throws -> String { (try pragmaText("journal_mode") ?? "").lowercased() }

    public func foreignKeysEnabled() throws -> Bool { try scalarInt("PRAGMA foreign_keys") == 1 }

    public func applicationID() throws -> Int32 {
        Int32(truncatingIfNeeded: try scalarInt("PRAGMA application_id") ?? 0)
    }

    public func userVersion() throws -> Int { Int(try scalarInt("PRAGMA user_version") ?? 0) }

    /// `PRAGMA data_version`: changes whenever another connection (in any process) commits to
    /// the database, never for this connection's own commits. The pragma itself reads nothing,
    /// so the header is read first (`schema_version`): the value is then that of the snapshot
    /// being read (inside a transaction, the transaction's), never one left from an earlier read.
    public func dataVersion() throws -> Int64 {
        _ = try cached("PRAGMA schema_version").first { $0.int64(0) }
        return try cached("PRAGMA data_version").first { $0.int64(0) } ?? 0
    }
}

@available(*, unavailable)
extension Connection: Sendable {}

/// The key of a statement cached by the Swift type that builds its SQL, and a variant of it.
public struct StatementKey: Hashable {
    let type: ObjectIdentifier
    let variant: Int

    public init(_ type: Any.Type, variant: Int = 0) {
        self.type = ObjectIdentifier(type)
        self.variant = variant
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
