#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DetainerStore

/// Output files that never clobber (issue 13 §5): created with O_EXCL and mode 0600 whatever
/// the umask; an existing file is replaced only with --force, and never when it is the database
/// or its -wal/-shm — compared by device and inode, so another name for the same file (a hard
/// or symbolic link, `./x` vs `x`) is caught too.
enum SafeOutput {
    /// The file permission of everything we create: owner read/write only.
    static let mode: mode_t = 0o600

    struct Identity: Equatable { let device: UInt64; let inode: UInt64 }

    static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Refuses `path` when it is (another name for) the database or its -wal/-shm files.
    static func refuseDatabase(_ path: String, database: String?) throws {
        guard let database, let target = identity(path) else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] where identity(database + suffix) == target {
            throw CLIError(.cannotCreate, "\(path) is the database \(database)\(suffix); refusing to write over it")
        }
    }

    /// Opens a new file for writing. Exit 73 if it exists (unless `force`, which replaces only
    /// a regular file that is not the database). For a client of the service socket, the client
    /// creates it (`ClientFiles`).
    static func create(_ path: String, force: Bool, database: String? = nil) throws -> Int32 {
        try ClientFiles.create(path, force: force, database: database)
    }

    static func createLocally(_ path: String, force: Bool, database: String? = nil) throws -> Int32 {
        try refuseDatabase(path, database: database)
        if FileStatus.isDirectory(path) { throw CLIError(.cannotCreate, "\(path) is a directory; give a file name") }
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        if fd < 0, errno == EEXIST {
            guard force else { throw CLIError(.cannotCreate, "\(path) already exists; use --force to replace it") }
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                throw CLIError(.cannotCreate, "\(path) exists and is not a regular file; refusing to replace it")
            }
            // Replace by unlink + exclusive create: the new file gets our mode and owner, and a
            // file slipped in meanwhile is refused rather than written through.
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        }
        guard fd >= 0 else {
            if errno == EEXIST { throw CLIError(.cannotCreate, "\(path) already exists; use --force to replace it") }
            // A full or failing disk is an I/O error (74), as everywhere else (issue 27).
            if [ENOSPC, EDQUOT, EIO, EROFS].contains(errno) { throw DurableFile.failure(path, "cannot create") }
            throw CLIError(.cannotCreate, "\(path): \(String(cString: strerror(errno)))")
        }
        fchmod(fd, mode)
        return fd
    }

    /// Writes a small file in one go (keys, checkpoints).
    static func write(_ path: String, _ bytes: [UInt8], force: Bool, database: String? = nil) throws {
        let fd = try create(path, force: force, database: database)
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                ClientFiles.remove(path)
                throw CLIError(.ioError, "\(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        guard fsync(fd) == 0 else { ClientFiles.remove(path); throw CLIError(.ioError, "\(path): \(String(cString: strerror(errno)))") }
    }
}
