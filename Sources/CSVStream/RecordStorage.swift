/// Backing memory for one `CSVRecord`: the raw record bytes, followed by
/// unescaped copies of any fields that contained doubled quotes, plus a
/// (start, end) pair of offsets per field.
///
/// The reader refills the same storage for every record while nobody else
/// holds it (checked with `isKnownUniquelyReferenced`), so a typical
/// `while let record = try reader.next()` loop allocates nothing per record.
/// A record the caller keeps pins its storage and the reader moves on to a
/// fresh one, which is what gives `CSVRecord` value semantics.
///
/// `@unchecked Sendable`: the reader mutates storage only while it holds the
/// sole reference; once a record shares it, it is never written again.
@usableFromInline
final class RecordStorage: @unchecked Sendable {
    // Unchecked exclusivity: read on every record; runtime access tracking
    // showed up in profiles, and the ownership rule above already
    // guarantees no overlapping access.
    @exclusivity(unchecked) private(set) var bytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var ranges: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private(set) var byteCapacity: Int
    @exclusivity(unchecked) private(set) var rangeCapacity: Int

    init(byteCapacity: Int = 1024, fieldCapacity: Int = 32) {
        self.byteCapacity = max(byteCapacity, 16)
        self.rangeCapacity = max(fieldCapacity, 4) * 2
        bytes = .allocate(capacity: self.byteCapacity)
        ranges = .allocate(capacity: self.rangeCapacity)
    }

    deinit {
        bytes.deallocate()
        ranges.deallocate()
    }

    /// Makes room without preserving contents: the reader rewrites it all.
    func reserve(bytes neededBytes: Int, fields neededFields: Int) {
        if neededBytes > byteCapacity {
            bytes.deallocate()
            byteCapacity = max(neededBytes, byteCapacity * 2)
            bytes = .allocate(capacity: byteCapacity)
        }
        if neededFields * 2 > rangeCapacity {
            ranges.deallocate()
            rangeCapacity = max(neededFields * 2, rangeCapacity * 2)
            ranges = .allocate(capacity: rangeCapacity)
        }
    }
}

/// Growable list of field offset pairs that the scanner fills; separate from
/// `RecordStorage` because a scan may be abandoned (more input needed).
struct FieldRanges {
    /// Set on a start offset when the field held doubled quotes and must be
    /// unescaped before the caller sees it.
    static let needsUnescape: UInt32 = 0x8000_0000

    private(set) var base: UnsafeMutablePointer<UInt32>
    private(set) var count = 0  // number of fields
    private var capacity: Int  // number of fields

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity * 2)
    }

    func deallocate() { base.deallocate() }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func append(start: Int, end: Int, unescape: Bool) {
        if count == capacity { grow() }
        base[count &* 2] = UInt32(truncatingIfNeeded: start) | (unescape ? Self.needsUnescape : 0)
        base[count &* 2 &+ 1] = UInt32(truncatingIfNeeded: end)
        count &+= 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * 4)
        bigger.update(from: base, count: count * 2)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
