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
    /// Give a DOC response §9-131(h) protects anyway (unrelated to civil immigration enforcement,
    /// or required by law: say which in the summary). Without it such a response is refused.
    public var confirmDespite9131h = false

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

/// A provided DOC response about a person §9-131(h) protects, refused until the clerk confirms it.
public struct Section9131hWarning: Error, Sendable, CustomStringConvertible {
    public let personID: Int64
    public let standing: PersonStanding
    public let known: Bool
    public var description: String {
        "Admin. Code §9-131(h)(1): DOC may not give ICE custody, release or court information about person \(personID), who "
            + (known ? "has no violent or serious conviction and no TSDB match" : "is not shown to have a violent or serious conviction or a TSDB match (a fact is unknown)")
            + ", unless it is unrelated to civil immigration enforcement or required by law. Nothing was recorded. If one of those applies, say which in --summary and repeat with --confirm-despite-9-131h."
    }
}

extension StatusService {
    /// A contact about a person with no detainer (an information request ICE sent about someone
    /// in custody, and its response), made with `agency`.
    public func recordPersonContact(person reference: String, agency: Agency, _ request: ContactRequest, by actor: Actor) throws -> ContactResult {
        if request.kind == .warrant {
            throw InputError(field: "kind", "a warrant belongs to a detainer; record it on the detainer (detainer contact DETAINER_ID …)")
        }
        let personID = try HistoryService(store).personID(for: reference)
        return try record(detainerID: nil, personID: personID, agency: agency, request, by: actor)
    }

    public func recordContact(detainerID: Int64, _ request: ContactRequest, by actor: Actor) throws -> ContactResult {
        try record(detainerID: detainerID, personID: nil, agency: nil, request, by: actor)
    }

    private func record(detainerID: Int64?, personID givenPerson: Int64?, agency givenAgency: Agency?, _ request: ContactRequest,
                        by actor: Actor) throws -> ContactResult {
        var v = FieldValidator()
        let summary = v.text(request.summary, "summary", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        let issuer = v.text(request.warrantIssuer, "warrantIssuer", maxLength: FieldLimits.issuer)
        if [.informationRequest, .informationResponse].contains(request.kind), request.informationType == nil {
            v.fail("infoType", "is required for \(request.kind.rawValue) (\(InformationType.choicesText))")
        }
        if request.kind == .informationResponse, request.inReplyTo == nil {
            v.fail("inReplyTo", "name the information request this answers (its contact number)")
        }
        if request.kind == .informationResponse, request.responseOutcome == nil {
            v.fail("outcome", "say whether the information was provided or declined")
        }
        if request.responseOutcome != nil, request.kind != .informationResponse {
            v.fail("outcome", "only an informationResponse has an outcome")
        }
        if request.facilitatedTransfer, request.responseOutcome == .declined {
            v.fail("facilitatedTransfer", "a declined response gave no information, so it cannot have facilitated a transfer")
        }
        if request.warrant != nil, request.kind != .warrant {
            v.fail("warrant", "only a contact of kind warrant carries a warrant")
        }
        if request.kind == .warrant, request.warrant == nil {
            v.fail("warrant", "say which kind of warrant ICE presented (judicial or administrative)")
        }
        if request.warrant == .judicial, issuer == nil {
            v.fail("warrantIssuer", "is required for a judicial warrant (the federal judge or magistrate judge)")
        }
        try v.finish()
        return try audited(actor: actor, action: "contact.add", entity: detainerID == nil ? "person" : "detainer") { context in
            context.entityID = detainerID ?? givenPerson
            let db = context.db
            let current = try detainerID.map { try currentStatus(of: $0, in: db) }
            let at = request.at.map { UTCInstant(secondsSinceEpoch: $0.secondsSinceEpoch) } ?? context.now
            if at.secondsSinceEpoch > context.now.secondsSinceEpoch + FieldLimits.clockSkewSeconds {
                throw InputError(field: "at", "\(at.newYorkText) is in the future")
            }
            if let reply = request.inReplyTo {
                let original = try db.prepare("SELECT kind, detainer_id FROM ice_communications WHERE id = ?")
                try original.bind(reply, at: 1)
                guard let row = try original.first({ ($0.string(0), $0.optionalInt64(1)) }), row.0 == ContactKind.informationRequest.rawValue,
                      row.1 == detainerID else {
                    let on = detainerID.map { "on detainer \($0)" } ?? "about this person without a detainer"
                    throw InputError(field: "inReplyTo", "contact \(reply) is not an information request \(on)")
                }
                if detainerID == nil, try db.scalarInt("SELECT person_id FROM ice_communications WHERE id = ?", reply) != givenPerson {
                    throw InputError(field: "inReplyTo", "contact \(reply) is about another person")
                }
            }
            let personID = try detainerID.map { try db.scalarInt("SELECT person_id FROM detainers WHERE id = ?", $0) } ?? givenPerson
            let agency = try givenAgency ?? detainerID.flatMap { try db.scalarText("SELECT agency FROM detainers WHERE id = ?", $0) }.flatMap(Agency.init(rawValue:))
            if request.facilitatedTransfer, let personID,
               try db.scalarInt("""
                   SELECT count(*) FROM status_events AS e JOIN detainers AS d ON d.id = e.detainer_id
                   WHERE d.person_id = ? AND e.to_status = 'transferred' AND d.status = 'transferred'
                   """, personID) == 0 {
                throw InputError(field: "facilitatedTransfer", "person \(personID) has not been transferred to ICE custody; a response cannot have facilitated a transfer that did not happen")
            }
            var confirmed = false
            if request.kind == .informationResponse, request.responseOutcome == .provided, agency == .doc, let personID {
                let standing = try StandingLookup.standing(of: personID, knownAt: context.now.iso8601, in: db)
                if PersonStanding.protectedBy9131h(standing.standing, known: standing.known) {
                    guard request.confirmDespite9131h else {
                        throw Section9131hWarning(personID: personID, standing: standing.standing, known: standing.known)
                    }
                    confirmed = true
                }
            }
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
            row.confirmedDespite9131h = confirmed
            row.agency = agency
            if request.warrant != nil {
                guard let detainerID, let current else {
                    throw InputError(field: "warrant", "a warrant is presented with a detainer; record it on the detainer")
                }
                guard ClosedDetainerRule.acceptsWarrant(current.status) else {
                    throw InputError(field: "warrant", "detainer \(detainerID) is \(current.status.rawValue); a warrant no longer changes it")
                }
            }
            // Issue 24 §4: a warrant presented after the detainer is a new entry in the warrant
            // history, with the time it was presented; the warrant that came with the detainer
            // (detainers.warrant_type) is never overwritten.
            row.warrantType = request.warrant
            row.warrantIssuer = request.warrant == nil ? nil : issuer
            row.warrantDate = request.warrant == nil ? nil : request.warrantDate
            let contactID = try context.insert(&row)
            var evaluation: StoredEvaluation?
            if request.warrant != nil, let detainerID {
                evaluation = try recordEvaluation(detainerID: detainerID, trigger: .detainer, in: context)
            }
            context.details = ["contactID": .int(contactID), "kind": .string(request.kind.rawValue),
                               "direction": .string(request.direction.rawValue), "confirmedDespite9131h": .bool(confirmed)]
            return ContactResult(contactID: contactID, evaluation: evaluation)
        }
    }
}
