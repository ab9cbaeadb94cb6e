import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Connection {
    /// Copies this database, page by page with the online backup API, into a new file at
    /// `destination` while other connections keep reading and writing. The copy is written to a
    /// temporary file beside the destination and renamed into place only when complete, so a
    /// crash never leaves a half-written backup under the real name.
    ///
    /// - Parameter progress: called after each step with (pages remaining, total pages).
    public func backup(to destination: String, pagesPerStep: Int32 = 4096,
                       progress: ((Int, Int) -> Void)? = nil) throws {
        let temporary = destination + ".partial-\(getpid())"
        unlink(temporary)
        // Created by us first, owner-only: SQLite would create it with the umask's mode, and a
        // backup holds every record.
        let placeholder = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if placeholder >= 0 { fchmod(placeholder, 0o600); Glibc.close(placeholder) }
        var target: OpaquePointer?
        let openCode = sqlite3_open_v2(temporary, &target,
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, nil)
        guard openCode == SQLITE_OK, let target else {
            let error = SQLiteError(connection: target, fallbackCode: openCode)
            sqlite3_close_v2(target)
            throw error
        }
        var finished = false
        defer {
            if !finished {
                sqlite3_close_v2(target)
                unlink(temporary)
                unlink(temporary + "-wal")
                unlink(temporary + "-shm")
            }
        }
        guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
            throw SQLiteError(connection: target)
        }
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(backup, pagesPerStep)
            progress?(Int(sqlite3_backup_remaining(backup)), Int(sqlite3_backup_pagecount(backup)))
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(25) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE, finish == SQLITE_OK else {
            throw SQLiteError(connection: target, fallbackCode: rc == SQLITE_DONE ? finish : rc)
        }
        // Fold the copy's WAL into the main file so the backup is one self-contained file.
        sqlite3_wal_checkpoint_v2(target, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil)
        let closeCode = sqlite3_close_v2(target)
        guard closeCode == SQLITE_OK else { throw SQLiteError(code: closeCode, sql: nil) }
        finished = true
        unlink(temporary + "-wal")
        unlink(temporary + "-shm")
        guard rename(temporary, destination) == 0 else {
            let code = errno
            unlink(temporary)
            throw SQLiteError(extendedCode: SQLITE_IOERR, message: "could not move the backup into place: \(String(cString: strerror(code)))")
        }
    }
}
