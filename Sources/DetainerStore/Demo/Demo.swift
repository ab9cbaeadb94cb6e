/// The demo office (Demo/): a seeded, reproducible training database.
/// Built over the database like the workflow services (`StoreService`); reached as `db.demo`.
public struct Demo: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}

extension DetainerDatabase {
    public var demo: Demo { Demo(self) }
}
