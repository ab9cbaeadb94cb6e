#define _GNU_SOURCE
#include "CUnixSocket.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define DT_MAX_FDS 8

ssize_t dt_send_with_fds(int sock, const void *buf, size_t len, const int *fds, int nfds) {
    if (nfds < 0 || nfds > DT_MAX_FDS) { errno = EINVAL; return -1; }
    struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
    union { char buf[CMSG_SPACE(sizeof(int) * DT_MAX_FDS)]; struct cmsghdr align; } control;
    memset(&control, 0, sizeof control);
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
    if (nfds > 0) {
        msg.msg_control = control.buf;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
        struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
        memcpy(CMSG_DATA(cmsg), fds, sizeof(int) * nfds);
    }
    ssize_t sent;
    do { sent = sendmsg(sock, &msg, MSG_NOSIGNAL); } while (sent < 0 && errno == EINTR);
    return sent;
}

ssize_t dt_recv_with_fds(int sock, void *buf, size_t len, int *fds, int maxfds, int *nfds) {
    struct iovec iov = { .iov_base = buf, .iov_len = len };
    union { char buf[CMSG_SPACE(sizeof(int) * DT_MAX_FDS)]; struct cmsghdr align; } control;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf, .msg_controllen = sizeof control.buf };
    *nfds = 0;
    ssize_t got;
    do { got = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC); } while (got < 0 && errno == EINTR);
    if (got < 0) return -1;
    for (struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
        if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS) continue;
        int count = (int)((cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        int received[DT_MAX_FDS];
        if (count > DT_MAX_FDS) count = DT_MAX_FDS;
        memcpy(received, CMSG_DATA(cmsg), sizeof(int) * count);
        for (int i = 0; i < count; i++) {
            if (*nfds < maxfds) fds[(*nfds)++] = received[i];
            else close(received[i]);
        }
    }
    if (msg.msg_flags & MSG_CTRUNC) {
        // Descriptors were dropped: refuse the message rather than act on part of it.
        for (int i = 0; i < *nfds; i++) close(fds[i]);
        *nfds = 0;
        errno = EMSGSIZE;
        return -1;
    }
    return got;
}

int dt_peer_credentials(int sock, pid_t *pid, uid_t *uid, gid_t *gid) {
    struct ucred cred;
    socklen_t size = sizeof cred;
    if (getsockopt(sock, SOL_SOCKET, SO_PEERCRED, &cred, &size) != 0) return -1;
    if (size != sizeof cred) { errno = EPROTO; return -1; }
    *pid = cred.pid;
    *uid = cred.uid;
    *gid = cred.gid;
    return 0;
}

int dt_accept(int listener) {
    return accept4(listener, NULL, NULL, SOCK_CLOEXEC);
}

pid_t dt_spawn(const char *path, char *const argv[], char *const envp[], const int *fds, int nfds) {
    if (nfds < 0 || nfds > DT_MAX_FDS) { errno = EINVAL; return -1; }
    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0) return -1;
    // Each descriptor goes first to a number above all of them, then to its place: moving
    // straight to 0..n-1 could overwrite a source not yet moved, and dup2 clears close-on-exec
    // only on a copy. (The intermediate numbers may name other descriptors of this program;
    // replacing them in the child harms nothing, as they are close-on-exec there.)
    int base = nfds;
    for (int i = 0; i < nfds; i++) if (fds[i] >= base) base = fds[i] + 1;
    for (int i = 0; i < nfds; i++) {
        posix_spawn_file_actions_adddup2(&actions, fds[i], base + i);
    }
    for (int i = 0; i < nfds; i++) {
        posix_spawn_file_actions_adddup2(&actions, base + i, i);
        posix_spawn_file_actions_addclose(&actions, base + i);
    }
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Nothing else of the server's reaches the command, close-on-exec or not.
    posix_spawn_file_actions_addclosefrom_np(&actions, nfds);
#endif
    // The server ignores or blocks signals for its own shutdown handling; the command starts
    // with the defaults, so SIGTERM and SIGPIPE act on it as on any command.
    posix_spawnattr_t attributes;
    if (posix_spawnattr_init(&attributes) != 0) { posix_spawn_file_actions_destroy(&actions); return -1; }
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t pid;
    int rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) { errno = rc; return -1; }
    return pid;
}
