import DetainerStore
import Dispatch

/// One database connection and the one serial queue that ever touches it. `DetainerDatabase`
/// (one SQLite handle, its statement cache) is not thread-safe; confining it to a serial queue
/// is what makes this type safe to share, hence `@unchecked Sendable`. Blocking SQLite work runs
/// on the queue's thread, never on Swift concurrency's small cooperative pool.
final class DatabaseLane: @unchecked Sendable {
    private let queue: DispatchQueue
    private let database: DetainerDatabase

    init(label: String, database: DetainerDatabase) {
        queue = DispatchQueue(label: label)
        self.database = database
    }

    /// Runs `body` on the lane, after everything queued before it.
    func run<T: Sendable>(_ body: @escaping @Sendable (DetainerDatabase) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.database) })
            }
        }
    }

    func close() {
        queue.sync { try? database.close() }
    }
}
