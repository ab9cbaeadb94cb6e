/// Three-valued truth (Kleene logic). `unknown` stands for a fact the law needs but the record
/// lacks; it only reaches the outcome when the known facts cannot settle it.
public enum Tri: UInt8, Sendable, Hashable, Codable {
    case no = 0
    case unknown = 1
    case yes = 2

    public init(_ value: Bool?) {
        switch value {
        case .some(true): self = .yes
        case .some(false): self = .no
        case .none: self = .unknown
        }
    }

    /// `and` is the minimum, `or` the maximum, of no < unknown < yes.
    @inline(__always) public static func && (lhs: Tri, rhs: Tri) -> Tri { lhs.rawValue < rhs.rawValue ? lhs : rhs }
    @inline(__always) public static func || (lhs: Tri, rhs: Tri) -> Tri { lhs.rawValue > rhs.rawValue ? lhs : rhs }

    /// "pass" | "fail" | "unknown", the spelling used in checks.
    public var checkResult: String {
        switch self {
        case .yes: return "pass"
        case .no: return "fail"
        case .unknown: return "unknown"
        }
    }
}
