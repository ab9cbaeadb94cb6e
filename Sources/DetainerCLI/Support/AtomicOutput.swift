#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DetainerStore

/// A file that appears under its name only when complete (issue 13 §6): written to a private
/// temporary file beside the destination (O_EXCL, 0600), saved to disk (fsync), then linked into
/// place — `link(2)` fails rather than replace a file that appeared meanwhile — or renamed over
/// it with --force, and the directory saved too (issue 27 §1.2): after a power loss the name
/// shows the whole file or nothing. A failure removes the temporary file, so nothing is left
/// behind.
final class AtomicOutput {
    let destination: String
    let temporary: String
    /// Owned by this object: the writer must not close it (`commit` syncs, then closes it).
    let fd: Int32
    private let force: Bool
    private var closed = false
    private var done = false

    init(_ destination: String, force: Bool, database: String?) throws {
        try SafeOutput.refuseDatabase(destination, database: database)
        let status = try ClientFiles.status(destination)
        if status.isDirectory { throw CLIError(.cannotCreate, "\(destination) is a directory") }
        if status.exists && !force { throw CLIError(.cannotCreate, "\(destination) already exists; use --force to replace it") }
        self.destination = destination
        self.force = force
        temporary = destination + ".partial-\(getpid())"
        fd = try SafeOutput.create(temporary, force: true, database: database)
    }

    /// Moves the finished file into place. The caller has flushed its writer (without closing `fd`).
    func commit() throws {
        try DurableFile.sync(fd, path: destination)
        closed = true
        guard close(fd) == 0 else { throw failure("cannot close") }
        try ClientFiles.commit(temporary: temporary, to: destination, force: force)
        done = true
    }

    /// Links (or with `force` renames) the synced temporary file into place and syncs the
    /// directory; on the client's side of the service socket too.
    static func moveIntoPlace(temporary: String, destination: String, force: Bool) throws {
        func failure(_ what: String) -> CLIError { DurableFile.failure(destination, what) }
        if force {
            guard rename(temporary, destination) == 0 else { throw failure("cannot move into place") }
        } else {
            guard link(temporary, destination) == 0 else {
                throw errno == EEXIST ? CLIError(.cannotCreate, "\(destination) appeared while exporting; nothing was replaced") : failure("cannot move into place")
            }
            unlink(temporary)
        }
        do {
            try DurableFile.syncDirectory(of: destination)
        } catch {
            // The name may not survive a power loss: leave nothing rather than a file that may vanish.
            unlink(destination)
            throw error
        }
    }

    private func failure(_ what: String) -> CLIError {
        DurableFile.failure(destination, what)
    }

    deinit {
        if !closed { close(fd) }
        if !done { ClientFiles.remove(temporary) }
    }
}
