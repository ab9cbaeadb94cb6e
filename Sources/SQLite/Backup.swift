import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Connection {
    /// Copies this database with the online backup API into a new file at `temporary`, in one
    /// step: the copy is the snapshot of one read transaction, so writers in other processes
    /// (which WAL lets go on) never restart it and it takes as long as an idle copy (issue 27
    /// §1b; a step of N pages was restarted by every write from another process).
    ///
    /// The copy is left in rollback-journal mode (no `-wal`/`-shm` appear beside it when it is
    /// opened to be checked) and fsynced. Nothing else: the caller checks it and renames it into
    /// place. On any failure the temporary file and every file SQLite made beside it are
    /// removed before the error is thrown.
    ///
    /// - Returns: the number of pages copied.
    public func backup(into temporary: String) throws -> Int {
        // Created by us first, exclusively and owner-only: SQLite would create it with the
        // umask's mode, and a backup holds every record.
        let placeholder = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard placeholder >= 0 else {
            let code = errno
            throw SQLiteError(extendedCode: code == ENOSPC || code == EDQUOT ? SQLITE_FULL : SQLITE_CANTOPEN,
                              message: "\(temporary): \(String(cString: strerror(code)))", systemErrno: code)
        }
        fchmod(placeholder, 0o600)
        Glibc.close(placeholder)
        var target: OpaquePointer?
        var finished = false
        defer {
            if !finished {
                if let target { sqlite3_close_v2(target) }
                Self.removeCopy(temporary)
            }
        }
        let openCode = sqlite3_open_v2(temporary, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, nil)
        guard openCode == SQLITE_OK, let copy = target else { throw SQLiteError(connection: target, fallbackCode: openCode) }
        // No journal while copying into a file nobody else knows about: a failure removes it.
        try Self.exec(copy, "PRAGMA journal_mode = OFF")
        guard let backup = sqlite3_backup_init(copy, "main", handle, "main") else {
            throw SQLiteError(connection: copy)
        }
        // -1: all pages in one step, under one read transaction on the source. BUSY/LOCKED can
        // only come from taking that read lock; retry within the connection's busy timeout.
        var rc: Int32
        var waited: Int32 = 0
        repeat {
            rc = sqlite3_backup_step(backup, -1)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED {
                sqlite3_sleep(25)
                waited += 25
            }
        } while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < options.busyTimeoutMilliseconds
        let pages = Int(sqlite3_backup_pagecount(backup))
        let finish = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE, finish == SQLITE_OK else {
            throw SQLiteError(connection: copy, fallbackCode: rc == SQLITE_DONE ? finish : rc)
        }
        // The copied header says WAL; make the copy a self-contained rollback-journal file.
        try Self.exec(copy, "PRAGMA journal_mode = DELETE")
        let closeCode = sqlite3_close_v2(copy)
        target = nil
        guard closeCode == SQLITE_OK else { throw SQLiteError(code: closeCode, sql: nil) }
        try Self.fsyncFile(temporary)
        finished = true
        return pages
    }

    /// Removes a copy that did not make it and every file SQLite may have made beside it.
    public static func removeCopy(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    private static func exec(_ db: OpaquePointer, _ sql: String) throws {
        let rc = sqlite3_exec(db, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw SQLiteError(connection: db, sql: sql, fallbackCode: rc) }
    }

    /// fsync(2) of a file's data, as an I/O error naming it.
    static func fsyncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError(path, "cannot open to sync", errno) }
        defer { Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw ioError(path, "cannot sync to disk", errno) }
    }

    static func ioError(_ path: String, _ what: String, _ code: Int32) -> SQLiteError {
        let primary = code == ENOSPC || code == EDQUOT ? SQLITE_FULL : SQLITE_IOERR
        return SQLiteError(extendedCode: primary, message: "\(path): \(what): \(String(cString: strerror(code)))", systemErrno: code)
    }
}
