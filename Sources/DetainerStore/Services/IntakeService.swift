/// Intake: logging an incoming detainer (person, custody case, detainer, first evaluation, the move to pending review) and correcting what was logged.
/// Used by clerks and supervisors, from the CLI and the web alike.
public struct IntakeService: StoreService {
    public let store: DetainerDatabase

    public init(_ store: DetainerDatabase) { self.store = store }
}
