#if canImport(Glibc)
import Glibc
#endif
import CUnixSocket
import DetainerStore
import Sysexits

/// A command the service runs for a client of its socket (issue 23 §1). The service starts it as
/// the service account with the client's stdin, stdout and stderr, and the connection as
/// descriptor 3; who the client is comes from the kernel on that connection (SO_PEERCRED),
/// never from the environment or the command line. Files the command names are opened by the
/// client, with the client's permissions (`ClientFiles`).
///
/// Setting DETAINER_SERVICE_CONNECTION by hand gains nothing: the credentials are the kernel's
/// for whatever is at the other end, and a production database opens only for its owning
/// account (`DatabaseOptions.open`), which is the service itself.
final class PeerSession: @unchecked Sendable {
    static let connectionVariable = "DETAINER_SERVICE_CONNECTION"
    static let databaseVariable = "DETAINER_SERVICE_DB"
    static let signingKeyVariable = "DETAINER_SERVICE_SIGNING_KEY"
    /// The connection's descriptor in the command the service starts.
    static let connectionDescriptor: Int32 = 3

    let connection: Int32
    let uid: UInt32
    let gid: UInt32
    let pid: Int32
    /// The caller's login name in the service's password database (nil: none, refused on production).
    let login: String?
    let databasePath: String
    let signingKeyPath: String?

    /// This process's session, when the service started it; nil for a command typed by a person.
    static let current: PeerSession? = {
        guard let text = Environment.value(connectionVariable), let fd = Int32(text), fd == connectionDescriptor,
              let database = Environment.value(databaseVariable) else { return nil }
        var pid: pid_t = 0
        var uid: uid_t = 0
        var gid: gid_t = 0
        guard dt_peer_credentials(fd, &pid, &uid, &gid) == 0 else { return nil }
        return PeerSession(connection: fd, uid: uid, gid: gid, pid: pid, login: OSAccount.login(uid: uid),
                           databasePath: database, signingKeyPath: Environment.value(signingKeyVariable))
    }()

    private init(connection: Int32, uid: UInt32, gid: UInt32, pid: Int32, login: String?, databasePath: String, signingKeyPath: String?) {
        self.connection = connection
        self.uid = uid
        self.gid = gid
        self.pid = pid
        self.login = login
        self.databasePath = databasePath
        self.signingKeyPath = signingKeyPath
    }

    /// Maintenance belongs to the service account, run as that account on the server.
    static let maintenanceCommands: Set<String> = ["init", "backup", "demo", "serve", "keygen"]

    /// Asks the client to do `request`; the descriptor that comes back (if any) is ours to close.
    func ask(_ request: FileRequest) throws -> (FileReply, Int32?) {
        do {
            try SocketFrame.json(.fileRequest, request).send(on: connection)
            let frame = try SocketFrame.receive(on: connection)
            guard frame.kind == .fileReply else { throw SocketFrame.Failure.malformed("expected a file reply") }
            let reply = try frame.decode(FileReply.self)
            if let status = reply.exitStatus {
                frame.descriptors.forEach { close($0) }
                throw CLIError(ExitStatus(rawValue: status) ?? .ioError, reply.message ?? "\(request.path): refused by the client")
            }
            frame.descriptors.dropFirst().forEach { close($0) }
            return (reply, frame.descriptors.first)
        } catch let failure as SocketFrame.Failure {
            throw CLIError(.ioError, "\(request.path): the client did not answer (\(failure))")
        }
    }

    func descriptor(_ request: FileRequest) throws -> Int32 {
        let (_, fd) = try ask(request)
        guard let fd else { throw CLIError(.ioError, "\(request.path): the client sent no file") }
        return fd
    }
}

extension PeerSession {
    /// Whether this client may run `command` at all, before it runs: maintenance is the service
    /// account's own, on the server; on a production database only an OS account mapped to an
    /// active user gets an answer, to a read as much as to a write (the file holds personal data).
    func admit(command: String) throws {
        if Self.maintenanceCommands.contains(command) {
            throw CLIError(.permission, "`detainer \(command)` is maintenance for the service account, run on the server as that account; the service does not run it for clients of its socket")
        }
        let db = try DetainerDatabase.open(path: databasePath, access: .read, clock: .system, signer: nil)
        defer { try? db.close() }
        guard try db.integrity.mode() == .production else { return }
        guard let login, try db.accounts.hasActiveUser(osLogin: login) else {
            throw CLIError(.permission, "your OS account \(login.map { "\"\($0)\"" } ?? "(uid \(uid))") is not mapped to an active user of this office; an admin can map it with `detainer user add NAME --role ROLE --os-login \(login ?? "LOGIN")`")
        }
    }
}
