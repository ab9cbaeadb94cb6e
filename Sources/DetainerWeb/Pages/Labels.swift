import DetainerDomain
import DetainerStore

/// The words pages show for the domain's values: one place, so every page says "Pending review"
/// for `pendingReview`. The JSON API and the CLI keep the raw values.
enum Labels {
    static func status(_ status: DetainerStatus) -> String { status.plainLabel }

    static func holdEndCause(_ cause: HoldEndCause) -> String {
        switch cause {
        case .holdExpired: "the 48-hour hold expired (8 CFR 287.7(d))"
        case .iceDisavowed: "ICE disavowed custody"
        case .courtOrder: "a court ordered release"
        case .other: "another reason"
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

    static func contactKind(_ kind: ContactKind) -> String {
        switch kind {
        case .detainer: "Detainer"
        case .warrant: "Warrant"
        case .releaseNotification: "Release notification"
        case .informationRequest: "Information request"
        case .informationResponse: "Information response"
        case .withdrawal: "Withdrawal of the detainer"
        case .transfer: "Transfer to ICE"
        case .other: "Other"
        }
    }

    static func informationType(_ type: InformationType) -> String {
        switch type {
        case .incarcerationStatus: "Incarceration status"
        case .releaseDate: "Release date"
        case .courtDate: "Court date"
        case .appointment: "Appointment"
        case .other: "Other"
        }
    }

    static func warrant(_ kind: WarrantKind) -> String {
        switch kind {
        case .judicial: "Judicial (signed by a federal judge)"
        case .administrative: "Administrative (ICE I-200/I-205)"
        case .none: "None"
        }
    }

    /// The timeline in these words (the CLI's `show` uses `TimelineWords.plainStatus`).
    static let timeline = TimelineWords(status: { status($0) }, contactKind: { contactKind($0) }, informationType: { informationType($0) })

    /// A proposal's act in the office's words.
    static func proposalAct(_ p: Proposal) -> String {
        switch p.kind {
        case "review": "honor this detainer against the engine"
        case "status": "mark it \(status(.enteredInError)) after the city acted on it"
        default: p.act
        }
    }

    static func proposalState(_ state: ProposalState) -> String {
        switch state {
        case .pending: "waiting for a second person"
        case .approved: "approved"
        case .rejected: "rejected"
        case .withdrawn: "withdrawn"
        }
    }
}
