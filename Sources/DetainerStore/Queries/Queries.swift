/// The read-only questions (Queries/): the queue and its counts, lists, person search, a detainer's
/// and a person's detail, the deadline digest, a detainer's documents. Nothing here writes.
/// Built over the database like the workflow services (`StoreService`); reached as `db.queries`.
public struct Queries: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}

extension DetainerDatabase {
    public var queries: Queries { Queries(self) }
}
