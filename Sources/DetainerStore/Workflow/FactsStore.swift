import DetainerDomain
import SQLite

/// Facts that arrive or are corrected after intake: the terrorist-screening search result (the
/// law has it run "at or about the time" of release), ICE's assertion of illegal re-entry, the
/// instant arrest date and the scheduled release of the custody case. Each change re-evaluates.
public struct FactsUpdate: Sendable {
    /// `.some(nil)` sets the fact back to unknown.
    public var terroristScreeningMatch: Bool??
    public var illegalReentryAfterRemoval: Bool??
    public var arrestDate: CivilDate?
    public var scheduledReleaseAt: UTCInstant?
    public var note: String?

    public init(terroristScreeningMatch: Bool?? = nil, illegalReentryAfterRemoval: Bool?? = nil, arrestDate: CivilDate? = nil,
                scheduledReleaseAt: UTCInstant? = nil, note: String? = nil) {
        self.terroristScreeningMatch = terroristScreeningMatch
        self.illegalReentryAfterRemoval = illegalReentryAfterRemoval
        self.arrestDate = arrestDate
        self.scheduledReleaseAt = scheduledReleaseAt
        self.note = note
    }

    public var isEmpty: Bool {
        terroristScreeningMatch == nil && illegalReentryAfterRemoval == nil && arrestDate == nil && scheduledReleaseAt == nil
    }
}

extension DetainerDatabase {
    public func updateFacts(detainerID: Int64, _ update: FactsUpdate, by actor: Actor) throws -> StoredEvaluation {
        var v = FieldValidator()
        let note = v.text(update.note, "note", maxLength: FieldLimits.note, allowNewlines: true)
        if update.isEmpty { v.fail("facts", "nothing to change: give --tsdb-match, --illegal-reentry, --arrest-date or --release-at") }
        if let arrest = update.arrestDate { v.pastDate(arrest, "arrest-date", today: clock.now().newYorkDate) }
        try v.finish()
        return try audited(actor: actor, action: "detainer.facts", entity: "detainer") { context in
            context.entityID = detainerID
            let db = context.db
            let current = try currentStatus(of: detainerID, in: db)
            guard current.status.isOpen else {
                throw InputError(field: "id", "detainer \(detainerID) is \(current.status.rawValue); facts of a closed detainer are not changed (mark it enteredInError and log it again if it was wrong)")
            }
            let before = try db.prepare("""
                SELECT d.tsdb_match, d.illegal_reentry, c.arrest_date, c.scheduled_release_at, c.id
                FROM detainers AS d JOIN custody_cases AS c ON c.id = d.custody_case_id WHERE d.id = ?
                """).bindingFirst(detainerID).first { ($0.optionalBool(0), $0.optionalBool(1), $0.string(2), $0.string(3), $0.int64(4)) }
            guard let before else { throw InputError(field: "id", "detainer \(detainerID) has no custody case (an imported record)") }
            // Issue 13 §4: a detainer follows an arrest; a later correction cannot reverse that.
            if let arrest = update.arrestDate, arrest > current.receivedAt.newYorkDate {
                throw InputError(field: "arrest-date", "\(arrest) is after the detainer was received (\(current.receivedAt.newYorkDate))")
            }
            if let tsdb = update.terroristScreeningMatch {
                try db.run("UPDATE detainers SET tsdb_match = ? WHERE id = ?", tsdb, detainerID)
            }
            if let reentry = update.illegalReentryAfterRemoval {
                try db.run("UPDATE detainers SET illegal_reentry = ? WHERE id = ?", reentry, detainerID)
            }
            if update.arrestDate != nil || update.scheduledReleaseAt != nil {
                let arrest = update.arrestDate?.description ?? before.2
                let release = update.scheduledReleaseAt?.iso8601 ?? before.3
                if let arrest, let release, let day = UTCInstant(parsing: release)?.newYorkDate, day.description < arrest {
                    throw InputError(field: "release-at", "release \(release) is before the arrest date \(arrest)")
                }
                try db.run("UPDATE custody_cases SET arrest_date = ?, scheduled_release_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arrest, release, context.now.iso8601, context.actor.id, before.4)
                context.touch("custody_cases", before.4)
            }
            context.touch("detainers", detainerID)
            let evaluation = try recordEvaluation(detainerID: detainerID, trigger: .detainer, in: context)
            func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }
            context.details = [
                "before": ["tsdbMatch": bool(before.0), "illegalReentry": bool(before.1), "arrestDate": .optional(before.2),
                           "scheduledReleaseAt": .optional(before.3)],
                "note": .optional(note), "outcome": .string(evaluation.report.outcome.rawValue),
            ]
            return evaluation
        }
    }
}
