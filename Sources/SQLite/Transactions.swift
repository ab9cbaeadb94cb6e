import CSQLite

/// Transactions. A writer always starts with `BEGIN IMMEDIATE`: it takes the write lock up front
/// (waiting up to the busy timeout), so a transaction never fails half-way with SQLITE_BUSY
/// when it tries to upgrade a read lock.
extension Connection {
    public enum TransactionError: Error, Equatable, CustomStringConvertible {
        case nested

        public var description: String {
            "a transaction is already open on this connection; use savepoint() to nest"
        }
    }

    /// Runs `body` in a write transaction: commits when it returns, rolls back when it throws.
    /// The body's error is rethrown even if the rollback also fails.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try transaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in a read transaction: every read sees one consistent snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try transaction(begin: "BEGIN DEFERRED", body)
    }

    private func transaction<T>(begin: String, _ body: () throws -> T) throws -> T {
        guard !isInTransaction else { throw TransactionError.nested }
        try execute(begin)
        let result: T
        do {
            result = try body()
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        do {
            try execute("COMMIT")
        } catch let error as SQLiteError {
            rollbackIgnoringErrors()
            throw begin == "BEGIN IMMEDIATE" && error.commitMayHaveLanded ? UncertainCommit(cause: error) : error
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        if begin == "BEGIN IMMEDIATE" { Self.noteCommit() }
        return result
    }

    /// Runs `body` in a savepoint nested inside the current transaction: when it throws, only
    /// its own changes are undone. Outside a transaction it behaves like `write`.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        guard isInTransaction else { return try write(body) }
        savepointDepth += 1
        let name = "sp\(savepointDepth)"
        defer { savepointDepth -= 1 }
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            // ROLLBACK TO leaves the savepoint open; RELEASE closes it.
            try? execute("ROLLBACK TO SAVEPOINT \(name)")
            try? execute("RELEASE SAVEPOINT \(name)")
            throw error
        }
    }

    private func rollbackIgnoringErrors() {
        // SQLite may already have rolled back (e.g. after SQLITE_FULL); only roll back if open.
        if isInTransaction { try? execute("ROLLBACK") }
    }
}
