import DetainerDomain
import Foundation
import SQLite

/// Runs the law engine on a stored detainer and records the result. Every run is a new
/// `evaluations` row; the detainer points at the latest.
extension DetainerDatabase {
    public enum EvaluationTrigger: String, Sendable {
        case intake, conviction, charge, detainer, manual
    }

    /// The engine input for a stored detainer, exactly as it will be stored in `input_json`.
    /// The evaluation date is the day of the evaluation (New York), capped below by the day
    /// the detainer arrived: the law applied is the law in force when the decision is made.
    func evaluationInput(detainerID: Int64, on evaluatedOn: CivilDate) throws -> JSONValue {
        let db = connection
        let detainer = try db.prepare("""
            SELECT d.agency, d.received_on, d.warrant_type, d.tsdb_match, d.illegal_reentry,
                   c.arrest_date, c.scheduled_release_at, d.person_id
            FROM detainers AS d JOIN custody_cases AS c ON c.id = d.custody_case_id
            WHERE d.id = ?
            """)
        try detainer.bind(detainerID, at: 1)
        guard let row = try detainer.first({ row -> (JSONValue, Int64) in
            var input: [String: JSONValue] = [
                "agency": .optional(row.string(0)),
                "evaluatedOn": .string(max(evaluatedOn, CivilDate(parsing: row.string(1) ?? "") ?? evaluatedOn).description),
                "instantArrestDate": .optional(row.string(5)),
                "detainer": [
                    "receivedOn": .optional(row.string(1)),
                    "warrant": .optional(row.string(2)),
                    "terroristScreeningMatch": .optional(row.optionalBool(3)),
                    "illegalReentryAfterRemoval": .optional(row.optionalBool(4)),
                ],
            ]
            if let release = row.string(6) { input["releaseAt"] = .string(release) }
            return (.object(input), row.int64(7))
        }) else { throw NotFound(entity: "detainer", key: String(detainerID)) }
        guard case .object(var input) = row.0 else { fatalError("unreachable") }

        let convictions = try db.prepare("""
            SELECT statute_raw, object_statute, convicted_on, felony_class, jurisdiction, ny_equivalent, term_over_one_year,
                   youthful_offender, juvenile_delinquent, hate_crime, sealed, vacated, incarcerated_days,
                   sentenced_on, awaiting_sentence
            FROM convictions WHERE person_id = ? ORDER BY id
            """)
        try convictions.bind(row.1, at: 1)
        input["convictions"] = .array(try convictions.map { c in
            // Every fact is written out, NULL as null: "not known", never the contract's absent = false.
            var item: [String: JSONValue] = [
                "statute": .optional(c.string(0)),
                "jurisdiction": .optional(c.string(4)),
                "youthfulOffender": .optional(c.optionalBool(7)),
                "juvenileDelinquent": .optional(c.optionalBool(8)),
                "hateCrime": .optional(c.optionalBool(9)),
                "sealed": .optional(c.optionalBool(10)),
                "vacated": .optional(c.optionalBool(11)),
                "incarceratedDaysForThisCrime": .optional(c.optionalInt64(12)),
                "awaitingSentence": .optional(c.optionalBool(14)),
            ]
            if let value = c.string(13) { item["sentencedOn"] = .string(value) }
            if let value = c.string(1) { item["objectStatute"] = .string(value) }
            if let value = c.string(2) { item["convictedOn"] = .string(value) }
            if let value = c.string(3) { item["felonyClass"] = .string(value) }
            if let value = c.string(5) { item["nyEquivalent"] = .string(value) }
            if let value = c.optionalBool(6) { item["authorizedTermOverOneYear"] = .bool(value) }
            return .object(item)
        })
        let charges = try db.prepare("SELECT statute_raw FROM pending_charges WHERE person_id = ? ORDER BY id")
        try charges.bind(row.1, at: 1)
        input["pendingCharges"] = .array(try charges.map { ["statute": .optional($0.string(0))] })
        return .object(input)
    }

    /// Evaluates the detainer now and records the evaluation; returns the stored record.
    @discardableResult
    func recordEvaluation(detainerID: Int64, trigger: EvaluationTrigger, in context: WriteContext) throws -> StoredEvaluation {
        let input = try evaluationInput(detainerID: detainerID, on: context.now.newYorkDate)
        let inputText = input.prettySerialized
        let result = try LawEngine.evaluate(json: Data(inputText.utf8))
        let db = context.db
        let sequence = (try db.scalarInt("SELECT max(sequence) FROM evaluations WHERE detainer_id = ?", detainerID) ?? 0) + 1
        let reasons = JSONValue.array(result.report.reasons.map { .string($0.code) }).serialized
        try db.run("""
            INSERT INTO evaluations (detainer_id, sequence, evaluated_at, evaluated_on, rule_version, outcome, reasons,
                                     input_json, result_json, trigger, actor_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, detainerID, sequence, context.now.iso8601, result.report.evaluatedOn.description, result.report.ruleVersion,
                   result.report.outcome.rawValue, reasons, inputText, result.json, trigger.rawValue, context.actor.id)
        let evaluationID = db.lastInsertRowID
        context.touch("evaluations", evaluationID)

        let deadline = HoldDeadline.forEvaluation(outcome: result.report.outcome, warrantlessDeadline: result.report.holdDeadline,
                                                  scheduledRelease: result.facts.releaseAt)
        try db.run("UPDATE detainers SET evaluation_id = ?, outcome = ?, rule_version = ?, reasons = ?, hold_deadline = ? WHERE id = ?",
                   evaluationID, result.report.outcome.rawValue, result.report.ruleVersion, reasons, deadline?.iso8601, detainerID)
        context.touch("detainers", detainerID)
        return StoredEvaluation(id: evaluationID, detainerID: detainerID, sequence: Int(sequence), report: result.report,
                                resultJSON: result.json, inputJSON: inputText, holdDeadline: deadline)
    }

    /// Re-evaluates every open detainer of a person (after a conviction or charge changed).
    func reevaluateOpenDetainers(personID: Int64, trigger: EvaluationTrigger, in context: WriteContext) throws -> [StoredEvaluation] {
        let ids = try context.db.prepare("""
            SELECT id FROM detainers WHERE person_id = ? AND status IN (\(DetainerStatus.open.map { _ in "?" }.joined(separator: ", "))) ORDER BY id
            """)
        try ids.bind([personID] + DetainerStatus.open.map { $0.rawValue as (any SQLiteBindable)? })
        return try ids.map { $0.int64(0) }.map { try recordEvaluation(detainerID: $0, trigger: trigger, in: context) }
    }

}

extension ReviewService {
    /// `detainer evaluate ID`: a new evaluation of a stored detainer, recorded and audited.
    public func reevaluate(detainerID: Int64, by actor: Actor) throws -> StoredEvaluation {
        try audited(actor: actor, action: "detainer.evaluate", entity: "detainer") { context in
            context.entityID = detainerID
            let stored = try recordEvaluation(detainerID: detainerID, trigger: .manual, in: context)
            context.details = ["evaluationID": .int(stored.id), "outcome": .string(stored.report.outcome.rawValue)]
            return stored
        }
    }
}

/// One recorded evaluation.
public struct StoredEvaluation: Sendable {
    public let id: Int64
    public let detainerID: Int64
    public let sequence: Int
    public let report: EvaluationReport
    public let resultJSON: String
    public let inputJSON: String
    public let holdDeadline: UTCInstant?
}
