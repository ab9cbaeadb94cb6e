import DetainerDomain

extension ReportService {
    /// Reports are audited: who looked at which counts, when.
    public func recordReport(_ name: String, parameters: [String: JSONValue], by actor: Actor) throws {
        try audited(actor: actor, action: "report.\(name)", entity: "report") { context in
            context.details = parameters
        }
    }
}
