import DetainerDomain

public struct User: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let role: Role
    public let active: Bool
    public let createdAt: String
    public let deactivatedAt: String?

    public var actor: Actor { Actor(id: id, name: name, role: role) }
}

/// A record the caller named does not exist.
public struct NotFound: Error, Equatable, CustomStringConvertible {
    public let entity: String
    public let key: String

    public var description: String { "no \(entity) \(key)" }
}

/// Input that breaks a rule, naming the field: the law engine's `ValidationIssue`, so every
/// layer reports bad input the same way.
public typealias InputError = ValidationIssue
