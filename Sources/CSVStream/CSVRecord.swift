/// How a physical line ended in the input, or should end in the output.
public enum CSVLineEnding: Sendable, Equatable {
    case lf, crlf, cr

    public var bytes: [UInt8] {
        switch self {
        case .lf: [0x0A]
        case .crlf: [0x0D, 0x0A]
        case .cr: [0x0D]
        }
    }
}

/// One parsed record: its fields, where it came from, and its exact bytes.
///
/// A record is a cheap value (a reference to shared storage plus a few
/// integers); keeping one beyond the next `next()` call is safe — the reader
/// notices and switches to new storage instead of overwriting it.
///
/// Fields are stored unescaped and already validated as UTF-8. Use
/// `withFieldBytes` for allocation-free access when parsing numbers or dates.
public struct CSVRecord: @unchecked Sendable, RandomAccessCollection {
    // Pointers are copied out of `storage` so that field access costs no
    // class-property access; `storage` keeps them alive and is never mutated
    // while a record refers to it. Hence `@unchecked Sendable`.
    @usableFromInline let storage: RecordStorage
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let ranges: UnsafePointer<UInt32>
    @usableFromInline let rawCount: Int

    /// Number of fields. A blank line has one (empty) field.
    public let count: Int
    /// 1-based physical line on which the record starts (the header is line 1;
    /// newlines inside quoted fields count).
    public let line: Int
    /// Number of physical lines the record spans (more than 1 when a quoted
    /// field contains line breaks).
    public let lineSpan: Int
    /// Offset of the record's first byte in the input.
    public let byteOffset: Int
    /// The record's line ending, or nil for a last line with none.
    public let lineEnding: CSVLineEnding?
    /// True for an empty physical line; it reads as one empty field.
    public let isBlank: Bool

    init(
        storage: RecordStorage, rawCount: Int, count: Int, line: Int, lineSpan: Int,
        byteOffset: Int, lineEnding: CSVLineEnding?, isBlank: Bool
    ) {
        self.storage = storage
        self.bytes = UnsafePointer(storage.bytes)
        self.ranges = UnsafePointer(storage.ranges)
        self.rawCount = rawCount
        self.count = count
        self.line = line
        self.lineSpan = lineSpan
        self.byteOffset = byteOffset
        self.lineEnding = lineEnding
        self.isBlank = isBlank
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Field `i` (0-based) as a String. Traps if `i` is out of range; see `field(at:)`.
    public subscript(i: Int) -> String {
        withFieldBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Field `i` as a String, or nil when the record is too short.
    public func field(at i: Int) -> String? {
        i >= 0 && i < count ? self[i] : nil
    }

    /// Byte length of field `i` after unescaping.
    @inlinable
    public func fieldLength(_ i: Int) -> Int {
        precondition(i >= 0 && i < count, "field index \(i) out of range 0..<\(count)")
        return Int(ranges[2 &* i &+ 1] &- ranges[2 &* i])
    }

    /// Calls `body` with the UTF-8 bytes of field `i` (unescaped, without
    /// quotes), straight from the record's storage. The buffer is valid only
    /// inside `body`.
    @inlinable
    public func withFieldBytes<R, E: Error>(
        _ i: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R {
        precondition(i >= 0 && i < count, "field index \(i) out of range 0..<\(count)")
        let start = Int(ranges[2 &* i])
        let end = Int(ranges[2 &* i &+ 1])
        defer { withExtendedLifetime(storage) {} }
        return try body(UnsafeRawBufferPointer(start: bytes + start, count: end &- start))
    }

    /// Calls `body` with the record exactly as it appeared in the input,
    /// including its line ending (if any).
    @inlinable
    public func withRawBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        defer { withExtendedLifetime(storage) {} }
        return try body(UnsafeRawBufferPointer(start: bytes, count: rawCount))
    }

    /// The record exactly as in the input, including its line ending.
    public var rawBytes: [UInt8] {
        withRawBytes { Array($0.bindMemory(to: UInt8.self)) }
    }

    /// All fields as Strings.
    public var fields: [String] { map { $0 } }

    /// Whether field `i` equals `text` byte for byte, without making a String.
    public func field(_ i: Int, equals text: String) -> Bool {
        var text = text
        return text.withUTF8 { expected in
            withFieldBytes(i) { actual in
                actual.count == expected.count && actual.elementsEqual(UnsafeRawBufferPointer(expected))
            }
        }
    }
}
