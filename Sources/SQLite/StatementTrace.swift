import CSQLite

extension Connection {
    /// Runs `body` and returns, beside its result, the SQL text of every statement it ran on
    /// this connection, in order (each time it ran; trigger programs are left out). For tests
    /// and diagnostics: `EXPLAIN QUERY PLAN` of everything one operation does.
    public func statementsRun<T>(during body: () throws -> T) throws -> (result: T, statements: [String]) {
        let log = StatementLog()
        let context = Unmanaged.passRetained(log)
        defer {
            sqlite3_trace_v2(handle, 0, nil, nil)
            context.release()
        }
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, context, _, text in
            // The text of a statement as prepared; a trigger's start comes as "-- TRIGGER name".
            guard let context, let text else { return 0 }
            let sql = String(cString: text.assumingMemoryBound(to: CChar.self))
            if !sql.hasPrefix("--") { Unmanaged<StatementLog>.fromOpaque(context).takeUnretainedValue().statements.append(sql) }
            return 0
        }, context.toOpaque())
        let result = try body()
        return (result, log.statements)
    }
}

private final class StatementLog {
    var statements: [String] = []
}
