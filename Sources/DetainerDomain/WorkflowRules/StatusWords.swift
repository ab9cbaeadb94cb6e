extension DetainerStatus {
    /// The status in words, for text people read (the pages, the digest mailed to the desk):
    /// never the stored name, which stays in JSON, CSV and the CLI's `--to` values (issue 25 §3).
    public var plainLabel: String {
        switch self {
        case .received: "Received"
        case .pendingReview: "Pending review"
        case .honored: "Honored"
        case .held: "Held for ICE"
        case .declined: "Declined"
        case .transferred: "Transferred to ICE"
        case .released: "Released"
        case .lifted: "Lifted by ICE"
        case .enteredInError: "Entered in error"
        }
    }
}
