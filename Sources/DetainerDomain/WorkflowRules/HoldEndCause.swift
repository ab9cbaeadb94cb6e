/// Why a hold (status `held`) ended without a transfer, recorded on the release or lift that ends
/// it (`detainer status ID --to released --cause …`). Admin. Code §9-131(f)(8) counts persons held
/// but not transferred "either because of the expiration of the forty-eight-hour hold period
/// provided in 8 CFR § 287.7 or because federal immigration authorities disavowed an intention to
/// assume custody": `holdExpired` and `iceDisavowed` are those two; the others are not counted there.
public enum HoldEndCause: String, Sendable, Hashable, CaseIterable, Codable {
    case holdExpired
    case iceDisavowed
    case courtOrder
    case other

    /// Whether §9-131(f)(8) counts a hold that ended this way.
    public var countsAsHeldNotTransferred: Bool { self == .holdExpired || self == .iceDisavowed }

    /// The cause a move records: required when a held person is released (unknown is never read as
    /// an expiry or a disavowal); a lift of a held detainer is ICE withdrawing it, so it defaults to
    /// `iceDisavowed`; any other move takes no cause.
    public enum Refusal: Error, Sendable, Equatable {
        case required
        case notApplicable
    }

    public static func resolve(_ cause: HoldEndCause?, from: DetainerStatus, to: DetainerStatus) -> Result<HoldEndCause?, Refusal> {
        switch (from, to) {
        case (.held, .released): return cause.map { .success($0) } ?? .failure(.required)
        case (.held, .lifted): return .success(cause ?? .iceDisavowed)
        case (_, .released), (_, .lifted):
            // A release or lift of a detainer that was not held: a cause is accepted (a court
            // order, say) but never counts under (f)(8), which needs a hold.
            return .success(cause)
        default: return cause == nil ? .success(nil) : .failure(.notApplicable)
        }
    }
}
