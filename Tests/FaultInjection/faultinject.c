// faultinject.c: an LD_PRELOAD library that makes one kind of file call fail (issue 27 §2), the
// way SQLite's own test VFS does, but underneath everything: SQLite's unix VFS, the CLI's own
// output files, the backup. Built by the tests with `cc -shared -fPIC` (ReliabilityTests,
// FaultInjectionTests); never part of the product.
//
// Only calls on files under FAULT_DIR count (stdout/stderr and the test's capture files never
// do). Environment:
//   FAULT_DIR     path prefix of the files that count (required; nothing is injected without it)
//   FAULT_OP      write | fsync | ftruncate | read | lock   (write covers write/pwrite/writev,
//                 fsync covers fsync/fdatasync, read covers read/pread, lock is fcntl F_*LK*)
//   FAULT_N       the Nth call of FAULT_OP (1-based) fails; 0 or unset: count only
//   FAULT_MODE    once (only the Nth call fails) | persist (the Nth and every later one)
//                 | kill (SIGKILL just before the Nth call)
//   FAULT_ERRNO   EIO (default) | ENOSPC
//   FAULT_REPORT  file to append "op count" lines to at exit (calibration runs)
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { OP_WRITE, OP_FSYNC, OP_FTRUNCATE, OP_READ, OP_LOCK, OP_COUNT };
static const char *op_names[OP_COUNT] = {"write", "fsync", "ftruncate", "read", "lock"};

static int configured = 0;
static const char *fault_dir = NULL;
static size_t fault_dir_len = 0;
static int fault_op = -1;
static long fault_n = 0;
static int fault_mode = 0;  // 0 once, 1 persist, 2 kill
static int fault_errno = EIO;
static long counts[OP_COUNT];

static void configure(void) {
    if (__atomic_load_n(&configured, __ATOMIC_ACQUIRE)) return;
    fault_dir = getenv("FAULT_DIR");
    if (fault_dir) fault_dir_len = strlen(fault_dir);
    const char *op = getenv("FAULT_OP");
    for (int i = 0; op && i < OP_COUNT; i++) if (strcmp(op, op_names[i]) == 0) fault_op = i;
    const char *n = getenv("FAULT_N");
    fault_n = n ? atol(n) : 0;
    const char *mode = getenv("FAULT_MODE");
    if (mode && strcmp(mode, "persist") == 0) fault_mode = 1;
    if (mode && strcmp(mode, "kill") == 0) fault_mode = 2;
    const char *e = getenv("FAULT_ERRNO");
    if (e && strcmp(e, "ENOSPC") == 0) fault_errno = ENOSPC;
    __atomic_store_n(&configured, 1, __ATOMIC_RELEASE);
}

// Whether fd names a file under FAULT_DIR.
static int watched(int fd) {
    if (!fault_dir || fault_dir_len == 0 || fd < 0) return 0;
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t len = readlink(link, target, sizeof target - 1);
    if (len <= 0) return 0;
    target[len] = 0;
    return strncmp(target, fault_dir, fault_dir_len) == 0;
}

// Counts the call; returns nonzero (with errno set) when it must fail.
static int should_fail(int op, int fd) {
    configure();
    if (!watched(fd)) return 0;
    long nth = __atomic_add_fetch(&counts[op], 1, __ATOMIC_SEQ_CST);
    if (op != fault_op || fault_n <= 0) return 0;
    if (nth == fault_n || (fault_mode == 1 && nth > fault_n)) {
        if (fault_mode == 2) kill(getpid(), SIGKILL);
        errno = fault_errno;
        return 1;
    }
    return 0;
}

__attribute__((destructor)) static void report(void) {
    const char *path = getenv("FAULT_REPORT");
    if (!path) return;
    FILE *f = fopen(path, "a");
    if (!f) return;
    for (int i = 0; i < OP_COUNT; i++) fprintf(f, "%s %ld\n", op_names[i], counts[i]);
    fclose(f);
}

#define REAL(name) static __typeof__(&name) real_##name = NULL; if (!real_##name) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write);
    if (should_fail(OP_WRITE, fd)) return -1;
    return real_write(fd, buf, n);
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite);
    if (should_fail(OP_WRITE, fd)) return -1;
    return real_pwrite(fd, buf, n, off);
}
ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite64);
    if (should_fail(OP_WRITE, fd)) return -1;
    return real_pwrite64(fd, buf, n, off);
}
ssize_t writev(int fd, const struct iovec *iov, int count) {
    REAL(writev);
    if (should_fail(OP_WRITE, fd)) return -1;
    return real_writev(fd, iov, count);
}
ssize_t read(int fd, void *buf, size_t n) {
    REAL(read);
    if (should_fail(OP_READ, fd)) return -1;
    return real_read(fd, buf, n);
}
ssize_t pread(int fd, void *buf, size_t n, off_t off) {
    REAL(pread);
    if (should_fail(OP_READ, fd)) return -1;
    return real_pread(fd, buf, n, off);
}
ssize_t pread64(int fd, void *buf, size_t n, off_t off) {
    REAL(pread64);
    if (should_fail(OP_READ, fd)) return -1;
    return real_pread64(fd, buf, n, off);
}
int fsync(int fd) {
    REAL(fsync);
    if (should_fail(OP_FSYNC, fd)) return -1;
    return real_fsync(fd);
}
int fdatasync(int fd) {
    REAL(fdatasync);
    if (should_fail(OP_FSYNC, fd)) return -1;
    return real_fdatasync(fd);
}
int ftruncate(int fd, off_t length) {
    REAL(ftruncate);
    if (should_fail(OP_FTRUNCATE, fd)) return -1;
    return real_ftruncate(fd, length);
}
int ftruncate64(int fd, off_t length) {
    REAL(ftruncate64);
    if (should_fail(OP_FTRUNCATE, fd)) return -1;
    return real_ftruncate64(fd, length);
}

static int is_lock(int cmd) {
    switch (cmd) {
    case F_GETLK: case F_SETLK: case F_SETLKW:
#ifdef F_OFD_SETLK
    case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
#endif
        return 1;
    default: return 0;
    }
}

static int forward_fcntl(int (*real)(int, int, ...), int fd, int cmd, va_list ap) {
    void *arg = va_arg(ap, void *);
    if (is_lock(cmd) && should_fail(OP_LOCK, fd)) return -1;
    return real(fd, cmd, arg);
}
int fcntl(int fd, int cmd, ...) {
    REAL(fcntl);
    va_list ap; va_start(ap, cmd);
    int rc = forward_fcntl(real_fcntl, fd, cmd, ap);
    va_end(ap);
    return rc;
}
int fcntl64(int fd, int cmd, ...) {
    REAL(fcntl64);
    if (!real_fcntl64) real_fcntl64 = (__typeof__(&fcntl64))dlsym(RTLD_NEXT, "fcntl");
    va_list ap; va_start(ap, cmd);
    int rc = forward_fcntl(real_fcntl64, fd, cmd, ap);
    va_end(ap);
    return rc;
}
