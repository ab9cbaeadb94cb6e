/// Review: a supervisor's decision under `ReviewPolicy`, and re-running the law engine on a stored detainer.
/// Used by supervisors (decisions); clerks and supervisors (re-evaluation), from the CLI and the web alike.
public struct ReviewService: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}
