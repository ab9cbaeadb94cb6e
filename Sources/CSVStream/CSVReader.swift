/// Streams CSV records from a file or file descriptor in fixed-size chunks,
/// so memory stays flat whatever the input size.
///
///     let reader = try CSVReader(path: "in.csv")
///     let header = try reader.readHeader()
///     while let record = try reader.next() { ... }
///
/// Errors whose `isRecoverable` is true (stray quote, NUL, invalid UTF-8)
/// have already consumed the bad record, so the caller may log
/// `error.rawRecord` and call `next()` again. Any other error is repeated by
/// every later call.
///
/// Not thread-safe: use one reader from one task at a time.
public final class CSVReader {
    public let options: Options
    /// The header, once `readHeader()` has been called.
    public private(set) var header: CSVHeader?
    /// Input size when reading a regular file (nil for pipes and stdin).
    public let totalBytes: Int?

    private let source: ByteSource
    private let scanner: RecordScanner
    // `@exclusivity(unchecked)`: these are touched several times per record,
    // and the runtime access tracking cost ~20% of parse time. The class is
    // single-threaded by contract and never hands out inout references to them.
    @exclusivity(unchecked) private var fields = FieldRanges()
    @exclusivity(unchecked) private var storage = RecordStorage()
    @exclusivity(unchecked) private var input: InputWindow
    @exclusivity(unchecked) private var started = false
    @exclusivity(unchecked) private var nextLine = 1
    @exclusivity(unchecked) private var stickyError: CSVError?

    /// Opens `path` for reading. The file is closed with the reader.
    public convenience init(path: String, options: Options = Options()) throws(CSVError) {
        try self.init(source: ByteSource(path: path), options: options)
    }

    /// Reads from an already open descriptor (e.g. 0 for stdin).
    public convenience init(
        fileDescriptor: Int32, closeWhenDone: Bool = false, options: Options = Options()
    ) throws(CSVError) {
        try self.init(
            source: ByteSource(fileDescriptor: fileDescriptor, closeWhenDone: closeWhenDone),
            options: options)
    }

    /// Reads standard input.
    public static func standardInput(options: Options = Options()) throws(CSVError) -> CSVReader {
        try CSVReader(fileDescriptor: 0, options: options)
    }

    private init(source: ByteSource, options: Options) throws(CSVError) {
        let options = try options.validated()
        self.options = options
        self.source = source
        self.totalBytes = source.regularFileSize
        scanner = RecordScanner(
            delimiter: UInt8(options.delimiter.value), maxFieldLength: options.maxFieldLength,
            maxRecordLength: options.maxRecordLength, strictQuotes: options.strictQuotes)
        input = InputWindow(chunkSize: options.chunkSize)
    }

    deinit {
        input.deallocate()
        scanner.deallocate()
        fields.deallocate()
    }

    /// Bytes of input consumed so far (including any byte-order mark).
    public var bytesConsumed: Int { input.consumed }

    /// Share of the file consumed, 0...1, when the size is known.
    public var fractionCompleted: Double? {
        guard let totalBytes else { return nil }
        return totalBytes == 0 ? 1 : min(1, Double(bytesConsumed) / Double(totalBytes))
    }

    /// Closes the input early; later reads return nil.
    public func close() {
        source.close()
        started = true  // never touch the closed (possibly reused) descriptor again
        input.abandon()
    }

    /// Reads the first non-blank record as the header and remembers it, so
    /// that later errors can name columns. Calling it again returns the same
    /// header.
    public func readHeader() throws(CSVError) -> CSVHeader {
        if let header { return header }
        while let record = try nextRecord() {
            if record.isBlank { continue }
            let header = CSVHeader(names: record.fields, line: record.line, rawBytes: record.rawBytes)
            self.header = header
            return header
        }
        throw CSVError(.emptyFile)
    }

    /// The next record, or nil at the end of the input.
    public func next() throws(CSVError) -> CSVRecord? {
        while let record = try nextRecord() {
            if options.skipBlankLines && record.isBlank { continue }
            return record
        }
        return nil
    }

    private func nextRecord() throws(CSVError) -> CSVRecord? {
        if let stickyError { throw stickyError }
        do throws(CSVError) {
            if !started { try begin() }
            while true {
                if input.isDrained {
                    if input.atEOF { return nil }
                    try input.refill(from: source)
                    continue
                }
                switch scanner.scan(input.base, from: input.start, to: input.end, atEOF: input.atEOF, into: &fields) {
                case .needMore:
                    try input.refill(from: source)
                case .fatal(let fatal):
                    throw error(for: fatal)
                case .record(let scanned):
                    return try accept(scanned)
                }
            }
        } catch {
            if !error.isRecoverable { stickyError = error }
            throw error
        }
    }

    /// Copies a scanned record into record storage and advances past it;
    /// throws afterwards if the record was defective, so the caller can skip it.
    private func accept(_ scanned: RecordScanner.Scanned) throws(CSVError) -> CSVRecord {
        let line = nextLine
        let offset = bytesConsumed
        let record = makeRecord(scanned, line: line, offset: offset)
        input.start = scanned.end
        nextLine += scanned.newlines

        if let problem = scanned.problem {
            let kind: CSVError.Kind
            switch problem.kind {
            case .strayQuote: kind = .strayQuote
            case .textAfterClosingQuote: kind = .textAfterClosingQuote
            case .nulByte: kind = .nulByte
            }
            throw CSVError(
                kind, line: line + problem.lineOffset, column: problem.field + 1,
                columnName: header?.name(at: problem.field), recordLine: line, rawRecord: record.rawBytes)
        }
        if scanned.hasHighBytes, let error = utf8Error(record, line: line) {
            throw error
        }
        return record
    }

