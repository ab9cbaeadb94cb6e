#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A readable file descriptor. Plain read(2) keeps the hot path free of
/// Foundation and of any per-call allocation.
final class ByteSource {
    let fd: Int32
    let path: String?
    private var ownsDescriptor: Bool

    init(path: String) throws(CSVError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CSVError(.io(operation: "open", path: path, errno: errno)) }
        self.fd = fd
        self.path = path
        self.ownsDescriptor = true
        adviseSequential()
    }

    init(fileDescriptor: Int32, closeWhenDone: Bool) {
        self.fd = fileDescriptor
        self.path = nil
        self.ownsDescriptor = closeWhenDone
        adviseSequential()
    }

    deinit { close() }

    /// Size in bytes when the descriptor is a regular file; pipes and
    /// terminals have no meaningful size, so nil.
    var regularFileSize: Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Reads up to `count` bytes; returns 0 only at end of input.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int {
        while true {
            let n = systemRead(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw CSVError(.io(operation: "read", path: path, errno: errno))
        }
    }

    func close() {
        if ownsDescriptor {
            _ = systemClose(fd)
            ownsDescriptor = false
        }
    }

    private func adviseSequential() {
        #if os(Linux)
        // Doubles the kernel's read-ahead; ignored (harmlessly) on pipes.
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
    }
}

// Module-level shims: inside the class, `read`/`close` would resolve to the methods.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

@inline(__always)
func systemClose(_ fd: Int32) -> Int32 { close(fd) }

func systemErrorMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}
