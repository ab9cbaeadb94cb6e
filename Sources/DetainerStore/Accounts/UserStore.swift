import DetainerDomain
import SQLite

/// Accounts and the check every write starts with: who is acting, and may they.
extension Accounts {
    /// How each user can sign in on the web (the Users page): a password set, and the second
    /// factor's state (`none`, `pending`, `active`), by user id.
    public func signInStandings() throws -> [Int64: (passwordSet: Bool, secondFactor: SecondFactorState)] {
        var standings: [Int64: (passwordSet: Bool, secondFactor: SecondFactorState)] = [:]
        try connection.prepare("""
            SELECT u.id, c.user_id IS NOT NULL, t.state FROM users AS u
            LEFT JOIN user_credentials AS c ON c.user_id = u.id LEFT JOIN user_totp AS t ON t.user_id = u.id
            """).forEachRow { row in
            standings[row.int64(0)] = (row.bool(1), row.string(2).flatMap(SecondFactorState.init(rawValue:)) ?? .none)
        }
        return standings
    }

    public func users() throws -> [User] {
        try connection.prepare("SELECT id, name, role, active, created_at, deactivated_at FROM users ORDER BY name").map(Self.user)
    }

    public func user(named name: String) throws -> User? {
        let statement = try connection.cached("SELECT id, name, role, active, created_at, deactivated_at FROM users WHERE name = ?")
        try statement.bind(name, at: 1)
        return try statement.first(Self.user)
    }

    private static func user(_ row: Statement) -> User {
        User(id: row.int64(0), name: row.string(1) ?? "", role: Role(rawValue: row.string(2) ?? "") ?? .auditor,
             active: row.bool(3), createdAt: row.string(4) ?? "", deactivatedAt: row.string(5))
    }

    /// Resolves the acting user and checks the role. Throws `PermissionDenied` (exit 77).
    public func authorize(_ name: String?, for permission: Permission) throws -> Actor {
        guard let name, !name.isEmpty else {
            throw PermissionDenied(message: "this command \(PermissionDenied.required(permission)); name the acting user with --user NAME or DETAINER_USER")
        }
        guard let user = try user(named: name) else {
            throw PermissionDenied(message: "unknown user \"\(name)\"; this command \(PermissionDenied.required(permission))")
        }
        guard user.active else {
            throw PermissionDenied(message: "user \"\(name)\" is deactivated; this command \(PermissionDenied.required(permission))")
        }
        guard user.role.may(permission) else {
            throw PermissionDenied(message: "user \"\(name)\" is \(user.role.rawValue == "admin" ? "an" : "a") \(user.role.rawValue) and may not \(permission.rawValue): it \(PermissionDenied.required(permission))")
        }
        return user.actor
    }

