import DetainerDomain

/// The intake's options by the field path each sets (`IntakeRequest.fields`, the domain's one list
/// of intake fields). The CLI only hands over what was typed; the domain's validator reads it
/// (any case, New York time). An error names the option (`--dob`), not the path
/// (`person.dateOfBirth`) (issue 25 §3); a field read from an `--json` file keeps its path unless
/// an option also set it.
extension IntakeCommand {
    /// Every intake field's option and the values typed for it (none: not given).
    var typedFields: [(path: String, option: String, values: [String])] {
        [
            ("person.name", "--name", name.given), ("person.dateOfBirth", "--dob", dob.given),
            ("person.nysid", "--nysid", nysid.given), ("person.aNumber", "--a-number", aNumber.given),
            ("person.fbiNumber", "--fbi-number", fbiNumber.given), ("person.countryOfBirth", "--country-of-birth", countryOfBirth.given),
            ("custody.agency", "--agency", agency.given), ("custody.bookingNumber", "--booking", booking.given),
            ("custody.facility", "--facility", facility.given), ("custody.arrestDate", "--arrest-date", arrestDate.given),
            ("custody.scheduledReleaseAt", "--release-at", releaseAt.given),
            ("detainer.form", "--form", form.given), ("detainer.iceSubjectId", "--ice-subject-id", iceSubjectId.given),
            ("detainer.eventNumber", "--event-number", eventNumber.given), ("detainer.issuingOffice", "--issuing-office", issuingOffice.given),
            ("detainer.preparedOn", "--prepared-on", preparedOn.given), ("detainer.receivedAt", "--received-at", receivedAt.given),
            ("detainer.probableCause", "--probable-cause", probableCause),
            ("detainer.warrant.type", "--warrant", warrant.given), ("detainer.warrant.issuer", "--warrant-issuer", warrantIssuer.given),
            ("detainer.warrant.date", "--warrant-date", warrantDate.given),
            ("detainer.terroristScreeningMatch", "--tsdb-match", tsdbMatch.given),
            ("detainer.illegalReentryAfterRemoval", "--illegal-reentry", illegalReentry.given),
            ("detainer.dhsTransferBox2", "--box2", box2.given),
            ("detainer.administrativeWarrantForm", "--admin-warrant-form", adminWarrantForm.given),
            ("detainer.noticeToAppearServed", "--nta-served", ntaServed.given),
        ]
    }

    /// The request: the `--json` file's, with every option given replacing its field (a repeated
    /// option replaces the file's list), and `--pending-charge` added to its pending charges.
    func merged(into request: IntakeRequest) -> IntakeRequest {
        var request = request
        for entry in typedFields where !entry.values.isEmpty {
            guard let field = IntakeRequest.field(entry.path) else { continue }  // IntakeFieldTableTests keeps the two in step
            field.clear(in: &request)
            for value in entry.values { field.set(value, in: &request) }
        }
        if !pendingCharges.isEmpty {
            request.pendingCharges = (request.pendingCharges ?? []) + pendingCharges.map { IntakeRequest.PendingCharge(statute: $0) }
        }
        return request
    }

    func option(forField path: String) -> String? {
        if path == "allowDuplicate" { return "--allow-duplicate --reason TEXT" }
        let key = path.split(separator: "[").first.map(String.init) ?? path
        guard let entry = typedFields.first(where: { $0.path == key }), json == nil || !entry.values.isEmpty else { return nil }
        return entry.option
    }
}

private extension Optional<String> {
    var given: [String] { map { [$0] } ?? [] }
}
