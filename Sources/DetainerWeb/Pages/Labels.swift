import DetainerDomain

/// The words pages show for the domain's values: one place, so every page says "Pending review"
/// for `pendingReview`. The JSON API and the CLI keep the raw values.
enum Labels {
    static func status(_ status: DetainerStatus) -> String {
        switch status {
        case .received: "Received"
        case .pendingReview: "Pending review"
        case .honored: "Honored"
        case .declined: "Declined"
        case .transferred: "Transferred to ICE"
        case .released: "Released"
        case .lifted: "Lifted by ICE"
        case .enteredInError: "Entered in error"
        }
    }

    /// A status read back as text (a detail row): its label, or the text itself if it is not one.
    static func status(_ text: String) -> String { DetainerStatus(rawValue: text).map { status($0) } ?? text }

    static func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .permitted: "Permitted"
        case .decline: "Decline"
        case .holdPendingWarrant: "Hold pending warrant"
        case .needsReview: "Needs review"
        }
    }
}
