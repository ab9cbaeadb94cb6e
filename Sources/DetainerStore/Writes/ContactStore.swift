import DetainerDomain
import SQLite

// The contact request, its vocabulary (`ContactKind` and friends) and its rules are the domain's
// (DetainerDomain/Input/ContactRequest.swift); this file records a contact in the store.

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
            + ", unless it is unrelated to civil immigration enforcement or required by law. Nothing was recorded. If one of those applies, say which in the summary and confirm the response despite §9-131(h)."
    }
}

/// The field that confirms it: each front end names it its own way (`--confirm-despite-9-131h`).
extension Section9131hWarning: FieldIssues {
    public var fieldIssues: [ValidationIssue] {
        [ValidationIssue(path: ContactInput.Field.confirmDespite9131h, message: "required to record this response (§9-131(h))")]
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
        try request.check()
        return try audited(actor: actor, action: "contact.add", entity: detainerID == nil ? "person" : "detainer") { context in
            context.entityID = detainerID ?? givenPerson
            let db = context.db
            let current = try detainerID.map { try currentStatus(of: $0, in: db) }
            let at = request.at.map { UTCInstant(secondsSinceEpoch: $0.secondsSinceEpoch) } ?? context.now
            if at.secondsSinceEpoch > context.now.secondsSinceEpoch + FieldLimits.clockSkewSeconds {
                throw InputError(field: "at", "\(at.newYorkText) is in the future")
            }
            // `latest`: the detainer's newest information request, found in this transaction.
            var inReplyTo: Int64?
            switch request.inReplyTo {
            case .contact(let number)?: inReplyTo = number
            case .latest?:
                guard let detainerID else {
                    throw InputError(field: "inReplyTo", "latest names a detainer's newest information request; give the request's contact number")
                }
                guard let latest = try db.scalarInt("""
                    SELECT id FROM ice_communications WHERE detainer_id = ? AND kind = ?
                    ORDER BY occurred_at DESC, id DESC LIMIT 1
                    """, detainerID, ContactKind.informationRequest.rawValue) else {
                    throw InputError(field: "inReplyTo", "detainer \(detainerID) has no information request to answer")
                }
                inReplyTo = latest
            case nil: inReplyTo = nil
            }
            if let reply = inReplyTo {
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
            row.inReplyTo = inReplyTo
            row.facilitatedTransfer = request.facilitatedTransfer
            row.occurredAt = at
            row.occurredOn = at.newYorkDate
            row.recordedAt = context.now
            row.actorID = try context.actorID
            row.summary = request.summary
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
            row.warrantIssuer = request.warrant == nil ? nil : request.warrantIssuer
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