    /// Checks a user name: 1–64 characters, letters, digits and . _ - @ only, no invisible or
    /// bidi controls, one script.
    static func validateUserName(_ name: String) throws {
        guard !name.isEmpty, name.count <= 64 else { throw InputError(field: "name", "must be 1 to 64 characters") }
        try UserName.validate(name)
        let allowed = name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-@".unicodeScalars.contains($0)
        }
        guard allowed else { throw InputError(field: "name", "may contain only letters, digits and . _ - @ (got \"\(name)\")") }
    }

    /// Adds a user. `osLogin` is the operating-system account they act from on the command
    /// line of a production database; nil for a web-only user. A supervisor or admin needs a
    /// second admin's approval (`SecondPersonRequired`; propose it with `ProposalService`).
    @discardableResult
    public func addUser(name: String, role: Role, osLogin: String? = nil, by actor: Actor) throws -> User {
        try Self.validateUserName(name)
        if let osLogin { try Self.validateOSLogin(osLogin) }
        return try audited(actor: actor, action: "user.add", entity: "user") { context in
            try recordAddUser(name: name, role: role, osLogin: osLogin, approvedProposal: nil, in: context)
        }
    }

    func recordAddUser(name: String, role: Role, osLogin: String?, approvedProposal: Int64?, in context: WriteContext) throws -> User {
        let key = UserName.key(name)
        if try user(named: name) != nil { throw InputError(field: "name", "a user named \"\(name)\" already exists") }
        // Compared in Swift too: users created before name keys were stored have none.
        if let twin = try users().first(where: { UserName.key($0.name) == key }) {
            throw InputError(field: "name", "\"\(name)\" looks the same as the existing user \"\(twin.name)\" (names are compared after Unicode NFKC and case folding)")
        }
        let fourEyes = try fourEyesCheck(grant: FourEyesRule.grantNeedsSecondPerson(role: role.rawValue), subject: name,
                                         act: "adding a \(role.rawValue)", approvedProposal: approvedProposal, in: context)
        var row = UserRecord()
        row.name = name
        row.role = role
        row.active = true
        row.createdAt = context.now
        row.createdBy = context.actor.id
        row.osLogin = osLogin
        row.nameKey = key
        let id = try context.insert(&row)
        context.entityID = id
        context.details = ["name": .string(name), "role": .string(role.rawValue), "osLogin": osLogin.map(JSONValue.string) ?? .null]
        if let fourEyes { context.details["fourEyes"] = fourEyes }
        return try user(named: name)!
    }

    /// Changes a user's role. Granting supervisor or admin needs a second admin.
    public func changeRole(name: String, to role: Role, by actor: Actor) throws -> User {
        try audited(actor: actor, action: "user.role", entity: "user") { context in
            try recordChangeRole(name: name, to: role, approvedProposal: nil, in: context)
        }
    }

    func recordChangeRole(name: String, to role: Role, approvedProposal: Int64?, in context: WriteContext) throws -> User {
        guard let target = try user(named: name) else { throw NotFound(entity: "user", key: "\"\(name)\"") }
        guard target.role != role else { throw InputError(field: "role", "user \"\(name)\" is already \(role == .admin ? "an" : "a") \(role.rawValue)") }
        if target.active { try refuseRemovingTheLastAdmin(target, in: context) }
        let fourEyes = try fourEyesCheck(grant: FourEyesRule.grantNeedsSecondPerson(role: role.rawValue), subject: name,
                                         act: "making \(name) \(role == .admin ? "an" : "a") \(role.rawValue)", approvedProposal: approvedProposal, in: context)
        try UserRecord.update(id: target.id, set: ["role": role.rawValue], in: context)
        context.entityID = target.id
        context.details = ["name": .string(name), "from": .string(target.role.rawValue), "to": .string(role.rawValue)]
        if let fourEyes { context.details["fourEyes"] = fourEyes }
        return try user(named: name)!
    }

    /// Reactivates a deactivated user; needs a second admin.
    public func reactivateUser(name: String, by actor: Actor) throws -> User {
        try audited(actor: actor, action: "user.reactivate", entity: "user") { context in
            try recordReactivate(name: name, approvedProposal: nil, in: context)
        }
    }

    func recordReactivate(name: String, approvedProposal: Int64?, in context: WriteContext) throws -> User {
        guard let target = try user(named: name) else { throw NotFound(entity: "user", key: "\"\(name)\"") }
        guard !target.active else { throw InputError(field: "name", "user \"\(name)\" is active") }
        let fourEyes = try fourEyesCheck(grant: true, subject: name, act: "reactivating \(name)", approvedProposal: approvedProposal, in: context)
        try UserRecord.update(id: target.id, set: ["active": true, "deactivated_at": nil], in: context)
        context.entityID = target.id
        context.details = ["name": .string(name), "role": .string(target.role.rawValue)]
        if let fourEyes { context.details["fourEyes"] = fourEyes }
        return try user(named: name)!
    }

    /// An office must keep one active admin: `target` may not stop being one if it is the last.
    private func refuseRemovingTheLastAdmin(_ target: User, in context: WriteContext) throws {
        guard target.role == .admin else { return }
        let admins = try context.db.scalarInt("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1") ?? 0
        if admins <= 1 { throw InputError(field: "name", "\"\(target.name)\" is the last active admin; add another admin first") }
    }

    /// Refuses an account act the four-eyes rule reserves for two admins, unless it is the
    /// approval of a proposal. With no other active admin there is nobody to ask: the act goes
    /// ahead and the audit entry says so (the value returned for its details).
    private func fourEyesCheck(grant: Bool, subject: String, act: String, approvedProposal: Int64?, in context: WriteContext) throws -> JSONValue? {
        guard grant else { return nil }
        if let approvedProposal { return .object(["proposal": .int(approvedProposal)]) }
        let others = try context.db.scalarInt("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id IS NOT ?", context.actor.id) ?? 0
        guard others == 0 else { throw SecondPersonRequired(subject: "user \(subject)", act: act) }
        return .string("unavailable: \(context.actor.name) is the only active admin")
    }

    static func validateOSLogin(_ login: String) throws {
        let ok = (1...64).contains(login.utf8.count) && login.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || "._@$-".utf8.contains($0)
        }
        guard ok else { throw InputError(field: "os-login", "must be an operating-system login: 1 to 64 of A-Z a-z 0-9 . _ @ $ - (got \"\(login)\")") }
    }

    /// Maps a user to the OS account they act from (`user map`): for users created before
    /// accounts were mapped, and when someone's login changes. Audited like any write.
    public func mapUser(name: String, osLogin: String, by actor: Actor) throws -> User {
        try Self.validateOSLogin(osLogin)
        return try audited(actor: actor, action: "user.map", entity: "user") { context in
            guard let target = try user(named: name) else { throw NotFound(entity: "user", key: "\"\(name)\"") }
            try UserRecord.update(id: target.id, set: ["os_login": osLogin], in: context)
            context.entityID = target.id
            context.details = ["name": .string(name), "osLogin": .string(osLogin)]
            return target
        }
    }

    /// The OS login a user is mapped to, if any.
    public func osLogin(ofUserID id: Int64) throws -> String? {
        try connection.scalarText("SELECT os_login FROM users WHERE id = ?", id)
    }

    /// The acting user on a production database's command line: a user mapped to `osLogin`
    /// (the effective OS account, resolved by the caller), optionally picked by name among
    /// those mapped to it. Throws `PermissionDenied` (exit 77) otherwise.
    public func authorize(osLogin: String, requested: String?, for permission: Permission) throws -> Actor {
        try authorize(try mappedUserName(osLogin: osLogin, requested: requested), for: permission)
    }

    /// Whether any active user is mapped to `osLogin`: who may use the service socket at all,
    /// reads included, on a production database (issue 23 §1).
    public func hasActiveUser(osLogin: String) throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM users WHERE os_login = ? AND active = 1", osLogin) ?? 0 > 0
    }

    /// The name of the active user mapped to `osLogin`, picked by `requested` when several are.
    /// Throws `PermissionDenied` (exit 77) when none is, or `requested` is not one of them.
    public func mappedUserName(osLogin: String, requested: String?) throws -> String {
        let mapped = try connection.prepare("SELECT name FROM users WHERE os_login = ? AND active = 1 ORDER BY name")
        try mapped.bind(osLogin, at: 1)
        let names = try mapped.map { $0.string(0) ?? "" }
        if let requested, !requested.isEmpty {
            guard names.contains(requested) else {
                throw PermissionDenied(message: "user \"\(requested)\" is not mapped to your OS account \"\(osLogin)\" on this production database\(names.isEmpty ? "" : " (yours: \(names.joined(separator: ", ")))"); nothing was written")
            }
            return requested
        }
        switch names.count {
        case 0:
            throw PermissionDenied(message: "OS account \"\(osLogin)\" is not mapped to any active user of this production database; an admin can run `detainer user add NAME --role ROLE --os-login \(osLogin)`")
        case 1:
            return names[0]
        default:
            throw PermissionDenied(message: "several users are mapped to OS account \"\(osLogin)\" (\(names.joined(separator: ", "))); pick one with --user NAME")
        }
    }

    /// Creates the first admin during `init`, mapped to `osLogin` (the account running init).
    /// `init` only bootstraps an empty database (issue 23 §1): it never creates, claims or remaps a
    /// user in a database that already has users, whoever runs it. Running it again for the same
    /// admin from the same OS account is a no-op, so a provisioning script can be re-run.
    public func bootstrapAdmin(name: String, osLogin: String? = nil) throws -> (user: User, created: Bool) {
        if let existing = try user(named: name) {
            let mapped = try self.osLogin(ofUserID: existing.id)
            guard existing.role == .admin, existing.active, mapped == osLogin else {
                throw PermissionDenied(message: "init only sets up an empty database: user \"\(name)\" already exists\(mapped.map { " (OS account \"\($0)\")" } ?? " (web only)"); nothing was changed; an admin maps OS accounts with `detainer user map`")
            }
            return (existing, false)
        }
        let users = try connection.scalarInt("SELECT count(*) FROM users") ?? 0
        guard users == 0 else {
            throw PermissionDenied(message: "init only sets up an empty database: this one already has users; nothing was changed; ask an admin to run `detainer user add \(name) --role admin`")
        }
        return (try addUser(name: name, role: .admin, osLogin: osLogin, by: .bootstrap), true)
    }

    public func deactivateUser(name: String, by actor: Actor) throws -> User {
        try audited(actor: actor, action: "user.deactivate", entity: "user") { context in
            guard let target = try user(named: name) else { throw NotFound(entity: "user", key: "\"\(name)\"") }
            guard target.active else { throw InputError(field: "name", "user \"\(name)\" is already deactivated") }
            try refuseRemovingTheLastAdmin(target, in: context)
            try UserRecord.update(id: target.id, set: ["active": false, "deactivated_at": context.now.iso8601], in: context)
            context.entityID = target.id
            // Their web sessions end in the same transaction: signed out at once.
            let ended = try endWebSessions(userID: target.id, except: nil, reason: .deactivated, in: context)
            context.details = ["name": .string(name), "sessionsEnded": .int(Int64(ended))]
            return try user(named: name)!
        }
    }
}
