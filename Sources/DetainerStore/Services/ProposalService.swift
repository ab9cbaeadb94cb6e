/// Four-eyes (issue 23 §3): acts one person proposes and a second person approves before they
/// take effect (`FourEyesRule` says which). Proposals are listed in the queue with the hold
/// deadline they race; approving makes the act in the approver's name, linked to the proposal.
/// Used by supervisors (approve, reject) and by whoever may propose the act, from the CLI and the web alike.
public struct ProposalService: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}
