import ArgumentParser
import CSVStream
import DetainerDomain
import DetainerStore

struct ImportCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import ICE detainer records, this tool's own export, or NYC DOC custody snapshots.",
        discussion: """
            The whole file goes in as one transaction and one audit entry (file name, SHA-256, counts). By default \
            any bad row refuses the whole import, listing up to 20 problems as `line N, column C: what is wrong`, \
            and nothing changes. With --skip-bad --rejects FILE the good rows go in and each bad row is written \
            to FILE exactly as it was, followed by the reason. Formats: ice (NPR/Pennsylvania FOIA extract or \
            Deportation Data Project column names), native (`detainer export --format csv`), doc-custody \
            (NYC Open Data "Daily Inmates In Custody"); auto (default) tells them apart by the header.
            """)

    enum FormatChoice: String, CaseInsensitiveArgument {
        case auto, ice, native
        case docCustody = "doc-custody"
    }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The CSV file.", completion: .file(extensions: ["csv"])) var file: String
    @Option(help: "auto, ice, native or doc-custody.") var format: FormatChoice = .auto
    @Flag(help: "Import the good rows; write the bad ones to --rejects.") var skipBad = false
    @Option(help: ArgumentHelp("Where to write rejected rows (with --skip-bad).", valueName: "file")) var rejects: String?
    @Flag(help: "Import a file even if the same file (by SHA-256) was imported before.") var allowDuplicate = false
    @Flag(help: "Replace --rejects if it exists.") var force = false

    func validate() throws {
        if skipBad != (rejects != nil) { throw ValidationError("--skip-bad and --rejects FILE go together") }
        if let rejects, rejects == file { throw ValidationError("--rejects must not be the input file") }
    }

    func execute() throws {
        let input = try ClientFiles.status(file)
        if input.isDirectory { throw CLIError(.noInput, "\(file) is a directory, not a file") }
        guard input.exists else { throw CLIError(.noInput, "\(file): no such file") }
        if let rejects, try ClientFiles.status(rejects).isDirectory { throw CLIError(.cannotCreate, "\(rejects) is a directory") }
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .importData)
        // One open: the digest and the rows come from the same bytes (see HashingTee).
        let tee = try HashingTee(descriptor: try ClientFiles.openForReading(file), name: file)
        let digest = tee.initialDigest
        let reader: CSVReader
        let header: CSVHeader
        do throws(CSVError) {
            reader = try CSVReader(fileDescriptor: tee.readEnd, closeWhenDone: true)
            header = try reader.readHeader()
        } catch {
            if case .io = error.kind { throw CLIError(.ioError, "\(file): \(error.message)") }
            throw CLIError(.dataError, "\(file): \(error.description)")
        }
        if format == .auto || format == .ice, let aggregate = AggregateTable.recognise(header) {
            throw CLIError(.dataError, "\(file): an aggregate table (a \(aggregate.count) per \(aggregate.groups.joined(separator: ", "))), not detainer records; import takes one row per detainer, such as ICE's record-level extracts")
        }
        let resolved: ImportFormat
        switch format {
        case .auto:
            guard let detected = ImportFormat.detect(header) else {
                throw CLIError(.dataError, "\(file): cannot tell the format from its header (\(header.names.prefix(6).joined(separator: ","))…); give --format ice, native or doc-custody")
            }
            resolved = detected
        case .ice: resolved = .ice
        case .native: resolved = .native
        case .docCustody: resolved = .docCustody
        }
        var rejectWriter: CSVWriter?
        if let rejects {
            // Exclusive and owner-only; never the database, whatever name it goes by.
            let fd = try SafeOutput.create(rejects, force: force, database: db.path)
            do throws(CSVError) {
                let writer = try CSVWriter(fileDescriptor: fd, closeWhenDone: true)
                try writer.writeRaw(RejectFile.headerLine(header))
                rejectWriter = writer
            } catch {
                throw CLIError(.cannotCreate, "\(rejects): \(error.message)")
            }
        }
        let progress = ProgressBar(label: "import", enabled: Terminal.stderrIsTTY)
        let clock = Stopwatch()
        let summary: ImportSummary
        do {
            summary = try ImportService(db).importRecords(
                from: reader, ImportRequest(fileName: file, fileSHA256: digest, format: resolved, skipBad: skipBad, allowDuplicate: allowDuplicate,
                                            streamedSHA256: { try tee.streamedDigest() }),
                rejects: rejectWriter.map { writer in { raw, problem in try writer.writeRaw(raw, appendingField: problem.description) } },
                progress: { done, total in progress.update(done: done, total: total ?? 0) }, by: user)
        } catch {
            progress.finish()
            // Nothing was imported, so no rejects file either: one would list rows "rejected"
            // from an import that never happened.
            if let rejects, let rejectWriter {
                try? rejectWriter.close()
                ClientFiles.remove(rejects)
            }
            if let refused = error as? ImportRefused {
                for problem in refused.problems { Terminal.err(problem.description) }
                if refused.badRows > refused.problems.count { Terminal.err("… and \(refused.badRows - refused.problems.count) more") }
            }
            throw error
        }
        progress.finish()
        try rejectWriter?.close()
        let seconds = clock.seconds
        let rate = seconds > 0 ? Int(Double(summary.rowsImported) / seconds) : summary.rowsImported
        Terminal.out("Imported \(summary.rowsImported) of \(summary.rowsRead) rows from \(file) (\(resolved.rawValue)) as import \(summary.importID) in \(Stopwatch.format(seconds: seconds)), \(rate) rows/s; \(summary.rowsRejected) rejected\(rejects.map { " (written to \($0))" } ?? "").")
        for problem in summary.problems where skipBad { Terminal.warn("rejected \(problem.description)") }
    }
}

/// The rejects file: the input's header plus a `reject_reason` column; each bad row exactly as
/// it was in the input, then its reason.
enum RejectFile {
    static func headerLine(_ header: CSVHeader) -> [UInt8] {
        stripLineEnd(header.rawBytes ?? Array(header.names.joined(separator: ",").utf8)) + Array(",reject_reason\n".utf8)
    }

    static func stripLineEnd(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        while let last = out.last, last == 0x0A || last == 0x0D { out.removeLast() }
        return out
    }
}
