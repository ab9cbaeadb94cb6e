@testable import DetainerDomain

/// One row of the evaluation table: the provision it exercises, the input and what must come out.
struct EvaluationCase: Sendable, CustomStringConvertible {
    let provision: String
    let title: String
    let request: EvaluationRequest
    let outcome: Outcome
    let reasons: [ReasonCode]
    var holdDeadline: String? = nil

    var description: String { "\(provision) — \(title)" }
}

/// A request with the table's defaults: DOC, judicial warrant, no TSDB match, evaluated
/// 2021-06-01 for an arrest on 2021-05-20.
func request(
    _ convictions: [ConvictionInput] = [], agency: String = "DOC", warrant: String = "judicial", tsdb: Bool? = false,
    reentry: Bool? = nil, evaluatedOn: String? = "2021-06-01", arrest: String = "2021-05-20", receivedOn: String? = nil,
    pending: [String] = [], releaseAt: String? = nil, warrantUnknown: Bool = false, warrantPresentedAt: String? = nil
) -> EvaluationRequest {
    EvaluationRequest(
        agency: agency, evaluatedOn: evaluatedOn, instantArrestDate: arrest, releaseAt: releaseAt,
        detainer: DetainerInput(
            receivedOn: receivedOn, warrant: warrantUnknown ? nil : warrant, warrantUnknown: warrantUnknown,
            terroristScreeningMatch: tsdb, illegalReentryAfterRemoval: reentry, warrantPresentedAt: warrantPresentedAt),
        convictions: convictions, pendingCharges: pending.map { PendingChargeInput(statute: $0) })
}

/// A conviction with the JSON contract's "absent" defaults (facts false, 0 days). `sentenced`
/// defaults to the plea date: the cases that are not about sentencing (CPL 1.20(15), law
/// reference §12.12) keep their intent with a sentence imposed the same day. Pass `.some(nil)`
/// for "sentence not known", and `yo: .some(nil)` etc. for an explicit null.
func conviction(
    _ statute: String, _ convictedOn: String? = "2018-03-02", sentenced: String?? = .none, awaiting: Bool?? = .none,
    cls: String? = nil, jurisdiction: String? = nil, equivalent: String? = nil, overOneYear: Bool? = nil,
    object: String? = nil, yo: Bool?? = .none, jd: Bool?? = .none, hate: Bool?? = .none, sealed: Bool?? = .none,
    vacated: Bool?? = .none, days: Int?? = .none
) -> ConvictionInput {
    ConvictionInput(
        statute: statute, objectStatute: object, convictedOn: convictedOn, sentencedOn: sentenced ?? convictedOn,
        awaitingSentence: awaiting ?? false, felonyClass: cls, jurisdiction: jurisdiction,
        nyEquivalent: equivalent, authorizedTermOverOneYear: overOneYear, youthfulOffender: yo ?? false,
        juvenileDelinquent: jd ?? false, hateCrime: hate ?? false, sealed: sealed ?? false, vacated: vacated ?? false,
        incarceratedDaysForThisCrime: days ?? 0)
}
