#if canImport(Glibc)
import Glibc
#endif
import CUnixSocket
import Foundation

/// The service socket's wire format (issue 23 §1): a frame is one type byte, a 4-byte
/// big-endian length and that many bytes of JSON, with descriptors riding on its first byte
/// (SCM_RIGHTS). Descriptors are why this is not HTTP: the client hands the service its
/// terminal and the files it opened itself, so a password prompt reaches the clerk's terminal
/// and no file is ever opened with the service account's permissions.
struct SocketFrame {
    enum Kind: UInt8 {
        /// client → service: the command line to run, with the client's stdin, stdout, stderr.
        case request = 0x48 // "H"
        /// command → client: open, create or finish a file on the client's side.
        case fileRequest = 0x46 // "F"
        /// client → command: the answer, with the opened descriptor.
        case fileReply = 0x52 // "R"
        /// service → client: the command's exit status; the last frame.
        case exit = 0x58 // "X"
    }

    /// Far above any command line or file request: a larger frame is an attack or a bug.
    static let maximumLength = 1 << 20

    var kind: Kind
    var payload: [UInt8]
    var descriptors: [Int32] = []

    enum Failure: Error, CustomStringConvertible {
        case closed
        case malformed(String)
        case system(String, Int32)

        var description: String {
            switch self {
            case .closed: return "the connection closed"
            case .malformed(let what): return "a malformed frame (\(what))"
            case .system(let call, let code): return "\(call): \(String(cString: strerror(code)))"
            }
        }
    }

    static func json<T: Encodable>(_ kind: Kind, _ value: T, descriptors: [Int32] = []) throws -> SocketFrame {
        SocketFrame(kind: kind, payload: Array(try JSONEncoder().encode(value)), descriptors: descriptors)
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(payload)) } catch { throw Failure.malformed("\(kind): \(error)") }
    }

    /// Writes the frame; the descriptors go with its first byte.
    func send(on socket: Int32) throws {
        var bytes: [UInt8] = [kind.rawValue]
        let length = UInt32(payload.count)
        bytes += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        bytes += payload
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer -> Int in
                let base = buffer.baseAddress! + offset
                if offset == 0 && !descriptors.isEmpty {
                    return descriptors.withUnsafeBufferPointer { dt_send_with_fds(socket, base, bytes.count, $0.baseAddress, Int32($0.count)) }
                }
                return dt_send_with_fds(socket, base, bytes.count - offset, nil, 0)
            }
            if sent < 0 { throw Failure.system("sendmsg", errno) }
            offset += sent
        }
    }

    /// Reads one frame. Descriptors arrive with the frame's first byte; any that come later
    /// are closed (a well-behaved peer never sends them).
    static func receive(on socket: Int32) throws -> SocketFrame {
        let headLength = 5
        var head = [UInt8](repeating: 0, count: headLength)
        var descriptors: [Int32] = []
        var got = 0
        while got < headLength {
            var fds = [Int32](repeating: -1, count: 8)
            var count: Int32 = 0
            let n = head.withUnsafeMutableBytes { buffer in
                fds.withUnsafeMutableBufferPointer { dt_recv_with_fds(socket, buffer.baseAddress! + got, headLength - got, $0.baseAddress, 8, &count) }
            }
            if n < 0 { descriptors.forEach { close($0) }; throw Failure.system("recvmsg", errno) }
            if n == 0 { descriptors.forEach { close($0) }; throw Failure.closed }
            if got == 0 { descriptors += fds.prefix(Int(count)) } else { fds.prefix(Int(count)).forEach { close($0) } }
            got += n
        }
        guard let kind = Kind(rawValue: head[0]) else {
            descriptors.forEach { close($0) }
            throw Failure.malformed("unknown kind \(head[0])")
        }
        let length = Int(head[1]) << 24 | Int(head[2]) << 16 | Int(head[3]) << 8 | Int(head[4])
        guard length <= maximumLength else {
            descriptors.forEach { close($0) }
            throw Failure.malformed("\(length) bytes")
        }
        var payload = [UInt8](repeating: 0, count: length)
        var read = 0
        while read < length {
            let n = payload.withUnsafeMutableBytes { Glibc.read(socket, $0.baseAddress! + read, length - read) }
            if n < 0 { if errno == EINTR { continue }; descriptors.forEach { close($0) }; throw Failure.system("read", errno) }
            if n == 0 { descriptors.forEach { close($0) }; throw Failure.closed }
            read += n
        }
        return SocketFrame(kind: kind, payload: payload, descriptors: descriptors)
    }
}

/// What the client asks the service to run.
struct ForwardedCommand: Codable {
    static let protocolVersion = 1
    var version = ForwardedCommand.protocolVersion
    /// The command line after `detainer`, exactly as typed.
    var arguments: [String]
    /// $DETAINER_USER of the client: on a training database the declared name, on a production
    /// one only a choice among the users mapped to the caller's OS account (as `--user`).
    var declaredUser: String?
}

/// A file operation the command asks the client to do with the client's own permissions.
struct FileRequest: Codable {
    enum Operation: String, Codable {
        /// Open an existing regular file for reading (the descriptor comes back).
        case read
        /// Create a new file, exclusive and owner-only (the descriptor comes back).
        case create
        /// Whether a path exists and is a directory.
        case status
        /// Move a finished temporary file to its name (link, or rename with force) and sync the directory.
        case commit
        /// Remove a file the command created.
        case remove
    }

    var operation: Operation
    var path: String
    var force = false
    var destination: String?
}

/// The client's answer: on success the descriptor rides on the frame; on failure the exit
/// status and the one line the command reports.
struct FileReply: Codable {
    var exitStatus: Int32?
    var message: String?
    var exists: Bool?
    var isDirectory: Bool?
}
