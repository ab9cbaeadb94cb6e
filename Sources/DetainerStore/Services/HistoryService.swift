/// A person's criminal history: convictions (added or corrected) and pending charges; each change re-evaluates the person's open detainers.
/// Used by clerks and supervisors, from the CLI and the web alike.
public struct HistoryService: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}
