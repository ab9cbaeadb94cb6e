// I/O observers (issue 27 §1.5, §1.6). SQLite words a failed read(2) of a page as "database disk
// image is malformed" (SQLITE_CORRUPT, no errno kept), and a failed fcntl(2) lock of the -shm
// file as SQLITE_BUSY (so it waits out the busy timeout, then looks like another writer). The
// unix VFS lets a program replace the system calls it uses (xSetSystemCall); these wrappers call
// the original and only note the errno of a failure, so the Swift layer can tell the user the
// disk failed, and the busy handler can stop waiting for a lock no other process holds.
#define _GNU_SOURCE
#include "CSQLiteObservers.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static sqlite3_syscall_ptr csqlite_real_read, csqlite_real_pread, csqlite_real_pread64, csqlite_real_fcntl;
static int csqlite_read_errno, csqlite_lock_errno;
static int64_t csqlite_read_failed_at, csqlite_lock_failed_at;  // CLOCK_MONOTONIC, ms; 0: never

static int64_t csqlite_now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000 + 1;
}

static void csqlite_note(int *slot, int64_t *at, int code) {
    __atomic_store_n(slot, code, __ATOMIC_RELAXED);
    __atomic_store_n(at, csqlite_now_ms(), __ATOMIC_RELEASE);
}

// The errno of a failure noted within the last `window_ms`, consumed (0 when none).
static int csqlite_take(int *slot, int64_t *at, int64_t window_ms) {
    int64_t when = __atomic_exchange_n(at, 0, __ATOMIC_ACQ_REL);
    if (when == 0 || csqlite_now_ms() - when > window_ms) return 0;
    return __atomic_load_n(slot, __ATOMIC_RELAXED);
}

int csqlite_take_read_errno(int64_t window_ms) { return csqlite_take(&csqlite_read_errno, &csqlite_read_failed_at, window_ms); }
int csqlite_take_lock_errno(int64_t window_ms) { return csqlite_take(&csqlite_lock_errno, &csqlite_lock_failed_at, window_ms); }

static int csqlite_is_device_failure(int code) {
    switch (code) {
    case EIO: case ENOLCK: case ENOSPC: case EDQUOT: case EROFS: case ESTALE: case ENXIO: return 1;
    default: return 0;
    }
}

static void csqlite_note_read(ssize_t result) {
    if (result < 0 && csqlite_is_device_failure(errno)) {
        int code = errno;
        csqlite_note(&csqlite_read_errno, &csqlite_read_failed_at, code);
        errno = code;
    }
}

static ssize_t csqlite_read(int fd, void *buf, size_t n) {
    ssize_t r = ((ssize_t (*)(int, void *, size_t))csqlite_real_read)(fd, buf, n);
    csqlite_note_read(r);
    return r;
}
static ssize_t csqlite_pread(int fd, void *buf, size_t n, off_t off) {
    ssize_t r = ((ssize_t (*)(int, void *, size_t, off_t))csqlite_real_pread)(fd, buf, n, off);
    csqlite_note_read(r);
    return r;
}
static ssize_t csqlite_pread64(int fd, void *buf, size_t n, int64_t off) {
    ssize_t r = ((ssize_t (*)(int, void *, size_t, int64_t))csqlite_real_pread64)(fd, buf, n, off);
    csqlite_note_read(r);
    return r;
}
static int csqlite_fcntl(int fd, int cmd, ...) {
    va_list ap;
    va_start(ap, cmd);
    int r;
    if (cmd == F_GETLK || cmd == F_SETLK || cmd == F_SETLKW) {
        void *lock = va_arg(ap, void *);
        r = ((int (*)(int, int, ...))csqlite_real_fcntl)(fd, cmd, lock);
        // Only what a failing disk or file system says (EAGAIN/EACCES mean another process
        // holds the lock: contention, handled by waiting).
        if (r < 0 && csqlite_is_device_failure(errno)) {
            int code = errno;
            csqlite_note(&csqlite_lock_errno, &csqlite_lock_failed_at, code);
            errno = code;
        }
    } else {
        int value = va_arg(ap, int);  // SQLite's other uses: F_GETFD/F_SETFD with an int
        r = ((int (*)(int, int, ...))csqlite_real_fcntl)(fd, cmd, value);
    }
    va_end(ap);
    return r;
}

static void csqlite_wrap(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr *real, sqlite3_syscall_ptr wrapper) {
    sqlite3_syscall_ptr current = vfs->xGetSystemCall(vfs, name);
    if (current == 0 || current == wrapper) return;
    *real = current;
    vfs->xSetSystemCall(vfs, name, wrapper);
}

// Installs the observers on the unix VFS once, before the first connection opens.
int csqlite_install_io_observers(void) {
    sqlite3_vfs *vfs = sqlite3_vfs_find("unix");
    if (vfs == 0 || vfs->iVersion < 3 || vfs->xGetSystemCall == 0 || vfs->xSetSystemCall == 0) return SQLITE_ERROR;
    csqlite_wrap(vfs, "read", &csqlite_real_read, (sqlite3_syscall_ptr)csqlite_read);
    csqlite_wrap(vfs, "pread", &csqlite_real_pread, (sqlite3_syscall_ptr)csqlite_pread);
    csqlite_wrap(vfs, "pread64", &csqlite_real_pread64, (sqlite3_syscall_ptr)csqlite_pread64);
    csqlite_wrap(vfs, "fcntl", &csqlite_real_fcntl, (sqlite3_syscall_ptr)csqlite_fcntl);
    return SQLITE_OK;
}

// The busy handler: SQLite's own schedule of sleeps up to the timeout (sqlite3_busy_timeout),
// except that it gives up at once when a lock call failed for a reason other than another
// process holding the lock: waiting cannot help, and the caller words it as an I/O error.
static int csqlite_busy_handler(void *context, int count) {
    static const int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    static const int totals[] = {0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228};
    int timeout = (int)(intptr_t)context;
    int64_t failed = __atomic_load_n(&csqlite_lock_failed_at, __ATOMIC_ACQUIRE);
    if (failed != 0 && csqlite_now_ms() - failed < 2000) return 0;
    int n = (int)(sizeof delays / sizeof delays[0]);
    int delay, prior;
    if (count < n) { delay = delays[count]; prior = totals[count]; }
    else { delay = delays[n - 1]; prior = totals[n - 1] + delay * (count - (n - 1)); }
    if (prior + delay > timeout) {
        delay = timeout - prior;
        if (delay <= 0) return 0;
    }
    sqlite3_sleep(delay);
    return 1;
}

int csqlite_set_busy_timeout(sqlite3 *db, int milliseconds) {
    return sqlite3_busy_handler(db, csqlite_busy_handler, (void *)(intptr_t)milliseconds);
}

