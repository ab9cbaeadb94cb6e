import DetainerDomain
import SQLite

/// Accounts and the check every write starts with: who is acting, and may they.
extension DetainerDatabase {
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

    /// Checks a user name: 1–64 characters, letters, digits and . _ - @ only.
    static func validateUserName(_ name: String) throws {
        guard !name.isEmpty, name.count <= 64 else { throw InputError(field: "name", "must be 1 to 64 characters") }
        let allowed = name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-@".unicodeScalars.contains($0)
        }
        guard allowed else { throw InputError(field: "name", "may contain only letters, digits and . _ - @ (got \"\(name)\")") }
    }

    @discardableResult
    public func addUser(name: String, role: Role, by actor: Actor) throws -> User {
        try Self.validateUserName(name)
        return try audited(actor: actor, action: "user.add", entity: "user") { context in
            if try user(named: name) != nil { throw InputError(field: "name", "a user named \"\(name)\" already exists") }
            try context.db.run("INSERT INTO users (name, role, active, created_at, created_by) VALUES (?, ?, 1, ?, ?)",
                               name, role.rawValue, context.now.iso8601, actor.id)
            let id = context.db.lastInsertRowID
            context.touch("users", id)
            context.entityID = id
            context.details = ["name": .string(name), "role": .string(role.rawValue)]
            return try user(named: name)!
        }
    }

    /// Creates the first admin during `init`. Idempotent for an existing active admin of that name.
    public func bootstrapAdmin(name: String) throws -> (user: User, created: Bool) {
        if let existing = try user(named: name) {
            guard existing.role == .admin, existing.active else {
                throw InputError(field: "admin", "user \"\(name)\" exists and is not an active admin")
            }
            return (existing, false)
        }
        let admins = try connection.scalarInt("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1") ?? 0
        guard admins == 0 else {
            throw InputError(field: "admin", "this database already has an admin; ask them to run `detainer user add \(name) --role admin`")
        }
        return (try addUser(name: name, role: .admin, by: .bootstrap), true)
    }

    public func deactivateUser(name: String, by actor: Actor) throws -> User {
        try audited(actor: actor, action: "user.deactivate", entity: "user") { context in
            guard let target = try user(named: name) else { throw NotFound(entity: "user", key: "\"\(name)\"") }
            guard target.active else { throw InputError(field: "name", "user \"\(name)\" is already deactivated") }
            if target.role == .admin {
                let admins = try context.db.scalarInt("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1") ?? 0
                if admins <= 1 { throw InputError(field: "name", "\"\(name)\" is the last active admin; add another admin first") }
            }
            try context.db.run("UPDATE users SET active = 0, deactivated_at = ? WHERE id = ?", context.now.iso8601, target.id)
            context.touch("users", target.id)
            context.entityID = target.id
            // Their web sessions end in the same transaction: signed out at once.
            let ended = try endWebSessions(userID: target.id, except: nil, reason: .deactivated, in: context)
            context.details = ["name": .string(name), "sessionsEnded": .int(Int64(ended))]
            return try user(named: name)!
        }
    }
}
