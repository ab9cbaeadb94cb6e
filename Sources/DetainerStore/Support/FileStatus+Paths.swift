#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileStatus {
    /// Removes a file this command created and must not leave behind (best effort).
    public static func remove(_ path: String) { _ = unlink(path) }

    /// The directory a new file at `path` would go in ("." for a bare name).
    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// The first missing directory on the way to a new file at `path`, if any (for an exit-66
    /// message that names it, rather than SQLite's "unable to open database file").
    public static func missingDirectory(for path: String) -> String? {
        let directory = parentDirectory(of: path)
        return isDirectory(directory) ? nil : directory
    }
}
