#if canImport(Glibc)
import Glibc
#endif
import DetainerStore
import Foundation
import Sysexits

/// The command line as a client of `detainer serve`'s socket (issue 23 §1): it sends the command
/// as typed, with its stdin, stdout and stderr, and does the file operations the command asks
/// for with this account's permissions, until the service sends the exit status.
struct ServiceClient {
    let socketPath: String
    /// The client's name for the database, to refuse writing over it.
    let databasePath: String
    /// Files this client created for the command: the only ones it will move or remove for it.
    private var created: Set<String> = []

    init(socketPath: String, databasePath: String) {
        self.socketPath = socketPath
        self.databasePath = databasePath
    }

    /// Runs `arguments` through the service and returns its exit status.
    mutating func run(_ arguments: [String]) throws -> Int32 {
        let connection: Int32
        do {
            connection = try ServiceSocket.connect(socketPath)
        } catch {
            throw CLIError(.unavailable, "the detainer service is not answering on \(socketPath) (\(error)); is `detainer serve` running?")
        }
        defer { close(connection) }
        let request = ForwardedCommand(arguments: arguments, declaredUser: Environment.value(Environment.userVariable))
        do {
            try SocketFrame.json(.request, request, descriptors: [0, 1, 2]).send(on: connection)
            while true {
                let frame = try SocketFrame.receive(on: connection)
                switch frame.kind {
                case .exit:
                    frame.descriptors.forEach { close($0) }
                    return try frame.decode(Int32.self)
                case .fileRequest:
                    frame.descriptors.forEach { close($0) }
                    try answer(try frame.decode(FileRequest.self), on: connection)
                case .request, .fileReply:
                    frame.descriptors.forEach { close($0) }
                    throw SocketFrame.Failure.malformed("unexpected \(frame.kind)")
                }
            }
        } catch let failure as SocketFrame.Failure {
            throw CLIError(.unavailable, "the detainer service on \(socketPath) broke off (\(failure)); what the command did is in `detainer show` or `detainer log`")
        }
    }

    /// Does one file operation here, as this account, and sends the result.
    private mutating func answer(_ request: FileRequest, on connection: Int32) throws {
        var reply = FileReply()
        var descriptor: Int32?
        do {
            switch request.operation {
            case .read:
                descriptor = try ClientFiles.openLocally(request.path)
            case .create:
                descriptor = try SafeOutput.createLocally(request.path, force: request.force, database: databasePath)
                created.insert(request.path)
            case .status:
                reply.exists = FileStatus.exists(request.path)
                reply.isDirectory = FileStatus.isDirectory(request.path)
            case .commit:
                guard created.contains(request.path), let destination = request.destination else {
                    throw CLIError(.permission, "\(request.path): the service asked to move a file this command did not create")
                }
                try AtomicOutput.moveIntoPlace(temporary: request.path, destination: destination, force: request.force)
                created.remove(request.path)
            case .remove:
                guard created.contains(request.path) else {
                    throw CLIError(.permission, "\(request.path): the service asked to remove a file this command did not create")
                }
                FileStatus.remove(request.path)
                created.remove(request.path)
            }
        } catch {
            let (status, message) = ErrorReporting.classify(error)
            reply = FileReply(exitStatus: status.rawValue, message: message)
        }
        defer { if let descriptor { close(descriptor) } }
        try SocketFrame.json(.fileReply, reply, descriptors: descriptor.map { [$0] } ?? []).send(on: connection)
    }
}
