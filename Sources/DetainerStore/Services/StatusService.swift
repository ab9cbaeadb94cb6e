/// What happened next: status changes under `StatusMachine` and communications with ICE (a late judicial warrant re-evaluates).
/// Used by clerks and supervisors, from the CLI and the web alike.
public struct StatusService: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}
