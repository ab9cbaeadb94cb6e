/// Users, roles and the check every front end starts with (who is acting, and may they),
/// passwords, sign-in, web sessions and second factors (Accounts/).
/// Built over the database like the workflow services (`StoreService`); reached as `db.accounts`.
public struct Accounts: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}

extension DetainerDatabase {
    public var accounts: Accounts { Accounts(self) }
}
