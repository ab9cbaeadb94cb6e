#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat(2)` and `access(2)` say about a path, for refusing bad paths before SQLite or a
/// writer would fail on them less clearly. Shared by the store and the command layer.
public enum FileStatus {
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func size(_ path: String) -> Int64? {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : nil
    }

    /// The permission bits (st_mode & 0o7777), or nil when the path cannot be stat'd.
    public static func mode(_ path: String) -> UInt32? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt32(info.st_mode & 0o7777) : nil
    }

    public static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// Whether the path exists but this OS account may not reach or read it.
    public static func isAccessDenied(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) != 0 { return errno == EACCES }
        return access(path, R_OK) != 0
    }

    /// Whether new files can be created beside `path` (SQLite needs its -wal and -shm there).
    public static func directoryIsWritable(of path: String) -> Bool {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        return isWritable(directory.isEmpty ? "/" : directory)
    }
}
