import DetainerDomain
import SQLite

/// Contacts with ICE. The kinds and information types are the ones the annual reports count
/// (Admin. Code §9-131(f)(9), §14-154(f)(5)).
public enum ContactKind: String, Sendable, CaseIterable {
    case detainer, warrant, releaseNotification, informationRequest, informationResponse, withdrawal, transfer, other
}

public enum ContactDirection: String, Sendable, CaseIterable {
    case incoming = "in", outgoing = "out"
}

public enum InformationType: String, Sendable, CaseIterable {
    case incarcerationStatus, releaseDate, courtDate, appointment, other
}

/// Whether an information response gave ICE the information or refused it; only a provided
/// response honors the request in the annual reports.
public enum ResponseOutcome: String, Sendable, CaseIterable {
    case provided, declined
}

public struct ContactRequest: Sendable {
    public var direction: ContactDirection
    public var kind: ContactKind
    public var summary: String
    public var at: UTCInstant?
    public var informationType: InformationType?
    public var inReplyTo: Int64?
    public var facilitatedTransfer = false
    /// For a warrant ICE presents after the detainer: its kind, issuer and date.
    public var warrant: WarrantKind?
    public var warrantIssuer: String?
    public var warrantDate: CivilDate?
    /// For an information response: was the information given? Required for responses.
    public var responseOutcome: ResponseOutcome?

    public init(direction: ContactDirection, kind: ContactKind, summary: String, at: UTCInstant? = nil,
                informationType: InformationType? = nil, inReplyTo: Int64? = nil, facilitatedTransfer: Bool = false,
                warrant: WarrantKind? = nil, warrantIssuer: String? = nil, warrantDate: CivilDate? = nil) {
        self.direction = direction
        self.kind = kind
        self.summary = summary
        self.at = at
        self.informationType = informationType
        self.inReplyTo = inReplyTo
        self.facilitatedTransfer = facilitatedTransfer
        self.warrant = warrant
        self.warrantIssuer = warrantIssuer
        self.warrantDate = warrantDate
    }
}

public struct ContactResult: Sendable {
    public let contactID: Int64
    /// Present when the contact changed what the law engine sees (a warrant arrived).
    public let evaluation: StoredEvaluation?
}

extension StatusService {
    public func recordContact(detainerID: Int64, _ request: ContactRequest, by actor: Actor) throws -> ContactResult {
        var v = FieldValidator()
        let summary = v.text(request.summary, "summary", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        let issuer = v.text(request.warrantIssuer, "warrant-issuer", maxLength: FieldLimits.issuer)
        if [.informationRequest, .informationResponse].contains(request.kind), request.informationType == nil {
            v.fail("info-type", "is required for \(request.kind.rawValue) (\(InformationType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if request.kind == .informationResponse, request.inReplyTo == nil {
            v.fail("in-reply-to", "name the information request this answers (its contact id)")
        }
        if request.kind == .informationResponse, request.responseOutcome == nil {
            v.fail("outcome", "say whether the information was provided or declined (--outcome provided|declined)")
        }
        if request.responseOutcome != nil, request.kind != .informationResponse {
            v.fail("outcome", "only an informationResponse has an outcome")
        }
        if request.facilitatedTransfer, request.responseOutcome == .declined {
            v.fail("facilitated-transfer", "a declined response gave no information, so it cannot have facilitated a transfer")
        }
        if request.warrant != nil, request.kind != .warrant {
            v.fail("warrant", "only a contact of kind warrant carries a warrant")
        }
        if request.kind == .warrant, request.warrant == nil {
            v.fail("warrant", "say which kind of warrant ICE presented (judicial or administrative)")
        }
        if request.warrant == .judicial, issuer == nil {
            v.fail("warrant-issuer", "is required for a judicial warrant (the federal judge or magistrate judge)")
        }
        try v.finish()
        return try audited(actor: actor, action: "contact.add", entity: "detainer") { context in
            context.entityID = detainerID
            let db = context.db
            let current = try currentStatus(of: detainerID, in: db)
            let at = request.at.map { UTCInstant(secondsSinceEpoch: $0.secondsSinceEpoch) } ?? context.now
            if at.secondsSinceEpoch > context.now.secondsSinceEpoch + FieldLimits.clockSkewSeconds {
                throw InputError(field: "at", "\(at.newYorkText) is in the future")
            }
            if let reply = request.inReplyTo {
                let original = try db.prepare("SELECT kind, detainer_id FROM ice_communications WHERE id = ?")
                try original.bind(reply, at: 1)
                guard let row = try original.first({ ($0.string(0), $0.optionalInt64(1)) }), row.0 == ContactKind.informationRequest.rawValue,
                      row.1 == detainerID else {
                    throw InputError(field: "in-reply-to", "contact \(reply) is not an information request on detainer \(detainerID)")
                }
            }
            let personID = try db.scalarInt("SELECT person_id FROM detainers WHERE id = ?", detainerID)
            var row = ContactRecord()
            row.detainerID = detainerID
            row.personID = personID
            row.direction = request.direction
            row.kind = request.kind
            row.infoType = request.informationType
            row.inReplyTo = request.inReplyTo
            row.facilitatedTransfer = request.facilitatedTransfer
            row.occurredAt = at
            row.occurredOn = at.newYorkDate
            row.recordedAt = context.now
            row.actorID = try context.actorID
            row.summary = summary ?? ""  // required above
            row.responseOutcome = request.responseOutcome
            if request.warrant != nil, !ClosedDetainerRule.acceptsWarrant(current.status) {
                throw InputError(field: "warrant", "detainer \(detainerID) is \(current.status.rawValue); a warrant no longer changes it")
            }
            // Issue 24 §4: a warrant presented after the detainer is a new entry in the warrant
            // history, with the time it was presented; the warrant that came with the detainer
            // (detainers.warrant_type) is never overwritten.
            row.warrantType = request.warrant
            row.warrantIssuer = request.warrant == nil ? nil : issuer
            row.warrantDate = request.warrant == nil ? nil : request.warrantDate
            let contactID = try context.insert(&row)
            var evaluation: StoredEvaluation?
            if request.warrant != nil {
                evaluation = try recordEvaluation(detainerID: detainerID, trigger: .detainer, in: context)
            }
            context.details = ["contactID": .int(contactID), "kind": .string(request.kind.rawValue),
                               "direction": .string(request.direction.rawValue)]
            return ContactResult(contactID: contactID, evaluation: evaluation)
        }
    }
}
