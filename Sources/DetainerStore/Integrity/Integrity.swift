/// What the database is and whether it can be trusted (Integrity/): its mode and identity,
/// the recorded signing key, checkpoints, the identity baseline and `detainer check`.
/// Built over the database like the workflow services (`StoreService`); reached as `db.integrity`.
public struct Integrity: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}

extension DetainerDatabase {
    public var integrity: Integrity { Integrity(self) }
}
