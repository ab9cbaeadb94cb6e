/// The byte-level state machine: finds where one record ends and where its
/// fields are, without copying anything.
///
/// It is restartable rather than resumable: if the buffer ends before the
/// record does, it answers `.needMore` and the reader rescans the record
/// from its first byte once more input is in. Only the one record that
/// straddles each chunk boundary is scanned twice, which keeps this state
/// machine free of saved state.
struct RecordScanner {
    private static let quote: UInt8 = 0x22
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    // Byte classes; 0 means "ordinary byte, keep going", so the inner loops
    // are a single table lookup per byte.
    private static let classDelimiter: UInt8 = 1
    private static let classQuote: UInt8 = 2
    private static let classLineFeed: UInt8 = 3
    private static let classCarriageReturn: UInt8 = 4
    private static let classNUL: UInt8 = 5
    private static let classHigh: UInt8 = 6

    let delimiter: UInt8
    let maxFieldLength: Int
    let maxRecordLength: Int
    let strictQuotes: Bool
    /// Classes outside quotes (delimiter matters) and inside (it does not).
    private let unquotedClasses: UnsafeMutablePointer<UInt8>
    private let quotedClasses: UnsafeMutablePointer<UInt8>

    init(delimiter: UInt8, maxFieldLength: Int, maxRecordLength: Int, strictQuotes: Bool) {
        self.delimiter = delimiter
        self.maxFieldLength = maxFieldLength
        self.maxRecordLength = maxRecordLength
        self.strictQuotes = strictQuotes
        unquotedClasses = .allocate(capacity: 256)
        quotedClasses = .allocate(capacity: 256)
        for table in [unquotedClasses, quotedClasses] {
            table.initialize(repeating: 0, count: 256)
            for b in 0x80...0xFF { table[b] = Self.classHigh }
            table[Int(Self.quote)] = Self.classQuote
            table[Int(Self.lineFeed)] = Self.classLineFeed
            table[Int(Self.carriageReturn)] = Self.classCarriageReturn
            table[0] = Self.classNUL
        }
        unquotedClasses[Int(delimiter)] = Self.classDelimiter
    }

    func deallocate() {
        unquotedClasses.deallocate()
        quotedClasses.deallocate()
    }

    enum ProblemKind { case strayQuote, textAfterClosingQuote, nulByte }

    /// A defect that still lets the record be delimited, so the reader can
    /// report it and carry on with the next record.
    struct Problem {
        var kind: ProblemKind
        var field: Int  // 0-based
        var lineOffset: Int  // newlines between record start and the defect
    }

    /// A defect after which the rest of the input cannot be trusted.
    enum Fatal {
        case unclosedQuote(field: Int, lineOffset: Int)
        case fieldTooLong(field: Int, lineOffset: Int, quoted: Bool)
        case recordTooLong
    }

    struct Scanned {
        var end: Int  // index just past the line ending
        var contentEnd: Int  // index of the line ending (== end when none)
        var lineEnding: CSVLineEnding?
        var newlines: Int  // line endings inside and at the end of the record
        var hasHighBytes: Bool  // UTF-8 validation needed
        var hasDoubledQuotes: Bool  // unescaping needed
        var problem: Problem?
    }

    enum Status {
        case record(Scanned)
        case needMore
        case fatal(Fatal)
    }

