import Crypto
import DetainerStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes an import reads and the bytes it hashes are the same bytes (issue 13 §6): the file
/// is opened once; a thread reads it, hashes every byte and passes it through a pipe to the CSV
/// reader. Before that, the same open file is hashed once with pread(2) for the duplicate check
/// and the audit entry; the import is refused if the bytes streamed differ (the file changed
/// while it was read). Swapping the path after the open changes nothing: the path is not used again.
final class HashingTee: @unchecked Sendable {
    /// What the CSV reader reads.
    let readEnd: Int32
    /// SHA-256 of the file's bytes before reading, from the same descriptor.
    let initialDigest: String
    private let fd: Int32
    private let writeEnd: Int32
    private let done = DispatchSemaphore(value: 0)
    private var streamed: String?
    private var failure: String?

    /// `fd`: a regular file opened for reading (`ClientFiles.openForReading`), now owned by the tee;
    /// `path`: its name as the person typed it, for messages.
    init(descriptor fd: Int32, name path: String) throws {
        self.fd = fd
        initialDigest = try Self.preadDigest(fd, path: path)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { close(fd); throw CLIError(.ioError, "cannot create a pipe: \(String(cString: strerror(errno)))") }
        readEnd = ends[0]
        writeEnd = ends[1]
        // The reader may stop early (a bad header) and close its end; the pump then gets EPIPE
        // instead of the process being killed by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        Thread.detachNewThread { [self] in pump() }
    }

    private static func preadDigest(_ fd: Int32, path: String) throws -> String {
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError(.ioError, "\(path): read failed (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            offset += off_t(count)
        }
        return Array(hasher.finalize()).hexString
    }

    private func pump() {
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        loop: while true {
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            if count == 0 { break }
            offset += off_t(count)
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            var sent = 0
            while sent < count {
                let written = buffer.withUnsafeBytes { write(writeEnd, $0.baseAddress! + sent, count - sent) }
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = "the reader stopped"
                    break loop
                }
                sent += written
            }
        }
        close(writeEnd)
        close(fd)
        if failure == nil { streamed = Array(hasher.finalize()).hexString }
        done.signal()
    }

    /// The digest of the bytes streamed to the reader; waits for the pump to finish (the reader
    /// has seen end-of-file by then).
    func streamedDigest() throws -> String {
        done.wait()
        guard let streamed else { throw CLIError(.ioError, "the import file could not be read to its end: \(failure ?? "unknown error")") }
        return streamed
    }
}
