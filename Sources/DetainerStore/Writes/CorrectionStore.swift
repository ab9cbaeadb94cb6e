import DetainerDomain
import SQLite

/// `detainer update`: corrections of a logged intake and facts that arrive after it. Every
/// changed field is kept in the append-only `corrections` ledger (old value, new value, who,
/// when, why) in the same transaction as the change and its audit entry; an open detainer is
/// re-evaluated. A request that changes nothing is refused, so the history holds only changes.
public struct CorrectionResult: Sendable {
    public let detainerID: Int64
    public let changes: [FieldChange]
    /// nil when the detainer is closed (its decision stands; only identity or paperwork changed).
    public let evaluation: StoredEvaluation?
}

extension IntakeService {
    public func correct(detainerID: Int64, _ requested: [IntakeField: String], reason: String?, by actor: Actor) throws -> CorrectionResult {
        var v = FieldValidator()
        let reason = v.text(reason, "reason", maxLength: FieldLimits.note, allowNewlines: true)
        if requested.isEmpty {
            v.fail("update", "nothing to change: give at least one field to correct (e.g. the name, the scheduled release, the TSDB search result)")
        } else if reason == nil {
            v.fail("reason", "is required: say why the record changes (e.g. \"court papers show 1985-02-03\")")
        }
        try v.finish()
        return try audited(actor: actor, action: "detainer.correct", entity: "detainer") { context in
            context.entityID = detainerID
            let db = context.db
            let current = try currentStatus(of: detainerID, in: db)
            guard let record = try storedIntake(detainerID: detainerID, in: db) else {
                throw InputError(field: "id", "detainer \(detainerID) is an imported ICE record; it has no intake to correct")
            }
            let (_, changes) = try IntakeCorrection.apply(stored: record.values, requested: requested, now: context.now)
            guard !changes.isEmpty else {
                throw InputError(field: "update", "nothing changes: every value given is already recorded for detainer \(detainerID)")
            }
            if let field = ClosedDetainerRule.refusedCorrection(changes, status: current.status) {
                throw InputError(field: field.field.path, "detainer \(detainerID) is \(current.status.rawValue); facts its decision rested on are not changed (mark it enteredInError and log it again if it was wrong)")
            }
            try checkCorrectedReceipt(changes, detainerID: detainerID, in: db)
            for change in changes {
                try write(change, record: record, detainerID: detainerID, in: context)
                var row = CorrectionRecord()
                row.detainerID = detainerID
                row.personID = record.personID
                row.custodyCaseID = record.caseID
                row.field = change.field
                row.oldValue = change.old
                row.newValue = change.new
                row.reason = reason ?? ""  // required above (v.finish)
                row.correctedAt = context.now
                row.actorID = try context.actorID
                try context.insert(&row)
            }
            let evaluation = ClosedDetainerRule.reevaluates(current.status) ? try recordEvaluation(detainerID: detainerID, trigger: .detainer, in: context) : nil
            context.details = [
                "changes": .array(changes.map { ["field": .string($0.field.rawValue), "old": .optional($0.old), "new": .optional($0.new)] }),
                "reason": .optional(reason), "outcome": .optional(evaluation?.report.outcome.rawValue),
            ]
            return CorrectionResult(detainerID: detainerID, changes: changes, evaluation: evaluation)
        }
    }

    struct StoredIntake {
        var personID: Int64
        var caseID: Int64
        var values: [IntakeField: String]
    }

    func storedIntake(detainerID: Int64, in db: Connection) throws -> StoredIntake? {
        let statement = try db.prepare("""
            SELECT p.id, c.id, p.name, p.date_of_birth, p.nysid, p.a_number, p.fbi_number, p.country_of_birth,
                   c.agency, c.booking_number, c.facility, c.arrest_date, c.scheduled_release_at,
                   d.form, d.ice_subject_id, d.event_number, d.issuing_office, d.prepared_on, d.received_at,
                   d.pc_final_order, d.pc_removal_proceedings, d.pc_biometric_match, d.pc_statements,
                   d.warrant_type, d.warrant_issuer, d.warrant_date, d.tsdb_match, d.illegal_reentry
            FROM detainers AS d JOIN persons AS p ON p.id = d.person_id JOIN custody_cases AS c ON c.id = d.custody_case_id
            WHERE d.id = ? AND d.origin = 'intake'
            """)
        try statement.bind(detainerID, at: 1)
        return try statement.first { row in
            let text: [(IntakeField, Int32)] = [
                (.name, 2), (.dateOfBirth, 3), (.nysid, 4), (.aNumber, 5), (.fbiNumber, 6), (.countryOfBirth, 7),
                (.agency, 8), (.booking, 9), (.facility, 10), (.arrestDate, 11), (.scheduledReleaseAt, 12),
                (.form, 13), (.iceSubjectId, 14), (.eventNumber, 15), (.issuingOffice, 16), (.preparedOn, 17), (.receivedAt, 18),
                (.warrantType, 23), (.warrantIssuer, 24), (.warrantDate, 25),
            ]
            var values: [IntakeField: String] = [:]
            for (field, column) in text { if let value = row.string(column) { values[field] = value } }
            let boxes: [(ProbableCause, Int32)] = [(.finalOrder, 19), (.removalProceedings, 20), (.biometricMatch, 21), (.statements, 22)]
            values[.probableCause] = IntakeCorrection.probableCauseText(Set(boxes.filter { row.bool($0.1) }.map(\.0)))
            values[.tsdbMatch] = row.optionalBool(26).map { $0 ? "yes" : "no" }
            values[.illegalReentry] = row.optionalBool(27).map { $0 ? "yes" : "no" }
            return StoredIntake(personID: row.int64(0), caseID: row.int64(1), values: values)
        }
    }

