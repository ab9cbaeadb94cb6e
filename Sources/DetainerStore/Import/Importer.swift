import CSVStream
import DetainerDomain
import SQLite

/// What the caller asks of an import.
public struct ImportRequest: Sendable {
    public var fileName: String
    public var fileSHA256: String
    public var format: ImportFormat
    /// Import the good rows and hand the bad ones to `rejects`; otherwise any bad row refuses all.
    public var skipBad: Bool
    /// Import a file whose checksum was imported before.
    public var allowDuplicate: Bool
    /// The SHA-256 of the bytes actually read, available once the reader is at end of file;
    /// the import is refused unless it equals `fileSHA256` (issue 13 §6: one file's rows must
    /// never be recorded under another's hash).
    public var streamedSHA256: (@Sendable () throws -> String)?

    public init(fileName: String, fileSHA256: String, format: ImportFormat, skipBad: Bool, allowDuplicate: Bool = false,
                streamedSHA256: (@Sendable () throws -> String)? = nil) {
        self.streamedSHA256 = streamedSHA256
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.format = format
        self.skipBad = skipBad
        self.allowDuplicate = allowDuplicate
    }
}

public struct ImportSummary: Sendable {
    public let importID: Int64
    public let rowsRead: Int
    public let rowsImported: Int
    public let rowsRejected: Int
    /// The first problems found (at most `ImportLimits.reportedProblems`).
    public let problems: [ImportProblem]
}

public enum ImportLimits {
    /// How many bad rows an import lists before it stops listing.
    public static let reportedProblems = 20
    /// SQLite's page cache during an import (KiB): the pages one import transaction keeps
    /// touching (each index's newest leaves and the paths to them) stay in memory, and the
    /// process stays under 64 MiB however many rows the file has (README "Performance").
    static let pageCacheKiB = 16 * 1024
    /// Rows one INSERT statement writes in an ICE import. One run of a statement opens the
    /// table and each of its indexes and closes them again, and hands the writer thread one
    /// batch (`IceBatchWriter`), so a million one-row statements paid that a million times.
    /// Measured at 1M rows: 256 beat 64 by about a tenth and 512 gained nothing more (Scripts/README.md).
    /// 256 rows take 12,800 parameters (50 a row), below SQLite's limit of 32,766.
    static let rowsPerInsert = 256
}

/// The file was imported before (same SHA-256).
public struct DuplicateImport: Error, CustomStringConvertible {
    public let importID: Int64
    public let at: String
    public var description: String {
        "this file was already imported (import \(importID) on \(at)); use --allow-duplicate to import it again"
    }
}

/// Receives each rejected row: its bytes exactly as in the file, and why it was rejected.
public typealias RejectSink = ([UInt8], ImportProblem) throws -> Void

/// One format's mapping of a CSV row onto inserts.
protocol RowImporter {
    /// Tables this format writes, for the import's fingerprints.
    var tables: [String] { get }
    /// Fingerprints computed while inserting, when the format can (else the rows are read back).
    mutating func fingerprints() -> [ImportFingerprint]?
    /// Validates the row and inserts it (or queues it for a multi-row insert). Throws
    /// `RowError` (nothing written) for a bad row.
    mutating func importRow(_ record: CSVRecord, into db: Connection) throws
    /// Writes whatever rows are still queued; called once, after the last row.
    mutating func finish(into db: Connection) throws
    /// Returns once nothing the importer started is using the connection any more (a format
    /// may write on a thread of its own); called on every way out of the import's transaction,
    /// before it commits or rolls back.
    func settle()
}

