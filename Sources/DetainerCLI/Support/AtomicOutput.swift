#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DetainerStore

/// A file that appears under its name only when complete (issue 13 §6): written to a private
/// temporary file beside the destination (O_EXCL, 0600), then linked into place — `link(2)`
/// fails rather than replace a file that appeared meanwhile — or renamed over it with --force.
/// A failure removes the temporary file, so nothing is left behind.
final class AtomicOutput {
    let destination: String
    let temporary: String
    let fd: Int32
    private let force: Bool
    private var done = false

    init(_ destination: String, force: Bool, database: String?) throws {
        try SafeOutput.refuseDatabase(destination, database: database)
        if FileStatus.isDirectory(destination) { throw CLIError(.cannotCreate, "\(destination) is a directory") }
        if FileStatus.exists(destination) && !force { throw CLIError(.cannotCreate, "\(destination) already exists; use --force to replace it") }
        self.destination = destination
        self.force = force
        temporary = destination + ".partial-\(getpid())"
        fd = try SafeOutput.create(temporary, force: true, database: database)
    }

    /// Moves the finished file into place. The caller has flushed and closed `fd`'s writer.
    func commit() throws {
        if force {
            guard rename(temporary, destination) == 0 else { throw failure() }
        } else {
            guard link(temporary, destination) == 0 else {
                let error = errno == EEXIST ? CLIError(.cannotCreate, "\(destination) appeared while exporting; nothing was replaced") : failure()
                unlink(temporary)
                throw error
            }
            unlink(temporary)
        }
        done = true
    }

    private func failure() -> CLIError {
        CLIError(.ioError, "\(destination): \(String(cString: strerror(errno)))")
    }

    deinit {
        if !done { unlink(temporary) }
    }
}
