import DetainerDomain

/// What a pseudonymised export keeps of each column (issue 13 §7; the README lists it). Names
/// and identifiers become keyed tokens; free text that can name a place or person is tokenised;
/// instants become their New York date; dates tied to one person's life or custody become the
/// month, a date of birth the year. Enumerations, outcomes, reasons and counts are kept: they
/// are what the analysis needs and name nobody.
enum PseudonymPolicy {
    enum Treatment: Equatable { case keep, token, date, month, year }

    static let treatments: [String: Treatment] = [
        "detainer_id": .token, "ice_subject_id": .token, "event_number": .token, "a_number": .token,
        "issuing_office": .token, "facility": .token, "prepared_on": .month, "received_at": .date,
        "warrant_issuer": .token, "warrant_date": .month, "status_at": .date, "hold_deadline": .date,
        "decided_at": .date, "ice_person_ref": .token, "ice_msc_conviction_on": .month,
        "person_id": .token, "person_name": .token, "person_date_of_birth": .year, "person_nysid": .token,
        "person_a_number": .token, "person_fbi_number": .token, "custody_case_id": .token,
        "case_booking_number": .token, "case_facility": .token, "case_arrest_date": .month,
        "case_scheduled_release_at": .month, "case_released_at": .month,
    ]

    /// Columns kept as they are (README: "every other column"). A column in neither list — one
    /// added to a record's export without a decision here — is tokenised: the safe direction
    /// (`ExportContractTests` asks for the decision).
    static let kept: Set<String> = [
        "agency", "form", "facility_city", "facility_state", "received_on", "pc_final_order", "pc_removal_proceedings",
        "pc_biometric_match", "pc_statements", "warrant_type", "tsdb_match", "illegal_reentry", "status", "outcome",
        "rule_version", "reasons", "decision", "decision_basis", "decided_on", "closed_on", "released_after_deadline",
        "ice_lift_reason", "ice_msc_charge", "person_country_of_birth", "case_agency", "ended_after_deadline", "training",
    ]

    static func treatment(_ column: String) -> Treatment { treatments[column] ?? (kept.contains(column) ? .keep : .token) }

    /// A stored date or instant, coarsened. Instants are read as New York dates first.
    static func coarsen(_ text: String, to treatment: Treatment) -> String {
        let date = UTCInstant(parsing: text).map { NewYorkTime.localDate(at: $0).description } ?? text
        switch treatment {
        case .date: return String(date.prefix(10))
        case .month: return String(date.prefix(7))
        case .year: return String(date.prefix(4))
        case .keep, .token: return text
        }
    }
}
