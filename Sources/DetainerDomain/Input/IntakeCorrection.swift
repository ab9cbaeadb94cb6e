/// Corrections of a logged intake: which fields a clerk may correct, how a correction is
/// validated (by the very rules of intake, applied to the whole corrected record), and what
/// changed. Pure: the store supplies the stored values and writes the changes.
public enum IntakeField: String, Sendable, Hashable, CaseIterable, Codable {
    case name, dateOfBirth, nysid, aNumber, fbiNumber, countryOfBirth
    case agency, booking, facility, arrestDate, scheduledReleaseAt
    case form, iceSubjectId, eventNumber, issuingOffice, preparedOn, receivedAt, probableCause
    case warrantType, warrantIssuer, warrantDate, tsdbMatch, illegalReentry

    /// Facts the law engine reads (`evaluationInput`). A closed detainer's decision rested on them,
    /// so they are not rewritten once it is closed; identity and paperwork fields may still be.
    public var feedsTheLaw: Bool {
        switch self {
        case .agency, .arrestDate, .scheduledReleaseAt, .receivedAt, .warrantType, .tsdbMatch, .illegalReentry: true
        default: false
        }
    }

    /// The field's path in the intake's one field table (`IntakeRequest.fields`): errors name it
    /// by this path, and each front end shows it as its own name (`detainer update`'s option).
    public var path: String {
        switch self {
        case .name, .dateOfBirth, .nysid, .aNumber, .fbiNumber, .countryOfBirth: "person." + rawValue
        case .agency, .facility, .arrestDate, .scheduledReleaseAt: "custody." + rawValue
        case .booking: "custody.bookingNumber"
        case .form, .iceSubjectId, .eventNumber, .issuingOffice, .preparedOn, .receivedAt, .probableCause: "detainer." + rawValue
        case .warrantType: "detainer.warrant.type"
        case .warrantIssuer: "detainer.warrant.issuer"
        case .warrantDate: "detainer.warrant.date"
        case .tsdbMatch: "detainer.terroristScreeningMatch"
        case .illegalReentry: "detainer.illegalReentryAfterRemoval"
        }
    }
}

/// One corrected field: its stored value before and after (canonical text; nil = not recorded).
public struct FieldChange: Sendable, Hashable {
    public let field: IntakeField
    public let old: String?
    public let new: String?

    public init(field: IntakeField, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

public enum IntakeCorrection {
    /// `stored` holds the record's current values as canonical text (as `canonicalValues` writes
    /// them); `requested` the values asked for (`""`, or `unknown` for the yes/no facts, clears a
    /// field). Returns the validated corrected intake and the fields whose value really changes,
    /// in `IntakeField` order; every rule of intake applies to the corrected whole (a judicial
    /// warrant still needs its issuer, a release cannot precede the arrest, …).
    public static func apply(stored: [IntakeField: String], requested: [IntakeField: String],
                             now: UTCInstant) throws -> (intake: Intake, changes: [FieldChange]) {
        var values = stored
        var v = FieldValidator()
        for (field, raw) in requested {
            switch field {
            case .tsdbMatch, .illegalReentry:
                switch raw.lowercased() {
                case "yes", "true": values[field] = "yes"
                case "no", "false": values[field] = "no"
                case "unknown", "": values[field] = nil
                default: v.fail(field.path, "\"\(raw)\" is not one of yes, no, unknown")
                }
            default:
                values[field] = raw.isEmpty ? nil : raw
            }
        }
        try v.finish()
        let intake = try request(from: values).validated(now: now)
        let after = canonicalValues(of: intake)
        let changes = IntakeField.allCases.compactMap { field -> FieldChange? in
            guard requested[field] != nil || stored[field] != after[field] else { return nil }
            return stored[field] == after[field] ? nil : FieldChange(field: field, old: stored[field], new: after[field])
        }
        return (intake, changes)
    }

    /// The wire form of a record given as field values, so that intake's validation applies.
    public static func request(from values: [IntakeField: String]) -> IntakeRequest {
        func flag(_ field: IntakeField) -> Bool? { values[field].map { $0 == "yes" } }
        let hasWarrant = values[.warrantType] != nil || values[.warrantIssuer] != nil || values[.warrantDate] != nil
        return IntakeRequest(
            person: .init(name: values[.name], dateOfBirth: values[.dateOfBirth], nysid: values[.nysid], aNumber: values[.aNumber],
                          fbiNumber: values[.fbiNumber], countryOfBirth: values[.countryOfBirth]),
            custody: .init(agency: values[.agency], bookingNumber: values[.booking], facility: values[.facility],
                           arrestDate: values[.arrestDate], scheduledReleaseAt: values[.scheduledReleaseAt]),
            detainer: .init(form: values[.form], iceSubjectId: values[.iceSubjectId], eventNumber: values[.eventNumber],
                            issuingOffice: values[.issuingOffice], preparedOn: values[.preparedOn], receivedAt: values[.receivedAt],
                            probableCause: values[.probableCause].map { $0.split(separator: ",").map { String($0).trimmed } },
                            warrant: hasWarrant ? .init(type: values[.warrantType], issuer: values[.warrantIssuer], date: values[.warrantDate]) : nil,
                            terroristScreeningMatch: flag(.tsdbMatch), illegalReentryAfterRemoval: flag(.illegalReentry)))
    }

    /// A validated intake as field values, in the spelling the store keeps them.
    public static func canonicalValues(of intake: Intake) -> [IntakeField: String] {
        let p = intake.person, c = intake.custody, d = intake.detainer
        let pairs: [(IntakeField, String?)] = [
            (.name, p.name), (.dateOfBirth, p.dateOfBirth?.description), (.nysid, p.nysid), (.aNumber, p.aNumber),
            (.fbiNumber, p.fbiNumber), (.countryOfBirth, p.countryOfBirth),
            (.agency, c.agency.rawValue), (.booking, c.bookingNumber), (.facility, c.facility),
            (.arrestDate, c.arrestDate?.description), (.scheduledReleaseAt, c.scheduledReleaseAt.map(storedText)),
            (.form, d.form.rawValue), (.iceSubjectId, d.iceSubjectID), (.eventNumber, d.eventNumber),
            (.issuingOffice, d.issuingOffice), (.preparedOn, d.preparedOn?.description), (.receivedAt, storedText(d.receivedAt)),
            (.probableCause, probableCauseText(d.probableCause)),
            (.warrantType, d.warrant.rawValue), (.warrantIssuer, d.warrantIssuer), (.warrantDate, d.warrantDate?.description),
            (.tsdbMatch, d.terroristScreeningMatch.map { $0 ? "yes" : "no" }),
            (.illegalReentry, d.illegalReentryAfterRemoval.map { $0 ? "yes" : "no" }),
        ]
        var values: [IntakeField: String] = [:]
        for (field, value) in pairs { if let value { values[field] = value } }
        return values
    }

    /// Instants as the store keeps them: UTC, whole seconds.
    static func storedText(_ instant: UTCInstant) -> String { UTCInstant(secondsSinceEpoch: instant.secondsSinceEpoch).description }

    /// Probable-cause boxes as stored text: the checked boxes in the form's order, comma-separated.
    public static func probableCauseText(_ boxes: Set<ProbableCause>) -> String? {
        let checked = ProbableCause.allCases.filter(boxes.contains).map(\.rawValue)
        return checked.isEmpty ? nil : checked.joined(separator: ",")
    }
}

extension String {
    fileprivate var trimmed: String {
        String(unicodeScalars.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed().map(Character.init))
    }
}
