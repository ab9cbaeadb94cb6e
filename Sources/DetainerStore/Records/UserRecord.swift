import DetainerDomain

extension Role: TextEnumColumn {}

/// One row of `users` (Migrations/0001_initial.sql, 0005): an account, never deleted (a
/// deactivated user keeps the rows they wrote). Read as a `User`; written through this record.
struct UserRecord: TableRecord {
    static let table = "users"

    var id: Int64?
    var name = ""
    var role: Role = .clerk
    var active = true
    var createdAt = UTCInstant(secondsSinceEpoch: 0)
    /// Nil for the first admin, made before any user existed.
    var createdBy: Int64?
    var deactivatedAt: UTCInstant?
    var osLogin: String?
    /// The name after NFKC and case folding (`UserName.key`), for look-alike checks.
    var nameKey: String?

    init() {}

    static let columns: [Column<UserRecord>] = [
        Column("id", \.id),
        Column("name", \.name),
        Column("role", \.role),
        Column("active", \.active),
        Column("created_at", \.createdAt),
        Column("created_by", \.createdBy),
        Column("deactivated_at", \.deactivatedAt),
        Column("os_login", \.osLogin),
        Column("name_key", \.nameKey),
    ]
}
