#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSVStream
import Testing

@Suite("Reader: streaming across chunk boundaries")
struct StreamingTests {
    /// Text whose awkward spots (CRLF, doubled quotes, multi-byte UTF-8,
    /// quoted newlines, blank lines) land on every possible buffer offset
    /// for some chunk size below.
    static let messy: String = {
        var text = "id,name,note\r\n"
        let names = ["Nuñez", "Đặng", "O\"\"Brien", "😀 emoji", "plain", "a,b", ""]
        for i in 0..<300 {
            let name = names[i % names.count]
            let quotedName = name.contains(",") || name.contains("\"") ? "\"\(name)\"" : name
            switch i % 5 {
            case 0: text += "\(i),\(quotedName),\"multi\nline \(i)\"\r\n"
            case 1: text += "\(i),\(quotedName),x\n"
            case 2: text += "\(i),\(quotedName),\"\"\r"
            case 3: text += "\r\n"  // after the lone CR above: a blank CRLF line
            default: text += "\(i),\(quotedName),\"ends\"\"with quote\"\"\"\n"
            }
        }
        return text + "last,row,no newline"
    }()

    @Test(arguments: [16, 17, 23, 64, 257, 4096])
    func smallChunksGiveTheSameRecordsAsOneBigChunk(chunkSize: Int) throws {
        let reference = try parseAll(text: Self.messy, options: .init(chunkSize: 1 << 20))
        let chunked = try parseAll(text: Self.messy, options: .init(chunkSize: chunkSize))
        #expect(reference.records.count == 301)
        #expect(chunked.header?.names == reference.header?.names)
        #expect(chunked.records == reference.records)
        #expect(reference.records.last?.fields == ["last", "row", "no newline"])
        #expect(reference.records.last?.line == 302 + 60)  // 60 records carry one quoted newline
    }

    @Test func recordsLongerThanTheChunkGrowTheBuffer() throws {
        let long = String(repeating: "x", count: 10_000)
        let text = "a,b\n\(long),\"\(long)\n\(long)\"\nshort,1\n"
        let (_, records) = try parseAll(text: text, options: .init(chunkSize: 16))
        #expect(records.map(\.fields) == [[long, long + "\n" + long], ["short", "1"]])
        #expect(records.map(\.line) == [2, 4])
    }

    /// A pipe delivers data in arbitrary pieces and has no size: the same
    /// records must come out, and progress must say the total is unknown.
    @Test func readsFromAPipeDescriptor() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = Array(Self.messy.utf8)
        let writerFD = fds[1]
        let writer = WriterThread {
            var offset = 0
            var piece = 1
            while offset < bytes.count {
                let n = min(piece, bytes.count - offset)
                let written = bytes.withUnsafeBytes { write(writerFD, $0.baseAddress! + offset, n) }
                if written <= 0 { break }
                offset += written
                piece = piece % 97 + 13  // uneven piece sizes
            }
            close(writerFD)
        }
        let reader = try CSVReader(fileDescriptor: fds[0], closeWhenDone: true, options: .init(chunkSize: 32))
        #expect(reader.totalBytes == nil)
        #expect(reader.fractionCompleted == nil)
        let header = try reader.readHeader()
        var records: [ParsedRecord] = []
        while let record = try reader.next() { records.append(ParsedRecord(record)) }
        writer.join()
        let reference = try parseAll(text: Self.messy)
        #expect(header.names == ["id", "name", "note"])
        #expect(records == reference.records)
        #expect(reader.bytesConsumed == bytes.count)
    }
}

/// Minimal joinable thread on pthreads, so the tests need no Foundation.
final class WriterThread: @unchecked Sendable {
    private var handle = pthread_t()
    private let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&handle, nil, { context in
            let thread = Unmanaged<WriterThread>.fromOpaque(context!).takeRetainedValue()
            thread.body()
            return nil
        }, context)
        precondition(status == 0, "pthread_create failed")
    }

    func join() { pthread_join(handle, nil) }
}
