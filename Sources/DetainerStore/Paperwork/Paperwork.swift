/// The papers a detainer produces (Paperwork/): the decision record, the notice to ICE and
/// the notice to the person, and the setting that turns the latter on.
/// Built over the database like the workflow services (`StoreService`); reached as `db.paperwork`.
public struct Paperwork: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}

extension DetainerDatabase {
    public var paperwork: Paperwork { Paperwork(self) }
}