extension ImportService {
    /// Streams `reader` into the database in one write transaction with one audit entry.
    public func importRecords(from reader: CSVReader, _ request: ImportRequest, rejects: RejectSink?,
                              progress: ((Int, Int?) -> Void)? = nil, by actor: Actor) throws -> ImportSummary {
        if !request.allowDuplicate {
            let earlier = try connection.prepare("SELECT id, finished_at FROM imports WHERE file_sha256 = ? AND finished_at IS NOT NULL ORDER BY id LIMIT 1")
            try earlier.bind(request.fileSHA256, at: 1)
            if let row = try earlier.first({ ($0.int64(0), $0.string(1) ?? "") }) { throw DuplicateImport(importID: row.0, at: row.1) }
        }
        let header: CSVHeader
        do { header = try reader.readHeader() } catch { throw InputError(field: request.fileName, error.description) }
        let started = clock.now()
        // One transaction writes every row: with SQLite's default 2 MB page cache its dirty pages
        // spill to the WAL and are read back (65k reads for 50k rows). The cache is sized for the
        // transaction, within the import's memory bound, and restored afterwards.
        let cacheSize = try connection.scalarInt("PRAGMA cache_size") ?? -2000
        try connection.execute("PRAGMA cache_size = -\(ImportLimits.pageCacheKiB)")
        defer { try? connection.execute("PRAGMA cache_size = \(cacheSize)") }
        // A multi-row INSERT keeps a statement journal (the pages it touched, as they were, so a
        // failing row can undo the statement's earlier rows). On disk it was 200k writes to a
        // temporary file for 200k rows; in memory it is a few pages per statement.
        let tempStore = try connection.scalarInt("PRAGMA temp_store") ?? 0
        try connection.execute("PRAGMA temp_store = MEMORY")
        defer { try? connection.execute("PRAGMA temp_store = \(tempStore)") }
        return try audited(actor: actor, action: "import", entity: "import") { context in
            let db = context.db
            // The imports row comes first so imported rows reference an existing row (a deferred
            // foreign key would make SQLite search for violations on every insert); its counts
            // and finish time are filled in at the end of the same transaction.
            var row = ImportRecord()
            row.format = request.format
            row.fileName = request.fileName
            row.fileSHA256 = request.fileSHA256
            row.startedAt = started
            row.actorID = try context.actorID
            let importID = try context.insert(&row)
            var importer = try makeRowImporter(request.format, header: header, importID: importID, actor: actor, now: context.now, db: db)
            defer { importer.settle() }
            var read = 0, imported = 0, rejected = 0
            var problems: [ImportProblem] = []
            func reject(_ problem: ImportProblem, raw: [UInt8]) throws {
                rejected += 1
                if problems.count < ImportLimits.reportedProblems { problems.append(problem) }
                if request.skipBad { try rejects?(raw, problem) }
            }
            while true {
                let record: CSVRecord
                do throws(CSVError) {
                    guard let next = try reader.next() else { break }
                    record = next
                } catch {
                    guard error.isRecoverable else {
                        // description, not message: it carries the line (and column) of the problem.
                        throw InputError(field: request.fileName, error.description)
                    }
                    read += 1
                    try reject(ImportProblem(line: error.recordLine ?? error.line ?? 0, column: error.columnName ?? error.column.map(String.init),
                                             message: error.message), raw: error.rawRecord ?? [])
                    continue
                }
                if record.isBlank { continue }
                read += 1
                if read % 8192 == 0 { progress?(reader.bytesConsumed, reader.totalBytes) }
                if let problem = header.fieldCountError(for: record) {
                    try reject(ImportProblem(line: record.line, column: nil, message: problem.message), raw: record.rawBytes)
                    continue
                }
                do {
                    try importer.importRow(record, into: db)
                    imported += 1
                } catch let error as RowError {
                    try reject(ImportProblem(line: record.line, column: error.column, message: error.message), raw: record.rawBytes)
                }
            }
            try importer.finish(into: db)
            progress?(reader.bytesConsumed, reader.totalBytes)
            if rejected > 0 && !request.skipBad {
                throw ImportRefused(problems: problems, badRows: rejected, rowsRead: read)
            }
            if let streamed = request.streamedSHA256, try streamed() != request.fileSHA256 {
                throw InputError(field: request.fileName, "the file changed while it was being imported (its SHA-256 differs from the one taken when it was opened); nothing was imported")
            }
            try ImportRecord.update(id: importID, set: ["rows_read": read, "rows_imported": imported, "rows_rejected": rejected,
                                                        "finished_at": clock.now().iso8601], in: context)
            context.entityID = importID
            context.details = ["file": .string(request.fileName), "sha256": .string(request.fileSHA256),
                               "format": .string(request.format.rawValue), "rowsRead": .int(Int64(read)),
                               "rowsImported": .int(Int64(imported)), "rowsRejected": .int(Int64(rejected))]
            context.importFingerprints = try importer.fingerprints()
                ?? importer.tables.map { try ImportFingerprint.compute(table: $0, importID: importID, in: db) }
            return ImportSummary(importID: importID, rowsRead: read, rowsImported: imported, rowsRejected: rejected, problems: problems)
        }
    }

    private func makeRowImporter(_ format: ImportFormat, header: CSVHeader, importID: Int64, actor: Actor, now: UTCInstant,
                                 db: Connection) throws -> any RowImporter {
        switch format {
        case .ice:
            guard let columns = IceColumns(header) else {
                throw InputError(field: "format", "the header has no ICE date and lift-reason columns (date/lift_reason or Detainer Prepare Date/Detainer Lift Reason)")
            }
            return IceRowImporter(columns: columns, importID: importID, today: now.newYorkDate)
        case .docCustody:
            guard let columns = DocCustodyColumns(header) else {
                throw InputError(field: "format", "the header lacks the DOC columns INMATEID, ADMITTED_DT and TOP_CHARGE")
            }
            return DocCustodyRowImporter(columns: columns, importID: importID, actorID: actor.id, now: now)
        case .native:
            return try NativeRowImporter(header: header, importID: importID, actorID: actor.id, now: now)
        }
    }
}

extension RowImporter {
    mutating func fingerprints() -> [ImportFingerprint]? { nil }
    mutating func finish(into db: Connection) throws {}
    func settle() {}
}
