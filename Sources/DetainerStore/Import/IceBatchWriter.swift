import Dispatch
import SQLite
import Synchronization

/// One batch of encoded ICE rows handed to the writer: their canonical encodings one after
/// another, and where each varying field's text lies in them. The encoder fills arrays of its
/// own and swaps them in (no copy); only one thread uses a batch at a time.
final class IceBatch: @unchecked Sendable {
    /// The rows' encodings in insert order, ids already in place.
    var buffer: [UInt8] = []
    /// Each row's varying fields' bytes in `buffer` as (start, count), row after row; start -1 for NULL.
    var spans: [(start: Int, count: Int)] = []
    /// Rows in the batch.
    var rows = 0
    /// The id the batch's last row must get.
    var lastID: Int64 = 0
}

/// Writes batches of ICE rows on a thread of its own while the import reads, maps and encodes
/// the next ones (write-behind). SQLite's inserts are most of an import's time; the rest no
/// longer waits for them. Up to `depth` batches wait in line, so the writer goes from one to the
/// next without being woken for each.
///
/// While any batch is queued or being written, nothing else touches the connection: the import
/// waits for the writer (`wait`) before it uses the connection again and before its transaction
/// ends, whether it commits or rolls back. The connection is opened NOMUTEX (one thread at a
/// time); the semaphore orders the hand-overs. A failed write stops the batches after it and is
/// thrown by the next `submit` or `wait`, on the importer's own thread, so errors reach the
/// caller exactly as before.
final class IceBatchWriter: @unchecked Sendable {
    /// Batches that may be queued or being written at once.
    static let depth = 4
    /// The statement for one row and the one for `ImportLimits.rowsPerInsert` rows.
    private let single: Statement
    private let batch: Statement
    /// Each varying column's parameter for the first row; row r's is `perRow * r` more.
    private let parameters: [Int32]
    private let perRow: Int32
    private let db: Connection
    private let queue = DispatchQueue(label: "detainer.import.writer")
    /// Free places in the line.
    private let slots = DispatchSemaphore(value: IceBatchWriter.depth)
    /// The first failed write's error.
    private let failure = Mutex<(any Error)?>(nil)

    init(single: Statement, batch: Statement, parameters: [Int32], perRow: Int32, db: Connection) {
        self.single = single
        self.batch = batch
        self.parameters = parameters
        self.perRow = perRow
        self.db = db
    }

    /// Queues `rows` for writing, waiting while `depth` batches are in line; throws an earlier
    /// batch's failure, if any. `rows` is the writer's until `wait` returns or `depth` more
    /// batches have been submitted.
    func submit(_ rows: IceBatch) throws {
        slots.wait()
        if let error = failure.withLock({ $0 }) {
            slots.signal()
            throw error
        }
        queue.async { [self] in
            if failure.withLock({ $0 }) == nil {
                do { try write(rows) } catch { failure.withLock { $0 = error } }
            }
            slots.signal()
        }
    }

    /// Waits until no batch is queued or being written; throws the first failure, if any.
    func wait() throws {
        for _ in 0..<Self.depth { slots.wait() }
        for _ in 0..<Self.depth { slots.signal() }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Writes `rows` on the calling thread (which must own the connection).
    func write(_ rows: IceBatch) throws {
        let fields = parameters.count
        try rows.buffer.withUnsafeBytes { bytes in
            // Bound in place: nothing touches the buffer until the statement has been reset.
            func bindRow(_ row: Int, on statement: Statement, offset: Int32) throws {
                for (index, parameter) in parameters.enumerated() {
                    let span = rows.spans[row * fields + index]
                    if span.start < 0 {
                        try statement.bindNull(at: parameter + offset)
                    } else {
                        try statement.bind(borrowingUTF8: UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.start + span.count]),
                                           at: parameter + offset)
                    }
                }
            }
            if rows.rows == ImportLimits.rowsPerInsert {
                for row in 0..<rows.rows { try bindRow(row, on: batch, offset: perRow * Int32(row)) }
                try batch.execute()
            } else {
                for row in 0..<rows.rows {
                    try bindRow(row, on: single, offset: 0)
                    try single.execute()
                }
            }
        }
        // The encodings already hold the ids the rows must get: the largest id plus 1, 2, …
        // (no AUTOINCREMENT, no other writer inside this transaction). Anything else is refused,
        // never guessed.
        guard db.lastInsertRowID == rows.lastID else {
            throw StoreError.badStoredValue(table: DetainerRecord.table, column: "id", rowID: db.lastInsertRowID,
                                            value: "an id out of sequence for an import (expected \(rows.lastID))")
        }
    }
}