    /// A corrected receipt cannot move after what followed it: the ledgers keep their times.
    private func checkCorrectedReceipt(_ changes: [FieldChange], detainerID: Int64, in db: Connection) throws {
        guard let change = changes.first(where: { $0.field == .receivedAt }), let new = change.new.flatMap(UTCInstant.init(parsing:)) else { return }
        let later = try db.prepare("""
            SELECT min(at) FROM (SELECT occurred_at AS at FROM status_events WHERE detainer_id = ?1 AND from_status IS NOT NULL AND from_status <> 'received'
                                 UNION ALL SELECT reviewed_at FROM reviews WHERE detainer_id = ?1)
            """).bindingFirst(detainerID).first { $0.string(0) }.flatMap { $0 }.flatMap(UTCInstant.init(parsing:))
        if let later, new > later {
            throw InputError(field: IntakeField.receivedAt.path, "\(new.newYorkText) is after the detainer's first review or status change (\(later.newYorkText))")
        }
    }

    private func write(_ change: FieldChange, record: StoredIntake, detainerID: Int64, in context: WriteContext) throws {
        let db = context.db
        // Persons and custody cases also record who changed them last (`TableRecord.update`).
        func person(_ column: String) throws {
            try PersonRecord.update(id: record.personID, set: [column: change.new], in: context)
        }
        func custody(_ column: String) throws {
            try CustodyCaseRecord.update(id: record.caseID, set: [column: change.new], in: context)
        }
        func detainer(_ column: String, _ value: (any SQLiteBindable)?) throws {
            try DetainerRecord.update(id: detainerID, set: [column: value], in: context)
        }
        func unique(_ sql: String, _ what: String, _ value: String?, except id: Int64) throws {
            guard let value, let other = try db.scalarInt(sql, value, id) else { return }
            throw InputError(field: change.field.path, "\(value) is already the \(what) of another record (\(other)); correct that one or mark one in error")
        }
        switch change.field {
        case .name: try person("name")
        case .dateOfBirth: try person("date_of_birth")
        case .nysid:
            try unique("SELECT id FROM persons WHERE nysid = ? AND id <> ?", "NYSID of person", change.new, except: record.personID)
            try person("nysid")
        case .aNumber:
            try unique("SELECT id FROM persons WHERE a_number = ? AND id <> ?", "A-number of person", change.new, except: record.personID)
            try person("a_number")
            try detainer("a_number", change.new)
        case .fbiNumber: try person("fbi_number")
        case .countryOfBirth: try person("country_of_birth")
        case .agency, .booking:
            let agency = change.field == .agency ? change.new : record.values[.agency]
            let booking = change.field == .booking ? change.new : record.values[.booking]
            if let booking, let other = try db.scalarInt("SELECT id FROM custody_cases WHERE agency = ? AND booking_number = ? AND id <> ?",
                                                           agency, booking, record.caseID) {
                throw InputError(field: change.field.path, "\(agency ?? "") booking \(booking) is already custody case \(other)")
            }
            try custody(change.field == .agency ? "agency" : "booking_number")
            if change.field == .agency { try detainer("agency", change.new) }
        case .facility:
            try custody("facility")
            try detainer("facility", change.new)
        case .arrestDate: try custody("arrest_date")
        case .scheduledReleaseAt: try custody("scheduled_release_at")
        case .form: try detainer("form", change.new)
        case .iceSubjectId: try detainer("ice_subject_id", change.new)
        case .eventNumber: try detainer("event_number", change.new)
        case .issuingOffice: try detainer("issuing_office", change.new)
        case .preparedOn: try detainer("prepared_on", change.new)
        case .receivedAt:
            let at = change.new.flatMap(UTCInstant.init(parsing:))
            try detainer("received_at", change.new)
            try detainer("received_on", at?.newYorkDate.description)
        case .probableCause:
            let boxes = Set((change.new ?? "").split(separator: ",").compactMap { ProbableCause(rawValue: String($0)) })
            try DetainerRecord.update(id: detainerID, set: ["pc_final_order": boxes.contains(.finalOrder),
                                                            "pc_removal_proceedings": boxes.contains(.removalProceedings),
                                                            "pc_biometric_match": boxes.contains(.biometricMatch),
                                                            "pc_statements": boxes.contains(.statements)], in: context)
        case .warrantType: try detainer("warrant_type", change.new)
        case .warrantIssuer: try detainer("warrant_issuer", change.new)
        case .warrantDate: try detainer("warrant_date", change.new)
        case .tsdbMatch: try detainer("tsdb_match", change.new.map { $0 == "yes" })
        case .illegalReentry: try detainer("illegal_reentry", change.new.map { $0 == "yes" })
        }
    }
}
