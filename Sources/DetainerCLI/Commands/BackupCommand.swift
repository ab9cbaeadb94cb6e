import ArgumentParser
import DetainerStore
import SQLite
#if canImport(Glibc)
import Glibc
#endif

struct BackupCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to DEST with SQLite's online backup, while others keep working.",
        discussion: """
            The copy is written beside DEST in one step (one consistent snapshot; writers go on), checked with \
            PRAGMA integrity_check, saved to disk with its checkpoint (DEST.checkpoint, the audit head the copy \
            holds), and only then renamed into place. On any failure nothing is left under DEST or beside it.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: WriteOutputOptions

    @Argument(help: ArgumentHelp("Where to write the backup.", valueName: "dest"), completion: .file())
    var destination: String

    @Flag(help: "Replace DEST if it already exists.")
    var force = false

    func execute() throws {
        let checkpointPath = destination + ".checkpoint"
        if FileStatus.isDirectory(destination) { throw CLIError(.cannotCreate, "\(destination) is a directory; give a file name") }
        if let missing = FileStatus.missingDirectory(for: destination) {
            throw CLIError(.noInput, "\(missing): no such directory (for the backup \(destination)); create it first")
        }
        try SafeOutput.refuseDatabase(destination, database: database.resolvedPath)
        try SafeOutput.refuseDatabase(checkpointPath, database: database.resolvedPath)
        for path in [destination, checkpointPath] where FileStatus.exists(path) && !force {
            throw CLIError(.cannotCreate, "\(path) already exists; use --force to replace it")
        }
        let db = try database.open(.read)
        let started = Stopwatch()
        // Everything is made under temporary names and checked, saved and renamed last
        // (issue 27 §1): a failure at any step removes what this run made and leaves DEST and
        // DEST.checkpoint as they were.
        let copyPath = destination + ".partial-\(getpid())"
        let checkpointTemporary = checkpointPath + ".partial-\(getpid())"
        var placed = false
        defer {
            if !placed {
                Connection.removeCopy(copyPath)
                FileStatus.remove(checkpointTemporary)
            }
        }
        let pages: Int
        let head: Checkpoint?
        do {
            pages = try db.connection.backup(into: copyPath)
            // The checkpoint names the head the copy holds, read from the copy itself.
            let copy = try DetainerDatabase.open(path: copyPath, access: .read)
            let problems = try copy.connection.integrityProblems()
            guard problems.isEmpty else {
                throw CLIError(.ioError, "the copy failed its integrity check: \(problems.first ?? "")")
            }
            head = try copy.integrity.checkpoint()
            try copy.close()
            if let head {
                try SafeOutput.write(checkpointTemporary, Array(head.fileContents.utf8), force: false, database: database.resolvedPath)
            }
        } catch {
            throw Self.failure(destination, error)
        }
        // Checkpoint first, the copy last: a file under DEST always has its checkpoint beside it.
        if head != nil, rename(checkpointTemporary, checkpointPath) != 0 {
            throw Self.failure(destination, DurableFile.failure(checkpointPath, "cannot move the checkpoint into place"))
        }
        guard rename(copyPath, destination) == 0 else {
            let error = DurableFile.failure(destination, "cannot move the copy into place")
            if head != nil { FileStatus.remove(checkpointPath) }
            throw Self.failure(destination, error)
        }
        placed = true
        do {
            try DurableFile.syncDirectory(of: destination)
        } catch {
            // The names may not survive a power loss: do not leave a backup that may vanish.
            FileStatus.remove(destination)
            if head != nil { FileStatus.remove(checkpointPath) }
            throw Self.failure(destination, error)
        }
        let bytes = FileStatus.size(destination) ?? 0
        output.print(text: "Backed up \(db.path) to \(destination): \(pages) pages, \(ByteCount.format(bytes)) in \(started.formatted); integrity ok\(head.map { "; checkpoint \(checkpointPath) (audit row \($0.auditID)\($0.signature == nil ? ", unsigned" : ", signed"))" } ?? "").",
                     json: ["database": .string(db.path), "destination": .string(destination), "pages": .int(Int64(pages)), "bytes": .int(Int64(bytes)),
                            "integrity": "ok", "checkpoint": head == nil ? .null : .string(checkpointPath),
                            "checkpointAuditID": .optional(head.map { $0.auditID }), "checkpointSigned": .optional(head.map { $0.signature != nil })])
    }

    /// One line: what failed, and that no backup was left under DEST.
    static func failure(_ destination: String, _ error: Error) -> CLIError {
        let cause: String
        switch error {
        case let error as SQLiteError: cause = error.causePhrase
        case let error as CLIError: cause = error.message
        default: cause = ErrorReporting.classify(error).1
        }
        return CLIError(.ioError, "backup to \(destination) failed: \(cause); no backup was written")
    }
}
