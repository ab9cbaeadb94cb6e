#ifndef CUNIXSOCKET_H
#define CUNIXSOCKET_H

#include <sys/types.h>
#include <stddef.h>

/// The few Unix-socket calls Swift cannot make directly: the CMSG_* macros that pass
/// descriptors (SCM_RIGHTS), SO_PEERCRED's `struct ucred`, and posix_spawn with descriptors
/// placed at 0, 1, 2, 3. Each returns -1 with errno set on failure, like the calls it wraps.

/// Sends `len` bytes with up to 8 descriptors attached to the first byte.
ssize_t dt_send_with_fds(int sock, const void *buf, size_t len, const int *fds, int nfds);

/// Receives up to `len` bytes; descriptors that came with them are stored in `fds` (at most
/// `maxfds`, the rest closed) and their number in `*nfds`. Received descriptors are close-on-exec.
ssize_t dt_recv_with_fds(int sock, void *buf, size_t len, int *fds, int maxfds, int *nfds);

/// The credentials the kernel recorded for the peer of a connected Unix socket (SO_PEERCRED),
/// translated into this process's user namespace.
int dt_peer_credentials(int sock, pid_t *pid, uid_t *uid, gid_t *gid);

/// Accepts a connection, close-on-exec (accept4 is a GNU name Swift's Glibc does not show).
int dt_accept(int listener);

/// Starts `path` with `argv` and `envp`; descriptor fds[i] becomes descriptor i in the child
/// (nfds at most 8); every other descriptor is close-on-exec in this program. Returns the pid.
pid_t dt_spawn(const char *path, char *const argv[], char *const envp[], const int *fds, int nfds);

#endif
