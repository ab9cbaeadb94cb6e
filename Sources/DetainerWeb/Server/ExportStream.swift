import CSVStream
import DetainerStore
import Foundation
import Hummingbird

/// The auditors' export as a streamed response body: the CLI's export rows (`exportDetainers`,
/// `NativeExport.columnNames`) written by the same CSV writer, sent in chunks as they are read.
/// Memory stays flat however many detainers there are: at most `chunksAhead` chunks wait for a
/// slow client before the reading thread pauses.
///
/// The rows are read on a connection of the export's own (one consistent snapshot), on a thread
/// of its own, so a long download never holds up the pages' read connections or the writer.
enum ExportStream {
    static let chunkBytes = 64 * 1024
    static let chunksAhead = 4

    static func csv(path: String, clock: Clock, filter: ExportFilter) -> ResponseBody {
        streamed(path: path, clock: clock) { db, channel in
            let options = CSVWriter.Options(neutralizeFormulas: true)
            var csv = try CSVWriter.inMemory(options: options)
            try csv.write(NativeExport.columnNames)
            _ = try ReportService(db).exportDetainers(filter, pseudonymizer: nil) { values in
                try csv.write(values.map(\.csvText))
                if csv.bytesWritten >= chunkBytes {
                    guard channel.send(try csv.text()) else { throw CancellationError() }
                    csv = try CSVWriter.inMemory(options: options)
                }
            }
            if csv.bytesWritten > 0 { _ = channel.send(try csv.text()) }
        }
    }

    /// The response body both downloads share: `produce` runs on a thread of its own with a
    /// read connection of its own (one snapshot), sending chunks that are written as they come.
    static func streamed(path: String, clock: Clock,
                         _ produce: @escaping @Sendable (DetainerDatabase, ChunkChannel) throws -> Void) -> ResponseBody {
        ResponseBody { writer in
            let channel = ChunkChannel(capacity: chunksAhead)
            // A client that goes away stops the reader at its next chunk.
            defer { channel.cancel() }
            let reader = Thread {
                do {
                    let db = try DetainerDatabase.open(path: path, access: .read, clock: clock)
                    defer { try? db.close() }
                    try produce(db, channel)
                    channel.finish(nil)
                } catch {
                    channel.finish(error)
                }
            }
            reader.start()
            while let chunk = try await channel.next() {
                try await writer.write(ByteBuffer(string: chunk))
            }
            // An error after the first byte cannot change the status any more: the throw above
            // ends the response without its terminating chunk, so the client sees a broken
            // download, never a short file that looks complete.
            try await writer.finish(nil)
        }
    }
}

/// A bounded hand-off from one blocking producer thread to one async consumer.
final class ChunkChannel: @unchecked Sendable {
    // Every stored property is guarded by `condition` (its lock): hence @unchecked Sendable.
    private let condition = NSCondition()
    private let capacity: Int
    private var chunks: [String] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var waiting: CheckedContinuation<String?, any Error>?

    init(capacity: Int) { self.capacity = capacity }

    /// Producer: waits while `capacity` chunks are queued; false once the consumer has gone.
    func send(_ chunk: String) -> Bool {
        condition.lock()
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if cancelled { condition.unlock(); return false }
        if let consumer = waiting {
            waiting = nil
            condition.unlock()
            consumer.resume(returning: chunk)
            return true
        }
        chunks.append(chunk)
        condition.unlock()
        return true
    }

    /// Producer: no more chunks (`error` when the read failed).
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        let consumer = waiting
        waiting = nil
        condition.unlock()
        if let error { consumer?.resume(throwing: error) } else { consumer?.resume(returning: nil) }
    }

    /// Consumer: the next chunk, nil at the end; rethrows the producer's error.
    func next() async throws -> String? {
        try await withCheckedThrowingContinuation { consumer in
            condition.lock()
            if !chunks.isEmpty {
                let chunk = chunks.removeFirst()
                condition.broadcast()
                condition.unlock()
                consumer.resume(returning: chunk)
            } else if finished {
                let error = failure
                condition.unlock()
                if let error { consumer.resume(throwing: error) } else { consumer.resume(returning: nil) }
            } else {
                waiting = consumer
                condition.unlock()
            }
        }
    }

    /// Consumer: gone (finished or disconnected); wakes a waiting producer so it stops.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

extension ExportStream {
    /// The web detainer list's rows (`Queries.list`, the CLI's `list --format csv`
    /// columns) as a streamed CSV, formulas neutralized as the export's are.
    static func listCSV(path: String, clock: Clock, filter: ListFilter) -> ResponseBody {
        streamed(path: path, clock: clock) { db, channel in
            var sink = try CSVChunkSink(channel: channel)
            try db.queries.list(filter, into: &sink)
        }
    }
}

/// Rows from a `RecordSink` query into CSV chunks on a `ChunkChannel`.
struct CSVChunkSink: RecordSink {
    static let options = CSVWriter.Options(neutralizeFormulas: true)
    let channel: ChunkChannel
    var csv: CSVWriter

    init(channel: ChunkChannel) throws {
        self.channel = channel
        csv = try CSVWriter.inMemory(options: Self.options)
    }

    mutating func begin(columns: [String]) throws { try csv.write(columns) }

    mutating func row(_ values: [JSONValue]) throws {
        try csv.write(values.map(\.cellText))
        if csv.bytesWritten >= ExportStream.chunkBytes { try flush() }
    }

    mutating func end() throws { if csv.bytesWritten > 0 { try flush() } }

    private mutating func flush() throws {
        guard channel.send(try csv.text()) else { throw CancellationError() }
        csv = try CSVWriter.inMemory(options: Self.options)
    }
}
