#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writable file descriptor: many small appends, few write(2) calls.
final class ByteSink {
    let fd: Int32
    let path: String?
    private var ownsDescriptor: Bool
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    @exclusivity(unchecked) private var count = 0  // per-byte hot path; single-threaded
    private var flushedBytes = 0

    /// In-memory sinks (no descriptor) collect flushed bytes here.
    private(set) var memory: [UInt8]?

    /// Bytes accepted so far, whether or not they have reached the descriptor.
    var bytesWritten: Int { flushedBytes + count }

    convenience init(path: String, append: Bool, bufferSize: Int) throws(CSVError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw CSVError(.io(operation: "create", path: path, errno: errno)) }
        self.init(fd: fd, path: path, owns: true, bufferSize: bufferSize)
    }

    /// A sink that keeps what is written in memory (a download built by a server, say).
    convenience init(inMemoryWithBufferSize bufferSize: Int) {
        self.init(fd: -1, path: nil, owns: false, bufferSize: bufferSize)
        memory = []
    }

    convenience init(fileDescriptor: Int32, closeWhenDone: Bool, bufferSize: Int) {
        self.init(fd: fileDescriptor, path: nil, owns: closeWhenDone, bufferSize: bufferSize)
    }

    private init(fd: Int32, path: String?, owns: Bool, bufferSize: Int) {
        self.fd = fd
        self.path = path
        self.ownsDescriptor = owns
        capacity = max(bufferSize, 64)
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        // Best effort: callers who care about write errors call close().
        try? flush()
        if ownsDescriptor { _ = systemClose(fd) }
        buffer.deallocate()
    }

    @inline(__always)
    func append(_ byte: UInt8) throws(CSVError) {
        if count == capacity { try flush() }
        buffer[count] = byte
        count &+= 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) throws(CSVError) {
        guard let base = bytes.baseAddress else { return }
        if bytes.count > capacity - count {
            try flush()
            if bytes.count >= capacity {
                try writeAll(base, bytes.count)  // too big to be worth buffering
                return
            }
        }
        (buffer + count).update(from: base, count: bytes.count)
        count &+= bytes.count
    }

    func flush() throws(CSVError) {
        guard count > 0 else { return }
        let pending = count
        count = 0
        try writeAll(buffer, pending)
    }

    func close() throws(CSVError) {
        try flush()
        if ownsDescriptor {
            ownsDescriptor = false
            if systemClose(fd) != 0 { throw CSVError(.io(operation: "close", path: path, errno: errno)) }
        }
    }

    private func writeAll(_ base: UnsafePointer<UInt8>, _ total: Int) throws(CSVError) {
        if memory != nil {
            memory!.append(contentsOf: UnsafeBufferPointer(start: base, count: total))
            flushedBytes += total
            return
        }
        var done = 0
        while done < total {
            let n = write(fd, base + done, total - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw CSVError(.io(operation: "write", path: path, errno: errno))
            }
            done += n
        }
        flushedBytes += total
    }
}
