import DetainerDomain
import SQLite

/// What `detainer intake` reports back to the clerk.
public struct IntakeResult: Sendable {
    public let detainerID: Int64
    public let personID: Int64
    public let personReused: Bool
    public let custodyCaseID: Int64
    public let evaluation: StoredEvaluation
    public let warnings: [String]
}

extension IntakeService {
    /// Logs an incoming detainer: person, custody case, detainer, its receipt as an ICE contact,
    /// the law engine's evaluation, and the move to `pendingReview` — one transaction, one audit entry.
    /// `duplicateReason`: why a second open detainer on the same custody case is real; without
    /// it such an intake is refused (`DuplicateDetainer`, exit 65).
    public func intake(_ request: IntakeRequest, duplicateReason: String? = nil, by actor: Actor) throws -> IntakeResult {
        let intake = try request.validated(now: clock.now())
        var v = FieldValidator()
        let duplicateReason = v.text(duplicateReason, "reason", maxLength: FieldLimits.note, allowNewlines: true)
        try v.finish()
        return try audited(actor: actor, action: "detainer.intake", entity: "detainer") { context in
            let person = try findOrCreatePerson(intake.person, in: context)
            let duplicate = try openDetainerOnSameCase(personID: person.id, person: intake.person, custody: intake.custody, in: context.db)
            if let duplicate, duplicateReason == nil { throw duplicate }
            let custody = try findOrCreateCustodyCase(intake.custody, personID: person.id, in: context)
            let db = context.db
            let d = intake.detainer
            let received = d.receivedAt
            try db.run("""
                INSERT INTO detainers (origin, person_id, custody_case_id, agency, form, ice_subject_id, event_number, a_number,
                    issuing_office, facility, prepared_on, received_at, received_on, received_by,
                    pc_final_order, pc_removal_proceedings, pc_biometric_match, pc_statements,
                    warrant_type, warrant_issuer, warrant_date, tsdb_match, illegal_reentry, status, status_at)
                VALUES ('intake', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)
                """, person.id, custody.id, intake.custody.agency.rawValue, d.form.rawValue, d.iceSubjectID, d.eventNumber,
                       intake.person.aNumber, d.issuingOffice, intake.custody.facility, d.preparedOn?.description,
                       received.iso8601, received.newYorkDate.description, context.actor.id,
                       d.probableCause.contains(.finalOrder), d.probableCause.contains(.removalProceedings),
                       d.probableCause.contains(.biometricMatch), d.probableCause.contains(.statements),
                       d.warrant.rawValue, d.warrantIssuer, d.warrantDate?.description,
                       d.terroristScreeningMatch, d.illegalReentryAfterRemoval, received.iso8601)
            let detainerID = db.lastInsertRowID
            context.entityID = detainerID
            context.touch("detainers", detainerID)
            try appendStatusEvent(detainerID: detainerID, from: nil, to: .received, at: received, note: nil, afterDeadline: false, in: context)
            try db.run("""
                INSERT INTO ice_communications (detainer_id, person_id, direction, kind, occurred_at, occurred_on, recorded_at, actor_id, summary)
                VALUES (?, ?, 'in', 'detainer', ?, ?, ?, ?, ?)
                """, detainerID, person.id, received.iso8601, received.newYorkDate.description, context.now.iso8601, context.actor.id,
                       "\(d.form.rawValue) detainer received\(d.warrant == .none ? " without a warrant" : " with a\(d.warrant == .administrative ? "n administrative" : " judicial") warrant")")
            context.touch("ice_communications", db.lastInsertRowID)
            let evaluation = try recordEvaluation(detainerID: detainerID, trigger: .intake, in: context)
            try moveStatus(detainerID: detainerID, from: .received, to: .pendingReview, at: context.now, note: nil, in: context)
            context.details = [
                "personID": .int(person.id), "custodyCaseID": .int(custody.id),
                "outcome": .string(evaluation.report.outcome.rawValue), "evaluationID": .int(evaluation.id),
            ]
            var warnings = person.warnings + custody.warnings
            if let release = intake.custody.scheduledReleaseAt, Deadlines.releaseAlreadyPast(release, now: context.now) {
                warnings.append("custody.scheduledReleaseAt: the scheduled release \(release.newYorkText) is already past; check the date, or act now (the hold deadline counts from it)")
            }
            if let duplicate, let duplicateReason {
                context.details["duplicateOf"] = .int(duplicate.existingID)
                context.details["duplicateReason"] = .string(duplicateReason)
            }
            return IntakeResult(detainerID: detainerID, personID: person.id, personReused: person.reused, custodyCaseID: custody.id,
                                evaluation: evaluation, warnings: warnings)
        }
    }
}
