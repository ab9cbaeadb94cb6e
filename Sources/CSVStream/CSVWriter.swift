/// Writes RFC 4180 CSV through a buffer to a file or descriptor.
///
/// Output is deterministic: a field is quoted exactly when it must be (it
/// contains the delimiter, a quote, CR or LF; starts or ends with a space or
/// tab; is the only, empty, field of a record; or would be mistaken for a
/// byte-order mark at the start of the file), or always with `quoteAll`.
///
/// Call `close()` (or `flush()` for descriptors you keep) to see write
/// errors; deinit flushes too but can only swallow them.
public final class CSVWriter {
    public struct Options: Sendable {
        /// Field separator: any ASCII character except `"`, CR and LF.
        public var delimiter: Unicode.Scalar
        public var lineEnding: CSVLineEnding
        /// Prefix `'` to fields starting with `=`, `+`, `-`, `@`, tab or CR
        /// (OWASP's list) so a spreadsheet shows them instead of running them.
        /// Changes data (a negative number gains a `'`), hence off by default.
        public var neutralizeFormulas: Bool
        /// Quote every field, needed or not.
        public var quoteAll: Bool
        public var bufferSize: Int

        public init(
            delimiter: Unicode.Scalar = ",", lineEnding: CSVLineEnding = .lf,
            neutralizeFormulas: Bool = false, quoteAll: Bool = false, bufferSize: Int = 64 * 1024
        ) {
            self.delimiter = delimiter
            self.lineEnding = lineEnding
            self.neutralizeFormulas = neutralizeFormulas
            self.quoteAll = quoteAll
            self.bufferSize = bufferSize
        }
    }

    public let options: Options
    private let sink: ByteSink
    private let delimiter: UInt8
    private let lineEnding: [UInt8]

    /// Creates (or truncates, or with `append` extends) the file at `path`.
    public convenience init(path: String, append: Bool = false, options: Options = Options()) throws(CSVError) {
        try self.init(sink: ByteSink(path: path, append: append, bufferSize: options.bufferSize), options: options)
    }

    /// Writes to an open descriptor (1 for stdout).
    public convenience init(
        fileDescriptor: Int32, closeWhenDone: Bool = false, options: Options = Options()
    ) throws(CSVError) {
        try self.init(
            sink: ByteSink(fileDescriptor: fileDescriptor, closeWhenDone: closeWhenDone, bufferSize: options.bufferSize),
            options: options)
    }

    /// Writes into memory; `text()` returns what was written.
    public static func inMemory(options: Options = Options()) throws(CSVError) -> CSVWriter {
        try CSVWriter(sink: ByteSink(inMemoryWithBufferSize: options.bufferSize), options: options)
    }

    /// An in-memory writer's output so far (empty for a writer to a file or descriptor).
    public func text() throws(CSVError) -> String {
        try sink.flush()
        return String(decoding: sink.memory ?? [], as: UTF8.self)
    }

    /// Writes to standard output.
    public static func standardOutput(options: Options = Options()) throws(CSVError) -> CSVWriter {
        try CSVWriter(fileDescriptor: 1, options: options)
    }

    private init(sink: ByteSink, options: Options) throws(CSVError) {
        let d = options.delimiter.value
        guard d < 0x80, d != 0x22, d != 0x0A, d != 0x0D, d != 0 else {
            throw CSVError(.invalidOption("the delimiter must be an ASCII character other than a quote, NUL, CR or LF"))
        }
        self.options = options
        self.sink = sink
        delimiter = UInt8(d)
        lineEnding = options.lineEnding.bytes
    }

    /// Bytes written so far (including those still buffered).
    public var bytesWritten: Int { sink.bytesWritten }

    /// Writes one record.
    public func write(_ fields: [String]) throws(CSVError) {
        guard !fields.isEmpty else {
            try appendLineEnding()  // zero fields: a blank line is the only rendering
            return
        }
        for (i, field) in fields.enumerated() {
            if i > 0 { try sink.append(delimiter) }
            try writeField(field, isOnlyField: fields.count == 1)
        }
        try appendLineEnding()
    }

    /// Writes one record from any sequence of strings, e.g. `[Substring]` or
    /// a `CSVHeader` (its normalised names).
    public func write<S: Sequence>(_ fields: S) throws(CSVError) where S.Element: StringProtocol {
        try write(fields.map { String($0) })
    }

