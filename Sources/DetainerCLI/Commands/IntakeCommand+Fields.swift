/// The intake's options by the field path each sets (issue 25 §3: an error names `--dob`, not
/// `person.dateOfBirth`). A field read from an `--json` file keeps its path unless an option
/// also set it.
extension IntakeCommand {
    func option(forField path: String) -> String? {
        let key = path.split(separator: "[").first.map(String.init) ?? path
        guard let entry = options[key], json == nil || entry.given else { return nil }
        return entry.option
    }

    private var options: [String: (option: String, given: Bool)] {
        [
            "person.name": ("--name", name != nil), "person.dateOfBirth": ("--dob", dob != nil),
            "person.nysid": ("--nysid", nysid != nil), "person.aNumber": ("--a-number", aNumber != nil),
            "person.fbiNumber": ("--fbi-number", fbiNumber != nil), "person.countryOfBirth": ("--country-of-birth", countryOfBirth != nil),
            "custody.agency": ("--agency", agency != nil), "custody.bookingNumber": ("--booking", booking != nil),
            "custody.facility": ("--facility", facility != nil), "custody.arrestDate": ("--arrest-date", arrestDate != nil),
            "custody.scheduledReleaseAt": ("--release-at", releaseAt != nil),
            "detainer.form": ("--form", form != nil), "detainer.iceSubjectId": ("--ice-subject-id", iceSubjectId != nil),
            "detainer.eventNumber": ("--event-number", eventNumber != nil), "detainer.issuingOffice": ("--issuing-office", issuingOffice != nil),
            "detainer.preparedOn": ("--prepared-on", preparedOn != nil), "detainer.receivedAt": ("--received-at", receivedAt != nil),
            "detainer.probableCause": ("--probable-cause", !probableCause.isEmpty),
            "detainer.warrant.type": ("--warrant", warrant != nil), "detainer.warrant.issuer": ("--warrant-issuer", warrantIssuer != nil),
            "detainer.warrant.date": ("--warrant-date", warrantDate != nil),
            "detainer.terroristScreeningMatch": ("--tsdb-match", tsdbMatch != .unknown),
            "detainer.illegalReentryAfterRemoval": ("--illegal-reentry", illegalReentry != .unknown),
            "detainer.dhsTransferBox2": ("--box2", box2 != .unknown),
            "detainer.administrativeWarrantForm": ("--admin-warrant-form", adminWarrantForm != nil),
            "detainer.noticeToAppearServed": ("--nta-served", ntaServed != .unknown),
            "allowDuplicate": ("--allow-duplicate --reason TEXT", true),
        ]
    }
}
