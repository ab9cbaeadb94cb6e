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

    static func treatment(_ column: String) -> Treatment { treatments[column] ?? .keep }

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