    /// Writes a parsed record's fields, re-quoted for this writer's options,
    /// straight from the record's storage (no String conversion).
    public func write(_ record: CSVRecord) throws(CSVError) {
        for i in 0..<record.count {
            if i > 0 { try sink.append(delimiter) }
            try record.withFieldBytes(i) { (bytes) throws(CSVError) in
                try writeField(bytes.bindMemory(to: UInt8.self), isOnlyField: record.count == 1)
            }
        }
        try appendLineEnding()
    }

    /// Writes a record's bytes exactly as they were read, adding this
    /// writer's line ending only if the record had none (last line of a file).
    public func writeRaw(_ record: CSVRecord) throws(CSVError) {
        try record.withRawBytes { (raw) throws(CSVError) in try sink.append(raw.bindMemory(to: UInt8.self)) }
        if record.lineEnding == nil { try appendLineEnding() }
    }

    /// Writes bytes verbatim (e.g. `CSVError.rawRecord` or `CSVHeader.rawBytes`),
    /// adding this writer's line ending if they do not end with CR or LF.
    public func writeRaw(_ bytes: [UInt8]) throws(CSVError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in try sink.append(buffer) }
        if let last = bytes.last, last == 0x0A || last == 0x0D { return }
        try appendLineEnding()
    }

    /// Writes a record's bytes as they were read (without their line ending), then one more
    /// field written by this writer's rules, then the line ending: a rejects file's row and reason.
    public func writeRaw(_ bytes: [UInt8], appendingField field: String) throws(CSVError) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in try sink.append(UnsafeBufferPointer(rebasing: buffer[..<end])) }
        try sink.append(delimiter)
        try writeField(field, isOnlyField: false)
        try appendLineEnding()
    }

    public func flush() throws(CSVError) { try sink.flush() }

    /// Flushes and, if the writer opened or owns the descriptor, closes it.
    public func close() throws(CSVError) { try sink.close() }

    private func appendLineEnding() throws(CSVError) {
        try lineEnding.withUnsafeBufferPointer { (bytes) throws(CSVError) in try sink.append(bytes) }
    }

    private func writeField(_ field: String, isOnlyField: Bool) throws(CSVError) {
        var field = field  // withUTF8 is mutating; native strings are not copied
        var failure: CSVError?
        field.withUTF8 { bytes in
            do throws(CSVError) { try writeField(bytes, isOnlyField: isOnlyField) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeField(_ bytes: UnsafeBufferPointer<UInt8>, isOnlyField: Bool) throws(CSVError) {
        let apostrophe = options.neutralizeFormulas && bytes.first.map(CSVFormulaGuard.startsFormula) == true
        if options.quoteAll || needsQuotes(bytes, isOnlyField: isOnlyField, prefixed: apostrophe) {
            try sink.append(0x22)
            if apostrophe { try sink.append(0x27) }
            var runStart = 0
            for i in bytes.indices where bytes[i] == 0x22 {
                // Emit up to and including the quote, then its doubling quote.
                try sink.append(UnsafeBufferPointer(rebasing: bytes[runStart...i]))
                try sink.append(0x22)
                runStart = i + 1
            }
            try sink.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
            try sink.append(0x22)
        } else {
            if apostrophe { try sink.append(0x27) }
            try sink.append(bytes)
        }
    }

    private func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, isOnlyField: Bool, prefixed: Bool) -> Bool {
        guard let first = bytes.first, let last = bytes.last else {
            return isOnlyField  // an empty lone field would read back as a blank line
        }
        // With the apostrophe in front, a leading blank is no longer leading.
        if !prefixed && (first == 0x20 || first == 0x09) { return true }
        if last == 0x20 || last == 0x09 { return true }
        // At the very start of the output, text that looks like a BOM (or its
        // mojibake) would be skipped by a reader; quoting protects it.
        if bytesWritten == 0, let base = bytes.baseAddress,
            TextEncodingCheck.byteOrderMarkLength(base, count: bytes.count) > 0 {
            return true
        }
        let delimiter = self.delimiter
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D { return true }
            i &+= 1
        }
        return false
    }
}
