#if canImport(Glibc)
import Glibc
#endif
import CUnixSocket
import DetainerStore
import Foundation
import Sysexits

/// `detainer serve`'s Unix-domain socket (issue 23 §1), the CLI's way in to a production
/// database, as PostgreSQL's clients reach its server with peer authentication. Each connection
/// is one command: the service starts it as its own account (`PeerSession`), with the client's
/// stdin, stdout and stderr and the connection, and answers with its exit status. Who the client
/// is comes from the kernel (SO_PEERCRED); the command maps the uid to `users.os_login` and
/// refuses an unmapped or inactive account (exit 77), reads included.
///
/// The socket is mode 0666: reaching it proves nothing, the mapping decides. Put it where
/// clients can reach it (`--socket /run/detainer/detainer.sock`), not in the database's 0700
/// directory.
final class ServiceSocket: @unchecked Sendable {
    static func defaultPath(database: String) -> String { database + ".sock" }

    /// How long a client has to send its command line before the connection is dropped.
    static let requestTimeoutSeconds = 30

    let path: String
    private let listener: Int32
    private let databasePath: String
    private let signingKeyPath: String?
    private let executable: String
    private let environment: [String]
    private let stopped = Atomic()

    /// Binds `path`, replacing a socket left by a service that is gone; refuses a path that is
    /// not a socket (73) or a live service's socket (69).
    init(path: String, databasePath: String, signingKeyPath: String?) throws {
        guard path.utf8.count < 108 else {
            throw CLIError(.usage, "--socket \(path): a socket path must be under 108 bytes; choose a shorter one (e.g. /run/detainer/detainer.sock)")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFSOCK else {
                throw CLIError(.cannotCreate, "--socket \(path) exists and is not a socket; refusing to replace it")
            }
            if let probe = try? ServiceSocket.connect(path) {
                close(probe)
                throw CLIError(.unavailable, "--socket \(path): another `detainer serve` is listening there")
            }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw CLIError(.ioError, "--socket \(path): \(String(cString: strerror(errno)))") }
        var address = ServiceSocket.address(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, chmod(path, 0o666) == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw CLIError(code == EACCES ? .permission : .cannotCreate, "--socket \(path): \(String(cString: strerror(code)))")
        }
        listener = fd
        self.path = path
        self.databasePath = ServiceSocket.absolute(databasePath)
        self.signingKeyPath = signingKeyPath.map(ServiceSocket.absolute)
        var target = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &target, target.count - 1)
        executable = length > 0 ? String(decoding: target.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        // The commands inherit the service's environment (its clock on a training database,
        // its PATH and locale), never the client's; the service's own names for the database,
        // key and socket are replaced by the PeerSession variables.
        let replaced = [Environment.databaseVariable, Environment.signingKeyVariable, Environment.userVariable, Environment.socketVariable,
                        PeerSession.connectionVariable, PeerSession.databaseVariable, PeerSession.signingKeyVariable]
        environment = ProcessInfo.processInfo.environment.filter { !replaced.contains($0.key) }.map { "\($0.key)=\($0.value)" }
    }

    func start() {
        Thread.detachNewThread { [self] in
            while !stopped.value {
                let connection = dt_accept(listener)
                if connection < 0 {
                    if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE { continue }
                    return
                }
                Thread.detachNewThread { [self] in handle(connection) }
            }
        }
    }

    /// Stops accepting and removes the socket; commands already running finish.
    func stop() {
        stopped.value = true
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        unlink(path)
    }

    private func handle(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: ServiceSocket.requestTimeoutSeconds, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let frame = try? SocketFrame.receive(on: connection) else { return }
        defer { frame.descriptors.forEach { close($0) } }
        guard frame.kind == .request, frame.descriptors.count == 3, let request = try? frame.decode(ForwardedCommand.self) else {
            refuse(connection, frame.descriptors.count == 3 ? frame.descriptors[2] : nil, "a malformed request on the service socket")
            return
        }
        guard request.version == ForwardedCommand.protocolVersion else {
            refuse(connection, frame.descriptors[2], "this client speaks version \(request.version) of the service protocol; the service speaks \(ForwardedCommand.protocolVersion): use the same detainer on both sides")
            return
        }
        var none = timeval(tv_sec: 0, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &none, socklen_t(MemoryLayout<timeval>.size))
        var environment = self.environment
        environment.append("\(PeerSession.connectionVariable)=\(PeerSession.connectionDescriptor)")
        environment.append("\(PeerSession.databaseVariable)=\(databasePath)")
        if let signingKeyPath { environment.append("\(PeerSession.signingKeyVariable)=\(signingKeyPath)") }
        if let user = request.declaredUser, !user.isEmpty { environment.append("\(Environment.userVariable)=\(user)") }
        let status = ServiceSocket.run(executable, arguments: request.arguments, environment: environment,
                                       descriptors: frame.descriptors + [connection])
        try? SocketFrame.json(.exit, status).send(on: connection)
    }

    /// Starts the command and waits for it; its exit status, or 128 + the signal that ended it.
    private static func run(_ executable: String, arguments: [String], environment: [String], descriptors: [Int32]) -> Int32 {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let pid = descriptors.withUnsafeBufferPointer { dt_spawn(executable, argv, envp, $0.baseAddress, Int32($0.count)) }
        guard pid > 0 else { return ExitStatus.unavailable.rawValue }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private func refuse(_ connection: Int32, _ stderr: Int32?, _ message: String) {
        if let stderr {
            let line = Array("detainer: error: \(message)\n".utf8)
            _ = line.withUnsafeBytes { write(stderr, $0.baseAddress, $0.count) }
        }
        try? SocketFrame.json(.exit, ExitStatus.usage.rawValue).send(on: connection)
    }

    static func connect(_ path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketFrame.Failure.system("socket", errno) }
        var address = address(path)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw SocketFrame.Failure.system("connect", code)
        }
        return fd
    }

    static func address(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            let bytes = Array(path.utf8.prefix(buffer.count - 1))
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        return address
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// A flag set by `stop` and read by the accepting thread.
    private final class Atomic: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        var value: Bool {
            get { lock.withLock { flag } }
            set { lock.withLock { flag = newValue } }
        }
    }
}

