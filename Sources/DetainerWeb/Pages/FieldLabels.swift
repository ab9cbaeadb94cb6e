/// Errors name what the person typed (issue 25 §3): the store names a bad value by its field path
/// (`person.dateOfBirth`, `inReplyTo`), the API shows that path, and a page shows the label of the
/// form field instead ("Date of birth"), in the error summary as beside the field.
enum FieldLabels {
    static let labels: [String: String] = [
        // Intake (IntakePage).
        "person.name": "Name", "person.dateOfBirth": "Date of birth", "person.nysid": "NYSID", "person.aNumber": "A-number",
        "person.fbiNumber": "FBI number", "person.countryOfBirth": "Country of birth",
        "custody.agency": "Agency", "custody.bookingNumber": "Booking / book-and-case number", "custody.facility": "Facility",
        "custody.arrestDate": "Instant arrest date", "custody.scheduledReleaseAt": "Scheduled release",
        "detainer.form": "Form", "detainer.iceSubjectId": "ICE subject id", "detainer.eventNumber": "ICE event number",
        "detainer.issuingOffice": "Issuing DHS office", "detainer.preparedOn": "Prepared on", "detainer.receivedAt": "Received",
        "detainer.probableCause": "Probable cause", "detainer.warrant.type": "Warrant presented",
        "detainer.warrant.issuer": "Warrant signed by", "detainer.warrant.date": "Warrant date",
        "detainer.terroristScreeningMatch": "Terrorist screening database match",
        "detainer.illegalReentryAfterRemoval": "ICE asserts illegal re-entry after removal",
        "detainer.administrativeWarrantForm": "Administrative warrant form attached",
        "detainer.dhsTransferBox2": "Box 2 ticked", "detainer.noticeToAppearServed": "Notice to appear served",
        "allowDuplicate": "Confirm a second detainer", "duplicateReason": "Why a second detainer on this custody case is real",
        // The detainer page's forms (review, status, contact, documents, convictions).
        "action": "Action", "approve": "Action", "decide": "Action", "reason": "Reason", "to": "New status", "at": "When",
        "cause": "Why the hold ended", "note": "Note", "direction": "Direction", "kind": "Kind",
        "infoType": "Information asked about", "inReplyTo": "In reply to contact", "outcome": "Response",
        "warrant": "Warrant presented", "warrantIssuer": "Warrant signed by", "warrantDate": "Warrant date",
        "summary": "Summary", "facilitatedTransfer": "Facilitated a transfer", "file": "File",
        "confirmDespite9131h": "Confirm despite §9-131(h)",
        "statute": "Statute", "convictedOn": "Convicted on", "felonyClass": "Class as convicted", "jurisdiction": "Jurisdiction",
        "nyEquivalent": "New York equivalent", "objectStatute": "Object crime", "incarceratedDaysForThisCrime": "Days incarcerated for it",
        "court": "Court", "docketNumber": "Docket number",
    ]

    /// The label of the field a path names; an unlisted path in words ("inReplyTo" → "in reply to").
    static func label(_ path: String) -> String {
        if let label = labels[path] { return label }
        let last = path.split(separator: ".").last.map(String.init) ?? path
        if let label = labels[last] { return label }
        let words = last.reduce(into: "") { text, c in text += c.isUppercase ? " " + c.lowercased() : String(c) }
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// "Nothing was recorded: Response: say whether …; When: …", in the order of the labels.
    static func summary(_ lead: String, _ errors: [String: String]) -> String {
        lead + errors.map { (label($0.key), $0.value) }.sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
    }
}
