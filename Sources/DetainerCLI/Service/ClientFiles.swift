#if canImport(Glibc)
import Glibc
#endif
import DetainerStore

/// The files a person names on the command line: input files, --out files, rejects. Typed at a
/// terminal, they are opened here; run by the service for a client of its socket, the client
/// opens them with its own permissions and passes the descriptor (issue 23 §1), so the service
/// account never opens a path a client chose: not the signing key, not another clerk's file.
enum ClientFiles {
    /// Opens an existing regular file for reading; exit 66 with the path if it is missing or not a file.
    static func openForReading(_ path: String) throws -> Int32 {
        if let peer = PeerSession.current { return try peer.descriptor(FileRequest(operation: .read, path: path)) }
        return try openLocally(path)
    }

    /// Reads a whole small file (keys, checkpoints, documents, JSON) up to `limit` bytes.
    /// `ownerOnly`: refuse a file others can read (a secret such as the pseudonymisation key).
    static func read(_ path: String, limit: Int, ownerOnly: Bool = false) throws -> [UInt8] {
        guard PeerSession.current != nil else { return try BoundedFile.read(path, limit: limit, ownerOnly: ownerOnly) }
        let fd = try openForReading(path)
        defer { close(fd) }
        return try BoundedFile.read(descriptor: fd, name: path, limit: limit, ownerOnly: ownerOnly)
    }

    /// Whether `path` exists and whether it is a directory, as the person's account sees it.
    static func status(_ path: String) throws -> (exists: Bool, isDirectory: Bool) {
        if let peer = PeerSession.current {
            let (reply, fd) = try peer.ask(FileRequest(operation: .status, path: path))
            if let fd { close(fd) }
            return (reply.exists ?? false, reply.isDirectory ?? false)
        }
        return (FileStatus.exists(path), FileStatus.isDirectory(path))
    }

    /// A new file, exclusive and owner-only (`SafeOutput.create`).
    static func create(_ path: String, force: Bool, database: String?) throws -> Int32 {
        if let peer = PeerSession.current { return try peer.descriptor(FileRequest(operation: .create, path: path, force: force)) }
        return try SafeOutput.createLocally(path, force: force, database: database)
    }

    /// Moves a finished temporary file to `destination` (`AtomicOutput.commit`).
    static func commit(temporary: String, to destination: String, force: Bool) throws {
        if let peer = PeerSession.current {
            _ = try peer.ask(FileRequest(operation: .commit, path: temporary, force: force, destination: destination))
            return
        }
        try AtomicOutput.moveIntoPlace(temporary: temporary, destination: destination, force: force)
    }

    static func remove(_ path: String) {
        if let peer = PeerSession.current {
            _ = try? peer.ask(FileRequest(operation: .remove, path: path))
            return
        }
        FileStatus.remove(path)
    }

    /// The local half, also what the client does for the service.
    static func openLocally(_ path: String) throws -> Int32 {
        // O_NONBLOCK: opening a FIFO with no writer would otherwise hang before fstat refuses it.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw CLIError(.noInput, "\(path): no such file") }
            throw CLIError(.noInput, "\(path): cannot be read (\(String(cString: strerror(errno))))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            if FileStatus.isDirectory(path) { throw CLIError(.noInput, "\(path) is a directory, not a file") }
            throw CLIError(.noInput, "\(path) is not a regular file (a directory, device, FIFO or socket); give a plain file")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }
}
