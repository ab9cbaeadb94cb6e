import Crypto
import SQLite
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of a file, read in 1 MiB blocks (constant memory), for the import's audit entry.
enum FileDigest {
    static func sha256(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CLIError(.noInput, "\(path): cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError(.ioError, "\(path): read failed (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return Array(hasher.finalize()).hexString
    }
}
