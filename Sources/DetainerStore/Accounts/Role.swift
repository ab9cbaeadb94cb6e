/// What each kind of user may do. Separation of duties follows the office: clerks log, only
/// supervisors decide, auditors read and count, admins manage accounts.
public enum Role: String, CaseIterable, Sendable, Codable {
    case clerk, supervisor, auditor, admin
}

public enum Permission: String, CaseIterable, Sendable {
    case intake = "log detainers"
    case recordHistory = "record convictions and charges"
    case recordContact = "record contacts with ICE"
    case attachDocuments = "attach and withdraw documents"
    case changeStatus = "change a detainer's status"
    case evaluate = "re-run the law engine on a stored detainer"
    case review = "review detainers (approve or decide)"
    case report = "run reports"
    case export = "export records"
    case importData = "import files"
    case manageUsers = "manage users"
    case recordFunding = "record SCAAP funding amounts"

    /// The roles allowed to do this, in the order a message should name them.
    public var roles: [Role] {
        switch self {
        case .intake, .recordHistory, .recordContact, .attachDocuments, .changeStatus, .evaluate: return [.clerk, .supervisor]
        case .review: return [.supervisor]
        case .report, .export: return [.auditor, .supervisor, .admin]
        case .importData, .recordFunding: return [.supervisor, .admin]
        case .manageUsers: return [.admin]
        }
    }
}

extension Role {
    public func may(_ permission: Permission) -> Bool { permission.roles.contains(self) }
}

extension Actor {
    /// Whether the actor's role allows `permission` (an actor without a role, such as the
    /// bootstrap, is allowed nothing).
    public func may(_ permission: Permission) -> Bool { role?.may(permission) ?? false }
}

/// The actor is missing, unknown, deactivated, or lacks the role for the action.
public struct PermissionDenied: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) { self.message = message }

    public var description: String { message }

    static func required(_ permission: Permission) -> String {
        let names = permission.roles.map(\.rawValue)
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
        return "requires the \(list) role"
    }
}
