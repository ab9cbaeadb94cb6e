#ifndef DETAINER_CSQLITE_OBSERVERS_H
#define DETAINER_CSQLITE_OBSERVERS_H

#include <sqlite3.h>
#include <stdint.h>

// See observers.c: the errno of SQLite's failed reads and locks, which SQLite does not keep.

/// Wraps the unix VFS's read/pread/pread64/fcntl once; call before the first connection opens.
int csqlite_install_io_observers(void);
/// The errno of a failed read noted within the last `window_ms` (consumed; 0 when none).
int csqlite_take_read_errno(int64_t window_ms);
/// The errno of a failed lock (not contention) noted within the last `window_ms` (consumed; 0 when none).
int csqlite_take_lock_errno(int64_t window_ms);
/// sqlite3_busy_timeout's schedule, stopping at once after a failed lock call.
int csqlite_set_busy_timeout(sqlite3 *db, int milliseconds);

#endif
