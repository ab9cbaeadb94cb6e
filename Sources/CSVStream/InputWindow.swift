/// The sliding window of input bytes that the scanner works on: one chunk
/// of the file plus whatever tail of the previous chunk is still unparsed.
///
/// Memory stays at about one chunk; it grows (doubling) only while a single
/// record is longer than the window, and shrinks back afterwards.
struct InputWindow {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// First unconsumed byte.
    var start = 0
    /// End of valid bytes.
    private(set) var end = 0
    /// Input offset of `base[0]`.
    private(set) var offset = 0
    private(set) var atEOF = false
    private let chunkSize: Int

    init(chunkSize: Int) {
        self.chunkSize = chunkSize
        capacity = chunkSize
        base = .allocate(capacity: chunkSize)
    }

    func deallocate() { base.deallocate() }

    /// Input bytes consumed so far.
    var consumed: Int { offset + start }

    var isDrained: Bool { start == end }

    /// Moves unconsumed bytes to the front and reads more after them.
    mutating func refill(from source: ByteSource) throws(CSVError) {
        if start > 0 {
            let live = end - start
            UnsafeMutableRawPointer(base).copyMemory(from: base + start, byteCount: live)
            offset += start
            start = 0
            end = live
        }
        if end == capacity {
            resize(to: capacity * 2)  // one record fills the window
        } else if capacity > chunkSize * 2 && end <= chunkSize / 2 {
            resize(to: chunkSize)  // give back memory after an outsized record
        }
        let n = try source.read(into: base + end, count: capacity - end)
        if n == 0 { atEOF = true } else { end += n }
    }

    /// Treats the input as finished without reading again (after close).
    mutating func abandon() {
        atEOF = true
        start = end
    }

    private mutating func resize(to newCapacity: Int) {
        let replacement = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        replacement.update(from: base, count: end)
        base.deallocate()
        base = replacement
        capacity = newCapacity
    }
}
