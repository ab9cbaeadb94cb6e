import DetainerDomain

extension ReportService {
    /// Audits a download of the detainer list (the web list's CSV) before its first byte, as an
    /// export is: who, when, and the filters that chose the rows.
    public func recordListDownload(_ filter: ListFilter, by actor: Actor) throws {
        try audited(actor: actor, action: "export", entity: "export") { context in
            context.details = ["source": .string("detainer list"), "format": .string("csv"), "destination": .string("web download"),
                               "agency": .optional(filter.agency?.rawValue), "status": .optional(filter.status?.rawValue),
                               "outcome": .optional(filter.outcome?.rawValue), "from": .optional(filter.receivedFrom?.description),
                               "to": .optional(filter.receivedTo?.description), "person": .bool(filter.person != nil)]
        }
    }
}
