import SQLite

/// What each audited write requires of its actor, checked inside the write's own transaction
/// (issue 26 §3): the store's one gate, so a front end cannot forget a check or pair a service
/// with the wrong permission. Every action a service records is in this table, and an action
/// that is not is refused (`ActionPermissionTests` scans the sources for them). The actor's
/// role and active state are read again from `users` inside the transaction, so a user
/// deactivated or demoted after signing in cannot finish a write with the role they had.
public enum ActionPermission: Equatable, Sendable {
    /// An active user whose current role allows it.
    case permission(Permission)
    /// Any active user; the service checks the rest itself (the four-eyes proposals check the
    /// permission of what is proposed; `user passwd` checks own-account-or-admin).
    case activeUser
    /// The event is about the actor's own account (a sign-in, a session's end): recorded for
    /// the account whatever its state, never granting anything.
    case subject
    /// Only the first writes of a new database, before any user exists (`init`).
    case bootstrap
    /// The store's own maintenance, run by `init` as the owning account: the bootstrap actor,
    /// never a user (the identity baseline written when an old database is upgraded, the stored
    /// deadlines of older declines realigned).
    case maintenance

    static let table: [String: ActionPermission] = [
        "database.establish": .bootstrap,
        "audit.identity_baseline": .maintenance,
        "detainer.deadline_realign": .maintenance,
        "auth.signin": .subject,
        "auth.signout": .subject,
        "auth.session_end": .subject,
        "detainer.intake": .permission(.intake),
        "detainer.correct": .permission(.intake),
        "detainer.link": .permission(.intake),
        "detainer.evaluate": .permission(.evaluate),
        "detainer.review": .permission(.review),
        "detainer.status": .permission(.changeStatus),
        "conviction.add": .permission(.recordHistory),
        "conviction.update": .permission(.recordHistory),
        "charge.add": .permission(.recordHistory),
        "contact.add": .permission(.recordContact),
        "assistance.add": .permission(.recordContact),
        "scaap.record": .permission(.recordFunding),
        "document.attach": .permission(.attachDocuments),
        "document.withdraw": .permission(.attachDocuments),
        "import": .permission(.importData),
        "export": .permission(.export),
        "export.documents": .permission(.export),
        "report.publish.prepare": .permission(.report),
        "report.publish.approve": .permission(.report),
        "report.public_figure": .permission(.report),
        "settings.person_notice": .permission(.manageUsers),
        "user.add": .permission(.manageUsers),
        "user.deactivate": .permission(.manageUsers),
        "user.reactivate": .permission(.manageUsers),
        "user.role": .permission(.manageUsers),
        "user.map": .permission(.manageUsers),
        "user.passwd": .activeUser,
        "user.totp.begin": .activeUser,
        "user.totp.confirm": .activeUser,
        "proposal.create": .activeUser,
        "proposal.approve": .activeUser,
        "proposal.reject": .activeUser,
    ]

    /// Families named by a prefix: `report.monthly`, `report.annual` … (`ReportService.recordReport`).
    static let prefixes: [String: ActionPermission] = ["report.": .permission(.report)]

    public static func required(for action: String) -> ActionPermission? {
        table[action] ?? prefixes.first { action.hasPrefix($0.key) }?.value
    }

    /// Refuses `actor` for `action` (PermissionDenied, exit 77), reading the actor's row in `db`.
    static func check(_ actor: Actor, action: String, in db: Connection) throws {
        guard let required = required(for: action) else {
            // A programming error, but one that must not write: say which action lacks a rule.
            throw PermissionDenied(message: "no permission is declared for \"\(action)\"; nothing was written")
        }
        // The bootstrap actor (`init`) exists only until the first admin does: it records the
        // database and creates that admin, nothing else, never again.
        if actor.id == nil {
            if required == .maintenance { return }
            guard required == .bootstrap || action == "user.add", try db.scalarInt("SELECT count(*) FROM users") ?? 0 == 0 else {
                throw PermissionDenied(message: "\(actor.name) only starts a new database; \(action) needs a user; nothing was written")
            }
            return
        }
        switch required {
        case .subject:
            return
        case .bootstrap, .maintenance:
            throw PermissionDenied(message: "\(action) is the store's own, never a user's; nothing was written")
        case .activeUser, .permission:
            let statement = try db.cached("SELECT role, active FROM users WHERE id = ?")
            if let id = actor.id { try statement.bind(id, at: 1) }
            guard actor.id != nil, let row = try statement.first({ ($0.string(0), $0.int(1)) }) else {
                throw PermissionDenied(message: "\(actor.name) is not a user of this database; nothing was written")
            }
            guard row.1 == 1 else { throw PermissionDenied(message: "user \"\(actor.name)\" is deactivated; nothing was written") }
            if case .permission(let permission) = required {
                guard let role = row.0.flatMap(Role.init(rawValue:)), role.may(permission) else {
                    throw PermissionDenied(message: "user \"\(actor.name)\" may not \(permission.rawValue): it \(PermissionDenied.required(permission)); nothing was written")
                }
            }
        }
    }
}
