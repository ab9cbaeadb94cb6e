#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads small files (keys, checkpoints, JSON documents) safely: one open, the descriptor is
/// checked to be a regular file before a byte is read (a FIFO would block forever, /dev/zero
/// never ends), and at most `limit` bytes are accepted.
public enum BoundedFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing(path: String)
        case unreadable(path: String, reason: String)
        case notRegular(path: String)
        case tooLarge(path: String, limit: Int)
        case notPrivate(path: String, mode: UInt32)

        public var description: String {
            switch self {
            case .missing(let path): return "\(path): no such file"
            case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
            case .notRegular(let path): return "\(path) is not a regular file (a directory, device, FIFO or socket); give a plain file"
            case .tooLarge(let path, let limit): return "\(path) is larger than the \(limit)-byte limit for this input"
            case .notPrivate(let path, let mode):
                return "\(path) can be read or written by other accounts (mode \(String(mode, radix: 8))); a secret must be owner-only: chmod 600 \(path)"
            }
        }
    }

    /// `ownerOnly`: refuse a file whose group or other permission bits are set (a secret such as
    /// the signing key, issue 23 §4: a key others can read lets them sign as the office).
    public static func read(_ path: String, limit: Int, ownerOnly: Bool = false) throws -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer would otherwise hang before fstat can refuse it.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw Failure.missing(path: path) }
            throw Failure.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        return try read(descriptor: fd, name: path, limit: limit, ownerOnly: ownerOnly)
    }

    /// The same checks on a descriptor opened elsewhere (by the client of the service socket,
    /// issue 23 §1); `name` is the path the person typed, for messages. The descriptor stays open.
    public static func read(descriptor fd: Int32, name path: String, limit: Int, ownerOnly: Bool = false) throws -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw Failure.notRegular(path: path) }
        if ownerOnly, info.st_mode & 0o077 != 0 { throw Failure.notPrivate(path: path, mode: UInt32(info.st_mode & 0o777)) }
        guard Int(info.st_size) <= limit else { throw Failure.tooLarge(path: path, limit: limit) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // The file may grow after fstat; the limit still holds.
            if bytes.count > limit { throw Failure.tooLarge(path: path, limit: limit) }
        }
        return bytes
    }
}
