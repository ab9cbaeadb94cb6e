/// A set of reason codes in one machine word, so the evaluator can merge explanations without
/// allocating. Iteration follows the declaration order of `ReasonCode`, which keeps output stable.
public struct ReasonSet: Sendable, Hashable, Sequence {
    public private(set) var bits: UInt64

    public init() { bits = 0 }
    public init(_ code: ReasonCode) { bits = 1 << UInt64(code.rawValue) }
    public init(_ codes: [ReasonCode]) {
        bits = 0
        for code in codes { insert(code) }
    }

    public var isEmpty: Bool { bits == 0 }
    public func contains(_ code: ReasonCode) -> Bool { bits & (1 << UInt64(code.rawValue)) != 0 }
    public mutating func insert(_ code: ReasonCode) { bits |= 1 << UInt64(code.rawValue) }
    public mutating func formUnion(_ other: ReasonSet) { bits |= other.bits }
    public func union(_ other: ReasonSet) -> ReasonSet {
        var copy = self
        copy.bits |= other.bits
        return copy
    }

    public var codes: [ReasonCode] { Array(self) }

    public func makeIterator() -> Iterator { Iterator(remaining: bits) }

    public struct Iterator: IteratorProtocol {
        var remaining: UInt64
        public mutating func next() -> ReasonCode? {
            guard remaining != 0 else { return nil }
            let index = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            return ReasonCode(rawValue: UInt8(index))
        }
    }
}