    private func makeRecord(_ scanned: RecordScanner.Scanned, line: Int, offset: Int) -> CSVRecord {
        let start = input.start
        let rawCount = scanned.end - start
        let fieldCount = fields.count
        let ranges = fields.base
        var needed = rawCount
        if scanned.hasDoubledQuotes {
            for k in 0..<fieldCount where ranges[2 * k] & FieldRanges.needsUnescape != 0 {
                needed += Int(ranges[2 * k + 1] - (ranges[2 * k] & ~FieldRanges.needsUnescape))
            }
        }
        if !isKnownUniquelyReferenced(&storage) {
            storage = RecordStorage(byteCapacity: max(needed, 1024), fieldCapacity: max(fieldCount, 32))
        }
        storage.reserve(bytes: needed, fields: fieldCount)
        storage.bytes.update(from: input.base + start, count: rawCount)
        storage.ranges.update(from: ranges, count: fieldCount * 2)
        if scanned.hasDoubledQuotes { unescapeFields(fieldCount: fieldCount, writeFrom: rawCount) }
        return CSVRecord(
            storage: storage, rawCount: rawCount, count: fieldCount, line: line,
            lineSpan: scanned.newlines + (scanned.lineEnding == nil ? 1 : 0),
            byteOffset: offset, lineEnding: scanned.lineEnding,
            isBlank: scanned.contentEnd == start)
    }

    /// Writes `""`-collapsed copies of quoted fields after the raw bytes and
    /// points their ranges there, leaving the raw bytes untouched.
    private func unescapeFields(fieldCount: Int, writeFrom: Int) {
        let bytes = storage.bytes
        let ranges = storage.ranges
        var w = writeFrom
        for k in 0..<fieldCount where ranges[2 * k] & FieldRanges.needsUnescape != 0 {
            var r = Int(ranges[2 * k] & ~FieldRanges.needsUnescape)
            let fieldEnd = Int(ranges[2 * k + 1])
            let newStart = w
            while r < fieldEnd {
                let b = bytes[r]
                bytes[w] = b
                w += 1
                r += b == 0x22 ? 2 : 1
            }
            ranges[2 * k] = UInt32(newStart)
            ranges[2 * k + 1] = UInt32(w)
        }
    }

    /// Validates each field's raw bytes (quotes are ASCII, so raw and
    /// unescaped bytes are equally valid), reporting the first bad byte.
    private func utf8Error(_ record: CSVRecord, line: Int) -> CSVError? {
        let raw = UnsafePointer(storage.bytes)
        for k in 0..<record.count {
            let fieldStart = Int(fields.base[2 * k] & ~FieldRanges.needsUnescape)
            let fieldEnd = Int(fields.base[2 * k + 1])
            let p = raw + fieldStart
            guard let i = TextEncodingCheck.firstInvalidUTF8(p, count: fieldEnd - fieldStart) else { continue }
            let latin1 = TextEncodingCheck.looksLikeLatin1(p, count: fieldEnd - fieldStart, at: i)
            let linesBefore = countLineBreaks(raw, upTo: fieldStart + i)
            return CSVError(
                .notUTF8(byte: p[i], likelyLatin1: latin1), line: line + linesBefore,
                column: k + 1, columnName: header?.name(at: k), recordLine: line,
                rawRecord: record.rawBytes)
        }
        return nil
    }

    private func countLineBreaks(_ raw: UnsafePointer<UInt8>, upTo limit: Int) -> Int {
        var count = 0
        for i in 0..<limit {
            // `i + 1 < limit` suffices: the byte at `limit` is the bad one, never LF.
            if raw[i] == 0x0A || (raw[i] == 0x0D && (i + 1 >= limit || raw[i + 1] != 0x0A)) {
                count += 1
            }
        }
        return count
    }

    private func error(for fatal: RecordScanner.Fatal) -> CSVError {
        switch fatal {
        case let .unclosedQuote(field, lineOffset):
            return CSVError(
                .unclosedQuote, line: nextLine + lineOffset, column: field + 1,
                columnName: header?.name(at: field), recordLine: nextLine)
        case let .fieldTooLong(field, lineOffset, quoted):
            return CSVError(
                .fieldTooLong(limit: options.maxFieldLength, quoted: quoted), line: nextLine + lineOffset,
                column: field + 1, columnName: header?.name(at: field), recordLine: nextLine)
        case .recordTooLong:
            return CSVError(
                .recordTooLong(limit: options.maxRecordLength), line: nextLine, recordLine: nextLine)
        }
    }

    /// First read: refuse encodings we cannot parse, then skip byte-order marks.
    private func begin() throws(CSVError) {
        started = true
        while input.end < 8 && !input.atEOF { try input.refill(from: source) }
        if let (name, evidence) = TextEncodingCheck.unsupportedEncoding(input.base, count: input.end) {
            throw CSVError(.unsupportedEncoding(name: name, evidence: evidence))
        }
        while true {
            let bom = TextEncodingCheck.byteOrderMarkLength(input.base + input.start, count: input.end - input.start)
            if bom == 0 { break }
            input.start += bom
        }
    }
}