    /// Scans one record starting at `p[start]`; `end` is the end of valid
    /// input and `atEOF` says whether more may follow. Requires start < end.
    func scan(
        _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, atEOF: Bool,
        into fields: inout FieldRanges
    ) -> Status {
        fields.removeAll()
        let unquoted = unquotedClasses
        let quoted = quotedClasses
        let delimiter = self.delimiter
        var i = start
        var newlines = 0
        var hasHigh = false
        var hasDoubled = false
        var problem: Problem?

        // Called whenever input runs out mid-record: refuse to buffer
        // without bound when the record is already known to be too long.
        func needMore(fieldStart: Int, fieldLine: Int, quotedField: Bool) -> Status {
            let partial = end - fieldStart - (quotedField ? 1 : 0)
            if partial > maxFieldLength {
                return .fatal(.fieldTooLong(field: fields.count, lineOffset: fieldLine, quoted: quotedField))
            }
            if end - start > maxRecordLength { return .fatal(.recordTooLong) }
            return .needMore
        }

        while true {
            let fieldStart = i
            let fieldLine = newlines
            var j = i
            var contentStart = i
            var contentEnd = -1
            var doubled = false
            var isQuoted = false

            if j < end && p[j] == Self.quote {
                isQuoted = true
                j &+= 1
                var closing = -1
                quotedScan: while true {
                    while j < end && quoted[Int(p[j])] == 0 { j &+= 1 }
                    if j == end {
                        if atEOF { return .fatal(.unclosedQuote(field: fields.count, lineOffset: fieldLine)) }
                        return needMore(fieldStart: fieldStart, fieldLine: fieldLine, quotedField: true)
                    }
                    switch quoted[Int(p[j])] {
                    case Self.classQuote:
                        if j &+ 1 < end && p[j &+ 1] == Self.quote {
                            doubled = true
                            j &+= 2
                            continue quotedScan
                        }
                        // A quote as the buffer's last byte might be the first
                        // half of "": the check after this loop asks for more.
                        closing = j
                        j &+= 1
                        break quotedScan
                    case Self.classLineFeed:
                        newlines &+= 1
                        j &+= 1
                    case Self.classCarriageReturn:
                        // CRLF counts once (at the LF). A CR at the very end of the
                        // buffer may be counted prematurely, but then the field is
                        // still open, so the whole record is rescanned anyway.
                        if j &+ 1 >= end || p[j &+ 1] != Self.lineFeed { newlines &+= 1 }
                        j &+= 1
                    case Self.classNUL:
                        if problem == nil { problem = Problem(kind: .nulByte, field: fields.count, lineOffset: newlines) }
                        j &+= 1
                    default:
                        hasHigh = true
                        j &+= 1
                    }
                }
                if j == end && !atEOF {
                    return needMore(fieldStart: fieldStart, fieldLine: fieldLine, quotedField: true)
                }
                if j == end || p[j] == delimiter || p[j] == Self.lineFeed || p[j] == Self.carriageReturn {
                    contentStart = fieldStart &+ 1
                    contentEnd = closing
                } else {
                    // `"abc"def`: keep the field as literal text up to the next
                    // delimiter so the record can still be delimited.
                    if strictQuotes && problem == nil {
                        problem = Problem(kind: .textAfterClosingQuote, field: fields.count, lineOffset: newlines)
                    }
                    doubled = false
                }
            }

            if contentEnd < 0 {
                unquotedScan: while true {
                    while j < end && unquoted[Int(p[j])] == 0 { j &+= 1 }
                    if j == end { break unquotedScan }
                    switch unquoted[Int(p[j])] {
                    case Self.classHigh:
                        hasHigh = true
                    case Self.classQuote:
                        if strictQuotes && problem == nil && !isQuoted {
                            problem = Problem(kind: .strayQuote, field: fields.count, lineOffset: newlines)
                        }
                    case Self.classNUL:
                        if problem == nil { problem = Problem(kind: .nulByte, field: fields.count, lineOffset: newlines) }
                    default:
                        break unquotedScan  // delimiter, LF or CR
                    }
                    j &+= 1
                }
                if j == end && !atEOF {
                    return needMore(fieldStart: fieldStart, fieldLine: fieldLine, quotedField: false)
                }
                contentEnd = j
            }

            if contentEnd &- contentStart > maxFieldLength {
                return .fatal(.fieldTooLong(field: fields.count, lineOffset: fieldLine, quoted: isQuoted))
            }
            fields.append(start: contentStart &- start, end: contentEnd &- start, unescape: doubled)
            hasDoubled = hasDoubled || doubled

            var result = Scanned(
                end: j, contentEnd: j, lineEnding: nil, newlines: newlines,
                hasHighBytes: hasHigh, hasDoubledQuotes: hasDoubled, problem: problem)
            if j == end {
                // Only reachable at EOF: the last record lacks a line ending.
            } else {
                let c = p[j]
                if c == delimiter {
                    i = j &+ 1
                    continue
                }
                if c == Self.lineFeed {
                    result.end = j &+ 1
                    result.lineEnding = .lf
                } else if j &+ 1 < end {
                    let crlf = p[j &+ 1] == Self.lineFeed
                    result.end = j &+ (crlf ? 2 : 1)
                    result.lineEnding = crlf ? .crlf : .cr
                } else if atEOF {
                    result.end = j &+ 1
                    result.lineEnding = .cr
                } else {
                    return needMore(fieldStart: j, fieldLine: newlines, quotedField: false)
                }
                result.newlines &+= 1
            }
            if result.end &- start > maxRecordLength { return .fatal(.recordTooLong) }
            return .record(result)
        }
    }
}
