import DetainerDomain
import SQLite

public struct HistoryChange: Sendable {
    public let recordID: Int64
    public let personID: Int64
    public let statute: Statute
    /// New evaluations of the person's open detainers, recorded in the same transaction.
    public let reevaluations: [StoredEvaluation]
}

extension HistoryService {
    /// Validates a conviction with the law engine's rules, as of today (New York).
    func validatedConviction(_ entry: ConvictionEntry, today: CivilDate) throws -> ConvictionFacts {
        var issues: [ValidationIssue] = []
        let facts = entry.input.validated(path: "conviction", evaluatedOn: today, issues: &issues)
        var v = FieldValidator()
        _ = v.text(entry.court, "conviction.court", maxLength: FieldLimits.facility)
        _ = v.code(entry.docketNumber, "conviction.docketNumber", maxLength: 40, punctuation: "-/. ")
        issues += v.errors
        // A statute given must say something: an empty one would replace the stored statute with nothing.
        if let raw = entry.input.statute, raw.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            issues.append(ValidationIssue(path: "conviction.statute", message: raw.isEmpty ? "is empty" : "is only whitespace"))
        }
        if let raw = entry.input.statute, raw.unicodeScalars.count > 100 {
            issues.append(ValidationIssue(path: "conviction.statute", message: "is \(raw.unicodeScalars.count) characters; the limit is 100"))
        }
        guard issues.isEmpty, let facts else { throw InputErrors(issues) }
        return facts
    }

    public func addConviction(personID: Int64, _ entry: ConvictionEntry, by actor: Actor) throws -> HistoryChange {
        let facts = try validatedConviction(entry, today: clock.now().newYorkDate)
        return try audited(actor: actor, action: "conviction.add", entity: "conviction") { context in
            guard try context.db.scalarInt("SELECT id FROM persons WHERE id = ?", personID) != nil else {
                throw NotFound(entity: "person", key: String(personID))
            }
            guard entry.input.statute != nil else { throw InputError(field: "conviction.statute", "is required") }
            let id = try insertConviction(personID: personID, entry, facts: facts, in: context)
            context.entityID = id
            let evaluations = try reevaluateOpenDetainers(personID: personID, trigger: .conviction, in: context)
            context.details = ["personID": .int(personID), "statute": .optional(entry.input.statute),
                               "reevaluated": .array(evaluations.map { .int($0.detainerID) })]
            return HistoryChange(recordID: id, personID: personID, statute: facts.statute, reevaluations: evaluations)
        }
    }

    /// Writes one validated conviction row (shared by `conviction add` and intake).
    func insertConviction(personID: Int64, _ entry: ConvictionEntry, facts: ConvictionFacts, in context: WriteContext) throws -> Int64 {
        let i = entry.input
        var row = ConvictionRecord()
        row.personID = personID
        row.statuteRaw = i.statute ?? ""
        row.statuteKind = facts.statute.kind
        row.statuteNormalized = facts.statute.description
        row.objectStatute = i.objectStatute
        row.convictedOn = facts.convictedOn
        row.felonyClass = facts.level?.label
        row.jurisdiction = facts.jurisdiction
        row.nyEquivalent = i.nyEquivalent
        row.termOverOneYear = facts.authorizedTermOverOneYear
        row.youthfulOffender = facts.youthfulOffender
        row.juvenileDelinquent = facts.juvenileDelinquent
        row.hateCrime = facts.hateCrime
        row.sealed = facts.sealed
        row.vacated = facts.vacated
        row.incarceratedDays = facts.incarceratedDaysForThisCrime.map(Int64.init)
        row.court = entry.court
        row.docketNumber = entry.docketNumber
        row.createdAt = context.now
        row.createdBy = try context.actorID
        row.sentencedOn = facts.sentencedOn
        row.awaitingSentence = facts.awaitingSentence
        return try context.insert(&row)
    }

    /// Writes one pending charge row (shared by `charge add` and intake).
    func insertPendingCharge(personID: Int64, statuteRaw: String, statute: Statute, chargedOn: CivilDate?, custodyCaseID: Int64?,
                             in context: WriteContext) throws -> Int64 {
        var row = PendingChargeRecord()
        row.personID = personID
        row.custodyCaseID = custodyCaseID
        row.statuteRaw = statuteRaw
        row.statuteKind = statute.kind
        row.statuteNormalized = statute.description
        row.chargedOn = chargedOn
        row.source = .intake
        row.createdAt = context.now
        row.createdBy = try context.actorID
        return try context.insert(&row)
    }

    /// Corrects a conviction: fields given in `changes` replace the stored ones; the rest stay.
    public func updateConviction(id: Int64, changes: ConvictionEntry, by actor: Actor) throws -> HistoryChange {
        // What was given is checked as given, even where the merge below keeps the stored value:
        // a malformed value is refused, never dropped in favour of what is on record.
        var given: [ValidationIssue] = []
        for (key, text) in [("convictedOn", changes.input.convictedOn), ("sentencedOn", changes.input.sentencedOn)] {
            if let text, CivilDate(parsing: text) == nil {
                given.append(ValidationIssue(path: "conviction." + key, message: "not a valid date \"\(text)\" (expected YYYY-MM-DD)"))
            }
        }
        if let days = changes.input.incarceratedDaysForThisCrime, !(0...EvaluationRequest.maximumIncarceratedDays).contains(days) {
            given.append(ValidationIssue(path: "conviction.incarceratedDaysForThisCrime",
                                         message: "\(days) is not a number of days from 0 to \(EvaluationRequest.maximumIncarceratedDays)"))
        }
        if !given.isEmpty { throw InputErrors(given) }
        let current = try storedConviction(id: id)
        var merged = current
        let c = changes.input
        let keep = current.input
        func fact<T>(_ name: String, _ new: T?, _ old: T?) -> T? { changes.givenFacts.contains(name) ? new : old }
        merged.input = ConvictionInput(
            statute: c.statute ?? keep.statute, objectStatute: c.objectStatute ?? keep.objectStatute,
            convictedOn: c.convictedOn ?? keep.convictedOn,
            sentencedOn: fact("sentencedOn", c.sentencedOn, keep.sentencedOn),
            awaitingSentence: fact("awaitingSentence", c.awaitingSentence, keep.awaitingSentence),
            felonyClass: c.felonyClass ?? keep.felonyClass,
            jurisdiction: changes.givenFacts.contains("jurisdiction") ? c.jurisdiction : keep.jurisdiction,
            jurisdictionUnknown: changes.givenFacts.contains("jurisdiction") ? c.jurisdictionUnknown : keep.jurisdictionUnknown,
            nyEquivalent: c.nyEquivalent ?? keep.nyEquivalent,
            authorizedTermOverOneYear: fact("authorizedTermOverOneYear", c.authorizedTermOverOneYear, keep.authorizedTermOverOneYear),
            youthfulOffender: fact("youthfulOffender", c.youthfulOffender, keep.youthfulOffender),
            juvenileDelinquent: fact("juvenileDelinquent", c.juvenileDelinquent, keep.juvenileDelinquent),
            hateCrime: fact("hateCrime", c.hateCrime, keep.hateCrime), sealed: fact("sealed", c.sealed, keep.sealed),
            vacated: fact("vacated", c.vacated, keep.vacated),
            incarceratedDaysForThisCrime: fact("incarceratedDaysForThisCrime", c.incarceratedDaysForThisCrime,
                                               keep.incarceratedDaysForThisCrime))
        // A sentence recorded now ends "awaiting sentence" unless the clerk says otherwise.
        if changes.givenFacts.contains("sentencedOn"), c.sentencedOn != nil, !changes.givenFacts.contains("awaitingSentence") {
            merged.input.awaitingSentence = false
        }
        merged.court = changes.court ?? current.court
        merged.docketNumber = changes.docketNumber ?? current.docketNumber
        if merged.input.jurisdiction == Jurisdiction.newYork.rawValue || (merged.input.jurisdiction == nil && !merged.input.jurisdictionUnknown) {
            merged.input.nyEquivalent = nil
            merged.input.authorizedTermOverOneYear = nil
        }
        let facts = try validatedConviction(merged.entry, today: clock.now().newYorkDate)
        // An update that changes nothing would only add a re-evaluation and an audit row saying so.
        if merged.input == current.input && merged.court == current.court && merged.docketNumber == current.docketNumber {
            throw InputError(field: "update", "nothing changes: every value given is already recorded for conviction \(id)")
        }
        return try audited(actor: actor, action: "conviction.update", entity: "conviction") { context in
            let i = merged.input
            try ConvictionRecord.update(id: id, set: [
                "statute_raw": i.statute, "statute_kind": facts.statute.kind.rawValue, "statute_normalized": facts.statute.description,
                "object_statute": i.objectStatute, "convicted_on": facts.convictedOn?.description, "felony_class": facts.level?.label,
                "jurisdiction": facts.jurisdiction?.rawValue, "ny_equivalent": i.nyEquivalent,
                "term_over_one_year": facts.authorizedTermOverOneYear, "youthful_offender": facts.youthfulOffender,
                "juvenile_delinquent": facts.juvenileDelinquent, "hate_crime": facts.hateCrime, "sealed": facts.sealed,
                "vacated": facts.vacated, "incarcerated_days": facts.incarceratedDaysForThisCrime, "court": merged.court,
                "docket_number": merged.docketNumber, "sentenced_on": facts.sentencedOn?.description,
                "awaiting_sentence": facts.awaitingSentence,
            ], in: context)
            context.entityID = id
            let evaluations = try reevaluateOpenDetainers(personID: current.personID, trigger: .conviction, in: context)
            context.details = ["personID": .int(current.personID), "before": current.json, "after": merged.json,
                               "reevaluated": .array(evaluations.map { .int($0.detainerID) })]
            return HistoryChange(recordID: id, personID: current.personID, statute: facts.statute, reevaluations: evaluations)
        }
    }

    struct StoredConviction {
        var personID: Int64
        var input: ConvictionInput
        var court: String?
        var docketNumber: String?

        var entry: ConvictionEntry { ConvictionEntry(input: input, court: court, docketNumber: docketNumber) }

        var json: JSONValue {
            ["statute": .optional(input.statute), "convictedOn": .optional(input.convictedOn), "felonyClass": .optional(input.felonyClass),
             "sentencedOn": .optional(input.sentencedOn), "awaitingSentence": .optional(input.awaitingSentence),
             "jurisdiction": .optional(input.jurisdiction), "nyEquivalent": .optional(input.nyEquivalent),
             "youthfulOffender": .optional(input.youthfulOffender), "juvenileDelinquent": .optional(input.juvenileDelinquent),
             "hateCrime": .optional(input.hateCrime), "sealed": .optional(input.sealed), "vacated": .optional(input.vacated),
             "incarceratedDays": .optional(input.incarceratedDaysForThisCrime.map(Int64.init))]
        }
    }

    func storedConviction(id: Int64) throws -> StoredConviction {
        let statement = try connection.prepare("""
            SELECT person_id, statute_raw, object_statute, convicted_on, felony_class, jurisdiction, ny_equivalent, term_over_one_year,
                   youthful_offender, juvenile_delinquent, hate_crime, sealed, vacated, incarcerated_days, court, docket_number,
                   sentenced_on, awaiting_sentence
            FROM convictions WHERE id = ?
            """)
        try statement.bind(id, at: 1)
        guard let stored = try statement.first({ r in
            StoredConviction(
                personID: r.int64(0),
                input: ConvictionInput(statute: r.string(1), objectStatute: r.string(2), convictedOn: r.string(3),
                                       sentencedOn: r.string(16), awaitingSentence: r.optionalBool(17), felonyClass: r.string(4),
                                       jurisdiction: r.string(5), jurisdictionUnknown: r.string(5) == nil,
                                       nyEquivalent: r.string(6), authorizedTermOverOneYear: r.optionalBool(7),
                                       youthfulOffender: r.optionalBool(8), juvenileDelinquent: r.optionalBool(9),
                                       hateCrime: r.optionalBool(10), sealed: r.optionalBool(11), vacated: r.optionalBool(12),
                                       incarceratedDaysForThisCrime: r.optionalInt64(13).map(Int.init)),
                court: r.string(14), docketNumber: r.string(15))
        }) else { throw NotFound(entity: "conviction", key: String(id)) }
        return stored
    }

    /// Records a pending charge. Pending charges never make a detainer honorable under the 2014
    /// law; they are kept so the record is complete and the engine can say so.
    public func addPendingCharge(personID: Int64, statute raw: String, chargedOn: CivilDate?, custodyCaseID: Int64?,
                                 by actor: Actor) throws -> HistoryChange {
        var v = FieldValidator()
        let text = v.text(raw, "statute", maxLength: 100, required: true)
        if let chargedOn { v.pastDate(chargedOn, "charged-on", today: clock.now().newYorkDate) }
        try v.finish()
        let statute = StatuteParser.parse(text!)
        return try audited(actor: actor, action: "charge.add", entity: "pending_charge") { context in
            guard try context.db.scalarInt("SELECT id FROM persons WHERE id = ?", personID) != nil else {
                throw NotFound(entity: "person", key: String(personID))
            }
            if let custodyCaseID {
                guard try context.db.scalarInt("SELECT person_id FROM custody_cases WHERE id = ?", custodyCaseID) == personID else {
                    throw InputError(field: "case", "custody case \(custodyCaseID) is not one of person \(personID)'s")
                }
            }
            let id = try insertPendingCharge(personID: personID, statuteRaw: text ?? "", statute: statute, chargedOn: chargedOn,
                                             custodyCaseID: custodyCaseID, in: context)
            context.entityID = id
            let evaluations = try reevaluateOpenDetainers(personID: personID, trigger: .charge, in: context)
            context.details = ["personID": .int(personID), "statute": .string(text!),
                               "reevaluated": .array(evaluations.map { .int($0.detainerID) })]
            return HistoryChange(recordID: id, personID: personID, statute: statute, reevaluations: evaluations)
        }
    }
}
