/// Reports and exports: the monthly and annual counts and the per-detainer export, each run recorded in the audit log.
/// Used by auditors, supervisors and admins, from the CLI and the web alike.
public struct ReportService: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}
