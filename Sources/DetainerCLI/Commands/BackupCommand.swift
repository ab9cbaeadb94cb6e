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
        discussion: "The copy is written beside DEST and renamed into place when complete, then checked with PRAGMA integrity_check.")

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
        // The head is taken before the copy: the copy contains at least this head, so checking
        // the backup (or the live database later) against the checkpoint proves nothing older
        // was cut off.
        let head = try db.checkpoint()
        let started = Stopwatch()
        let progress = ProgressBar(label: "backup", enabled: Terminal.stderrIsTTY)
        var pages = 0
        try db.connection.backup(to: destination) { remaining, total in
            pages = total
            progress.update(done: total - remaining, total: total)
        }
        progress.finish()
        let copy = try DetainerDatabase.open(path: destination, access: .read)
        let problems = try copy.connection.integrityProblems()
        guard problems.isEmpty else {
            throw CLIError(.ioError, "the backup at \(destination) failed its integrity check: \(problems.first ?? "")")
        }
        chmod(destination, SafeOutput.mode)
        if let head {
            try SafeOutput.write(checkpointPath, Array(head.fileContents.utf8), force: force, database: database.resolvedPath)
        }
        let bytes = FileStatus.size(destination) ?? 0
        output.print(text: "Backed up \(db.path) to \(destination): \(pages) pages, \(ByteCount.format(bytes)) in \(started.formatted); integrity ok\(head.map { "; checkpoint \(checkpointPath) (audit row \($0.auditID)\($0.signature == nil ? ", unsigned" : ", signed"))" } ?? "").",
                     json: ["database": .string(db.path), "destination": .string(destination), "pages": .int(Int64(pages)), "bytes": .int(Int64(bytes)),
                            "integrity": "ok", "checkpoint": head == nil ? .null : .string(checkpointPath),
                            "checkpointAuditID": .optional(head.map { $0.auditID }), "checkpointSigned": .optional(head.map { $0.signature != nil })])
    }
}
