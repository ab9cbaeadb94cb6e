extension CSVReader {
    /// Parsing choices. The defaults suit RFC 4180 files with real-world noise.
    public struct Options: Sendable {
        /// Field separator: any ASCII character except `"`, CR and LF.
        public var delimiter: Unicode.Scalar
        /// Bytes requested per read(2); memory use is about this much plus
        /// the longest record.
        public var chunkSize: Int
        /// Longest field accepted, in raw bytes. Guards against a missing
        /// closing quote swallowing the rest of a huge file into memory.
        public var maxFieldLength: Int
        /// Longest record accepted, in raw bytes.
        public var maxRecordLength: Int
        /// When true (default) a quote inside an unquoted field, or text after
        /// a closing quote, is an error; when false it is kept as literal text.
        public var strictQuotes: Bool
        /// When true blank lines are dropped silently; by default they are
        /// returned with `isBlank` set so the caller can skip or reject them.
        public var skipBlankLines: Bool

        public init(
            delimiter: Unicode.Scalar = ",",
            chunkSize: Int = 256 * 1024,
            maxFieldLength: Int = 1 << 20,
            maxRecordLength: Int = 16 << 20,
            strictQuotes: Bool = true,
            skipBlankLines: Bool = false
        ) {
            self.delimiter = delimiter
            self.chunkSize = chunkSize
            self.maxFieldLength = maxFieldLength
            self.maxRecordLength = maxRecordLength
            self.strictQuotes = strictQuotes
            self.skipBlankLines = skipBlankLines
        }

        /// Comma-separated (the default).
        public static var csv: Options { Options() }
        /// Pipe-separated (`.psv`).
        public static var pipe: Options { Options(delimiter: "|") }
        /// Tab-separated.
        public static var tab: Options { Options(delimiter: "\t") }

        func validated() throws(CSVError) -> Options {
            let d = delimiter.value
            guard d < 0x80, d != 0x22, d != 0x0A, d != 0x0D, d != 0 else {
                throw CSVError(.invalidOption(
                    "the delimiter must be an ASCII character other than a quote, NUL, CR or LF"))
            }
            guard maxFieldLength > 0, maxRecordLength > 0, maxRecordLength < Int(Int32.max) else {
                throw CSVError(.invalidOption("length limits must be between 1 and \(Int32.max - 1)"))
            }
            var copy = self
            // The encoding check needs a few bytes; tiny chunks are for tests.
            copy.chunkSize = max(chunkSize, 16)
            return copy
        }
    }
}
