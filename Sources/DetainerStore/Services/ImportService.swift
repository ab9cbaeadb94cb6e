/// Imports: ICE FOIA records, the tool's own export, DOC custody snapshots, in one audited transaction per file.
/// Used by supervisors and admins, from the CLI and the web alike.
public struct ImportService: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}
