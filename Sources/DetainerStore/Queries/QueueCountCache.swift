import SQLite

/// The counts of a read-only connection's queue cells, kept until anyone commits.
///
/// Counting a long group walks its whole index range (6,700 pending reviews: about a third of a
/// queue page's CPU in a profile), and the page shows the total on every load although it
/// changes only when someone writes. `PRAGMA data_version` moves whenever another connection
/// commits, so a read-only connection, which cannot commit itself, can keep its counts until
/// it moves. Connections that may write never use it (their own commits do not move it), and
/// past-deadline cells are never kept: their membership moves with the clock.
struct QueueCountCache {
    private var version: Int64?
    private var counts: [String: Int64] = [:]

    /// The count for `key` at data version `version`: kept from an earlier call at the same
    /// version, else `compute()`d and kept. A new version forgets every count.
    mutating func count(_ key: String, version: Int64, _ compute: () throws -> Int64) rethrows -> Int64 {
        if self.version != version {
            self.version = version
            counts.removeAll(keepingCapacity: true)
        }
        if let known = counts[key] { return known }
        let fresh = try compute()
        counts[key] = fresh
        return fresh
    }
}
