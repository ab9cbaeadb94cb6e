import ArgumentParser
import CSVStream
import DetainerDomain
import DetainerStore
import Foundation

struct ExportCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Record-level export: one row per detainer with its person, custody case, latest evaluation, decision and status.",
        discussion: """
            Columns are stable and documented in the README. --pseudonymize replaces names and identifiers with \
            keyed tokens (HMAC-SHA-256 with the key in --key-file: the same person gets the same token under the \
            same key) and keeps only the year of birth. CSV cells that a spreadsheet would run as a formula are \
            prefixed with an apostrophe. Streamed: memory stays flat.
            """)

    enum ExportFormat: String, CaseInsensitiveArgument { case csv, json, ndjson }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Option(help: "Received on or after this day (YYYY-MM-DD) or month (YYYY-MM), New York dates.") var from: String?
    @Option(help: "Received on or before this day (YYYY-MM-DD) or month (YYYY-MM), New York dates.") var to: String?
    @Option(help: "csv, json or ndjson.") var format: ExportFormat = .csv
    @Flag(help: "Replace names and identifiers with keyed tokens.") var pseudonymize = false
    @Option(help: ArgumentHelp("Secret key for --pseudonymize: 32+ random bytes (`detainer keygen --pseudonym-key FILE`).", valueName: "file")) var keyFile: String?
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @Flag(help: "Replace --output if it exists.") var force = false
    @Option(help: ArgumentHelp("Also write the exported detainers' documents into this new folder, with manifest.csv of their SHA-256 hashes (not with --pseudonymize).", valueName: "dir"))
    var documents: String?

    func validate() throws {
        if pseudonymize != (keyFile != nil) { throw ValidationError("--pseudonymize and --key-file FILE go together") }
        if pseudonymize, documents != nil { throw ValidationError("--documents cannot go with --pseudonymize: documents name the person, so a pseudonymised export leaves them out") }
    }

    func execute() throws {
        let range = try DateRangeArgument.parse(from: from, to: to)
        let filter = ExportFilter(receivedFrom: range.from, receivedTo: range.to)
        if documents != nil, PeerSession.current != nil {
            throw CLIError(.usage, "--documents writes a folder of files, which the service cannot do for you over its socket; fetch documents one at a time with `detainer document get ID --out FILE`")
        }
        if let documents, FileStatus.exists(documents) { throw CLIError(.cannotCreate, "\(documents) already exists; give a new folder for --documents") }
        var pseudonymizer: Pseudonymizer?
        if let keyFile {
            pseudonymizer = Pseudonymizer(key: try PseudonymKey.load(keyFile))
        }
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .export)
        // The destination is created (exclusively, owner-only) before the audit entry, so a
        // refused path costs nothing; the entry is written before the first byte.
        let file = try output.map { try AtomicOutput($0, force: force, database: db.path) }
        try ReportService(db).recordExportStart(filter: filter, format: format.rawValue, pseudonymized: pseudonymizer != nil, destination: output, by: user)
        let writer: CSVWriter
        do throws(CSVError) {
            let options = CSVWriter.Options(neutralizeFormulas: format == .csv)
            if let file {
                writer = try CSVWriter(fileDescriptor: file.fd, closeWhenDone: false, options: options)
            } else {
                writer = try CSVWriter.standardOutput(options: options)
            }
        } catch {
            throw CLIError(.cannotCreate, "\(output ?? "stdout"): \(error.message)")
        }
        let columns = NativeExport.columnNames
        let clock = Stopwatch()
        var first = true
        Terminal.flush()
        let count: Int
        do {
            count = try ReportService(db).exportDetainers(filter, pseudonymizer: pseudonymizer) { values in
                switch format {
                case .csv:
                    if first { try writer.write(columns) }
                    try writer.write(values.map(\.csvText))
                case .json:
                    try writer.writeRaw(Array(((first ? "[\n" : ",\n") + ExportJSON.object(columns, values)).utf8))
                case .ndjson:
                    try writer.writeRaw(Array((ExportJSON.object(columns, values) + "\n").utf8))
                }
                first = false
            }
            if first && format == .csv { try writer.write(columns) }
            if format == .json { try writer.writeRaw(Array((first ? "[]\n" : "\n]\n").utf8)) }
            try writer.close()
        } catch let error as CSVError {
            // A full or failing disk (issue 27 §1.2): 74, naming the file, as `import` does.
            throw Self.writeFailure(output, error)
        }
        try file?.commit()
        if let documents {
            let service = ReportService(db), list = try service.documentsForExport(filter)
            try service.recordDocumentExport(list, folder: documents, by: user)
            try DocumentFolder.write(list, to: documents) { try DocumentService(db).content(documentID: $0).bytes }
            Terminal.err("Wrote \(list.count) document(s) and manifest.csv to \(documents).")
        }
        Terminal.err("Exported \(count) detainers\(pseudonymizer == nil ? "" : " (pseudonymized)")\(output.map { " to \($0)" } ?? "") in \(clock.formatted).")
    }
}

extension ExportCommand {
    static func writeFailure(_ output: String?, _ error: CSVError) -> CLIError {
        guard case let .io(operation, _, code) = error.kind else {
            return CLIError(.ioError, "\(output ?? "standard output"): \(error.message)")
        }
        let cause = code == ENOSPC || code == EDQUOT ? "the disk is full" : String(cString: strerror(code))
        let outcome = output == nil ? "the export is incomplete" : "nothing was exported (no file left)"
        return CLIError(.ioError, "\(output ?? "standard output"): cannot \(operation): \(cause); \(outcome)")
    }
}

/// JSON objects with keys in column order (the documented order, camelCase: README, "JSON
/// keys"), one per detainer.
enum ExportJSON {
    static func object(_ columns: [String], _ values: [JSONValue]) -> String {
        var out = "{"
        for (index, column) in columns.enumerated() {
            if index > 0 { out += "," }
            JSONValue.string(JSONKeys.camelCase(column)).write(to: &out)
            out += ":"
            values[index].write(to: &out)
        }
        return out + "}"
    }
}
