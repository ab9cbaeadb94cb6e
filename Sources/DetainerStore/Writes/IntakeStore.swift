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
    /// The judgments and pending charges the intake recorded (issue 25 §1).
    public var convictionIDs: [Int64] = []
    public var pendingChargeIDs: [Int64] = []
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
            let history = try recordSearchResults(intake, personID: person.id, custodyCaseID: custody.id, reused: person.reused, in: context)
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
            if !history.convictionIDs.isEmpty { context.details["convictions"] = .array(history.convictionIDs.map { .int($0) }) }
            if !history.chargeIDs.isEmpty { context.details["pendingCharges"] = .array(history.chargeIDs.map { .int($0) }) }
            if !history.reevaluated.isEmpty { context.details["reevaluated"] = .array(history.reevaluated.map { .int($0) }) }
            var warnings = person.warnings + custody.warnings + history.warnings
            if let release = intake.custody.scheduledReleaseAt, Deadlines.releaseAlreadyPast(release, now: context.now) {
                warnings.append("custody.scheduledReleaseAt: the scheduled release \(release.newYorkText) is already past; check the date, or act now (the hold deadline counts from it)")
            }
            if let duplicate, let duplicateReason {
                context.details["duplicateOf"] = .int(duplicate.existingID)
                context.details["duplicateReason"] = .string(duplicateReason)
            }
            return IntakeResult(detainerID: detainerID, personID: person.id, personReused: person.reused, custodyCaseID: custody.id,
                                evaluation: evaluation, warnings: warnings, convictionIDs: history.convictionIDs, pendingChargeIDs: history.chargeIDs)
        }
    }
}

extension IntakeService {
    struct SearchResults {
        var convictionIDs: [Int64] = []
        var chargeIDs: [Int64] = []
        var reevaluated: [Int64] = []
        var warnings: [String] = []
    }

    /// The intake's criminal-history search, written before the detainer so its first evaluation
    /// reads it (a decline for "no convictions recorded" must not come from a record not yet
    /// typed in). The person's other open detainers are re-evaluated, as `conviction add` does.
    func recordSearchResults(_ intake: Intake, personID: Int64, custodyCaseID: Int64, reused: Bool,
                             in context: WriteContext) throws -> SearchResults {
        var results = SearchResults()
        guard !intake.convictions.isEmpty || !intake.pendingCharges.isEmpty else { return results }
        if reused {
            let known = try context.db.scalarInt("SELECT count(*) FROM convictions WHERE person_id = ?", personID) ?? 0
            if known > 0, !intake.convictions.isEmpty {
                results.warnings.append("convictions: person \(personID) already had \(known) conviction(s) on record; check that the ones added are not the same judgments twice")
            }
        }
        let history = HistoryService(store)
        for conviction in intake.convictions {
            results.convictionIDs.append(try history.insertConviction(personID: personID, ConvictionEntry(input: conviction.input),
                                                                      facts: conviction.facts, in: context))
        }
        for charge in intake.pendingCharges {
            results.chargeIDs.append(try history.insertPendingCharge(personID: personID, statuteRaw: charge.statuteRaw, statute: charge.statute,
                                                                     chargedOn: charge.chargedOn, custodyCaseID: custodyCaseID, in: context))
        }
        let trigger: DetainerDatabase.EvaluationTrigger = intake.convictions.isEmpty ? .charge : .conviction
        results.reevaluated = try reevaluateOpenDetainers(personID: personID, trigger: trigger, in: context).map(\.detainerID)
        return results
    }
}
