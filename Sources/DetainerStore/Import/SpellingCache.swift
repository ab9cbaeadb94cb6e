#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What an import worked out once for a field's exact bytes, found again by those bytes alone.
///
/// An ICE file spells a few dozen facilities, cities, states, lift reasons and detainer types a
/// million times. Building a `String` for each field of each row (a heap allocation for anything
/// over 15 bytes) and hashing it with the standard library's seeded hasher was most of the
/// import's own work after SQLite (issue 26 §1). Here a field's bytes are hashed in place
/// (FNV-1a) and compared with the stored spelling; only a new spelling builds a String.
///
/// Memory stays flat: at most `capacity / 2` spellings are kept; after that a new spelling is
/// worked out every time it appears (correct, just not remembered), so a column of unique
/// values costs nothing but the lookups.
struct SpellingCache<Value> {
    private struct Entry {
        var bytes: [UInt8]
        var value: Value
    }

    private var slots: [Entry?]
    private var count = 0
    private let mask: Int

    /// `capacity` is rounded up to a power of two.
    init(capacity: Int = 8192) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = Array(repeating: nil, count: size)
        mask = size - 1
    }

    /// The value worked out for `key` (one field's bytes, or several fields' joined by
    /// `separator`), or `make()`'s answer, remembered while there is room. `make` throwing leaves
    /// nothing behind, so a bad spelling is refused again on every row that has it.
    mutating func value<E: Error>(for key: UnsafeRawBufferPointer, _ make: () throws(E) -> Value) throws(E) -> Value {
        var slot = Self.hash(key) & mask
        while let entry = slots[slot] {
            if Self.equal(entry.bytes, key) { return entry.value }
            slot = (slot + 1) & mask
        }
        let value = try make()
        if count < slots.count / 2 {
            slots[slot] = Entry(bytes: Array(key), value: value)
            count += 1
        }
        return value
    }

    /// A byte that never occurs in UTF-8 text: joins two fields into one key unambiguously.
    static var separator: UInt8 { 0xFF }

    @inline(__always)
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    private static func equal(_ stored: [UInt8], _ key: UnsafeRawBufferPointer) -> Bool {
        guard stored.count == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        return stored.withUnsafeBytes { memcmp($0.baseAddress!, base, key.count) == 0 }
    }
}
