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
            let d = intake.detainer
            let received = d.receivedAt
            var row = DetainerRecord()
            row.origin = .intake
            row.personID = person.id
            row.custodyCaseID = custody.id
            row.agency = intake.custody.agency.agency
            row.form = .known(d.form)
            row.iceSubjectID = d.iceSubjectID
            row.eventNumber = d.eventNumber
            row.aNumber = intake.person.aNumber
            row.issuingOffice = d.issuingOffice
            row.facility = intake.custody.facility
            row.preparedOn = d.preparedOn
            row.receivedAt = received
            row.receivedOn = received.newYorkDate
            row.receivedBy = context.actor.id
            row.pcFinalOrder = d.probableCause.contains(.finalOrder)
            row.pcRemovalProceedings = d.probableCause.contains(.removalProceedings)
            row.pcBiometricMatch = d.probableCause.contains(.biometricMatch)
            row.pcStatements = d.probableCause.contains(.statements)
            row.warrantType = .known(d.warrant)
            row.i247aBox2 = d.dhsTransferBox2
            row.i247aAdminWarrant = d.administrativeWarrantForm
            row.i247aNtaServed = d.noticeToAppearServed
            row.warrantIssuer = d.warrantIssuer
            row.warrantDate = d.warrantDate
            row.tsdbMatch = d.terroristScreeningMatch
            row.illegalReentry = d.illegalReentryAfterRemoval
            row.status = .received
            row.statusAt = row.receivedAt
            let detainerID = try context.insert(&row)
            context.entityID = detainerID
            try appendStatusEvent(detainerID: detainerID, from: nil, to: .received, at: received, note: nil, afterDeadline: false, in: context)
            var receipt = ContactRecord()
            receipt.detainerID = detainerID
            receipt.personID = person.id
            receipt.direction = .incoming
            receipt.kind = .detainer
            receipt.occurredAt = received
            receipt.occurredOn = received.newYorkDate
            receipt.recordedAt = context.now
            receipt.actorID = try context.actorID
            receipt.summary = "\(d.form.rawValue) detainer received\(d.warrant == .none ? " without a warrant" : " with a\(d.warrant == .administrative ? "n administrative" : " judicial") warrant")"
            try context.insert(&receipt)
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
