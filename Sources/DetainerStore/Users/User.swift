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

/// Input that breaks a rule: names the field and says what is wrong.
public struct InputError: Error, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
