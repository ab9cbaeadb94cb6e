/// An error that names the fields it is about (`person.name: required`): a form shows each
/// message beside its field, the API lists them as `issues` with their paths.
public protocol FieldIssues: Error {
    var fieldIssues: [ValidationIssue] { get }
}

extension ValidationIssue: FieldIssues {
    public var fieldIssues: [ValidationIssue] { [self] }
}

extension InputErrors: FieldIssues {
    public var fieldIssues: [ValidationIssue] { issues }
}
