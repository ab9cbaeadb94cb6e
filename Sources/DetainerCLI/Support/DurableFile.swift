#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DetainerStore

/// fsync(2) for the files we put in place: the data before the rename or link, the directory
/// after it, so that after a power loss a name shows either the complete file or nothing
/// (issue 27 §1). Failures are I/O errors (74) naming the path.
enum DurableFile {
    /// Flushes an open file's data to disk.
    static func sync(_ fd: Int32, path: String) throws {
        guard fsync(fd) == 0 else { throw failure(path, "cannot save to disk") }
    }

    /// Flushes the directory holding `path`, so a new name in it survives a power loss.
    static func syncDirectory(of path: String) throws {
        let directory = FileStatus.parentDirectory(of: path)
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(directory, "cannot open the directory to save it") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(directory, "cannot save the directory to disk") }
    }

    static func failure(_ path: String, _ what: String) -> CLIError {
        let code = errno
        let cause = code == ENOSPC || code == EDQUOT ? "the disk is full" : String(cString: strerror(code))
        return CLIError(.ioError, "\(path): \(what): \(cause)")
    }
}
