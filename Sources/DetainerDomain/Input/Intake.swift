/// A validated intake.
public struct Intake: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        public var name: String
        public var dateOfBirth: CivilDate?
        public var nysid: String?
        public var aNumber: String?
        public var fbiNumber: String?
        public var countryOfBirth: String?
    }

    public struct Custody: Sendable, Equatable {
        public var agency: CustodyAgency
        public var bookingNumber: String?
        public var facility: String?
        public var arrestDate: CivilDate?
        public var scheduledReleaseAt: UTCInstant?
    }

    public struct Detainer: Sendable, Equatable {
        public var form: DetainerForm
        public var iceSubjectID: String?
        public var eventNumber: String?
        public var issuingOffice: String?
        public var preparedOn: CivilDate?
        public var receivedAt: UTCInstant
        public var probableCause: Set<ProbableCause>
        public var warrant: WarrantKind
        public var warrantIssuer: String?
        public var warrantDate: CivilDate?
        public var terroristScreeningMatch: Bool?
        public var illegalReentryAfterRemoval: Bool?
        /// The I-247A as received beyond Box 1 (nil = not recorded): Box 2, the administrative
        /// warrant attached, a notice to appear served.
        public var dhsTransferBox2: Bool? = nil
        public var administrativeWarrantForm: AdministrativeWarrantForm? = nil
        public var noticeToAppearServed: Bool? = nil
    }

    /// A judgment from the criminal-history search: as typed (what is stored) and as the engine reads it.
    public struct Conviction: Sendable, Equatable {
        public var input: ConvictionInput
        public var facts: ConvictionFacts
    }

    public struct PendingCharge: Sendable, Equatable {
        public var statuteRaw: String
        public var statute: Statute
        public var chargedOn: CivilDate?
    }

    public var person: Person
    public var custody: Custody
    public var detainer: Detainer
    public var convictions: [Conviction] = []
    public var pendingCharges: [PendingCharge] = []
}

extension IntakeRequest {
    public func validated(now: UTCInstant) throws -> Intake {
        var v = FieldValidator()
        for issue in decodingIssues { v.fail(issue.path, issue.message) }
        let today = NewYorkTime.localDate(at: now)

        let name = v.text(person.name, "person.name", maxLength: FieldLimits.name, required: true)
        let dob = v.date(person.dateOfBirth, "person.dateOfBirth")
        if let dob { v.pastDate(dob, "person.dateOfBirth", today: today) }
        let nysid = v.nysid(person.nysid, "person.nysid")
        let aNumber = v.aNumber(person.aNumber, "person.aNumber")
        let fbi = v.code(person.fbiNumber, "person.fbiNumber", maxLength: FieldLimits.fbiNumber, punctuation: "")
        let country = v.text(person.countryOfBirth, "person.countryOfBirth", maxLength: FieldLimits.country)

        let agency = v.choice(custody.agency, "custody.agency", as: CustodyAgency.self, required: true)
        let booking = v.code(custody.bookingNumber, "custody.bookingNumber", maxLength: FieldLimits.bookingNumber, punctuation: "-/")
        let facility = v.text(custody.facility, "custody.facility", maxLength: FieldLimits.facility)
        let arrest = v.date(custody.arrestDate, "custody.arrestDate", required: true)
        if let arrest { v.pastDate(arrest, "custody.arrestDate", today: today) }
        if let arrest, let dob, arrest < dob { v.fail("custody.arrestDate", "\(arrest) is before the date of birth \(dob)") }
        let release = v.instant(custody.scheduledReleaseAt, "custody.scheduledReleaseAt")
        if let release, let arrest, NewYorkTime.localDate(at: release) < arrest {
            v.fail("custody.scheduledReleaseAt", "release \(release.newYorkText) is before the arrest date \(arrest)")
        }
        if let release, release.secondsSinceEpoch > now.secondsSinceEpoch + 5 * 366 * 86_400 {
            v.fail("custody.scheduledReleaseAt", "\(release.newYorkText) is more than five years away; check the year")
        }

        let form = detainer.form == nil ? DetainerForm.i247A : v.choice(detainer.form, "detainer.form", as: DetainerForm.self)
        let subject = v.code(detainer.iceSubjectId, "detainer.iceSubjectId", maxLength: FieldLimits.iceID, punctuation: "-")
        let event = v.code(detainer.eventNumber, "detainer.eventNumber", maxLength: FieldLimits.iceID, punctuation: "-")
        let office = v.text(detainer.issuingOffice, "detainer.issuingOffice", maxLength: FieldLimits.office)
        let prepared = v.date(detainer.preparedOn, "detainer.preparedOn")
        let received = detainer.receivedAt == nil ? now : v.instant(detainer.receivedAt, "detainer.receivedAt")
        if let received, received.secondsSinceEpoch > now.secondsSinceEpoch + FieldLimits.clockSkewSeconds {
            v.fail("detainer.receivedAt", "\(received.newYorkText) is in the future")
        }
        if let received, received.utcDate < FieldLimits.earliestDate {
            v.fail("detainer.receivedAt", "\(received.newYorkText) is before \(FieldLimits.earliestDate)")
        } else if let received, received.secondsSinceEpoch < now.secondsSinceEpoch - FieldLimits.maximumIntakeBacklogDays * 86_400 {
            v.fail("detainer.receivedAt", "\(received.newYorkText) is more than \(FieldLimits.maximumIntakeBacklogDays) days ago; intake logs detainers as they arrive (older records come in by importing a file)")
        }
        if let received, let arrest, arrest > NewYorkTime.localDate(at: received) {
            v.fail("custody.arrestDate", "\(arrest) is after the detainer was received (\(NewYorkTime.localDate(at: received))); a detainer follows an arrest")
        }
        if let prepared, let received, prepared > NewYorkTime.localDate(at: received) {
            v.fail("detainer.preparedOn", "\(prepared) is after the detainer was received")
        }
        var boxes = Set<ProbableCause>()
        for (index, box) in (detainer.probableCause ?? []).enumerated() {
            if let cause = v.choice(box, "detainer.probableCause[\(index)]", as: ProbableCause.self) { boxes.insert(cause) }
        }
        let warrantType = v.choice(detainer.warrant?.type ?? "none", "detainer.warrant.type", as: WarrantKind.self)
        let issuer = v.text(detainer.warrant?.issuer, "detainer.warrant.issuer", maxLength: FieldLimits.issuer)
        let warrantDate = v.date(detainer.warrant?.date, "detainer.warrant.date")
        if let warrantDate, let received, warrantDate > NewYorkTime.localDate(at: received) {
            v.fail("detainer.warrant.date", "\(warrantDate) is after the detainer was received")
        }
        if warrantType == WarrantKind.none, issuer != nil || warrantDate != nil {
            v.fail("detainer.warrant.type", "is none, but an issuer or date was given; say which kind of warrant it is")
        }
        if warrantType == .judicial, issuer == nil {
            v.fail("detainer.warrant.issuer", "is required for a judicial warrant (the federal judge or magistrate judge who signed it)")
        }
        let adminForm = v.choice(detainer.administrativeWarrantForm, "detainer.administrativeWarrantForm", as: AdministrativeWarrantForm.self)
        if adminForm != nil, let warrantType, warrantType != .administrative {
            v.fail("detainer.administrativeWarrantForm", "names an administrative warrant, but the warrant type is \(warrantType.rawValue); set the warrant type to administrative")
        }

        // The criminal-history search: every conviction checked by the engine's own rules (as
        // `conviction add`), every pending charge as `charge add`.
        var convictionsFound: [Intake.Conviction] = []
        for (index, conviction) in (convictions ?? []).enumerated() {
            let path = "convictions[\(index)]"
            var issues: [ValidationIssue] = []
            let facts = conviction.validated(path: path, evaluatedOn: today, issues: &issues)
            if let raw = conviction.statute, raw.unicodeScalars.count > 100 {
                issues.append(ValidationIssue(path: path + ".statute", message: "is \(raw.unicodeScalars.count) characters; the limit is 100"))
            } else if let raw = conviction.statute, raw.allSatisfy(\.isWhitespace) {
                // As `conviction add`: a judgment names its statute (a blank form row is left out before this).
                issues.append(ValidationIssue(path: path + ".statute", message: raw.isEmpty ? "is empty" : "is only whitespace"))
            }
            for issue in issues { v.fail(issue.path, issue.message) }
            if issues.isEmpty, let facts { convictionsFound.append(Intake.Conviction(input: conviction, facts: facts)) }
        }
        var chargesFound: [Intake.PendingCharge] = []
        for (index, charge) in (pendingCharges ?? []).enumerated() {
            let path = "pendingCharges[\(index)]"
            let statute = v.text(charge.statute, path + ".statute", maxLength: 100, required: true)
            let date = v.date(charge.chargedOn, path + ".chargedOn")
            if let date { v.pastDate(date, path + ".chargedOn", today: today) }
            if let statute { chargesFound.append(Intake.PendingCharge(statuteRaw: statute, statute: StatuteParser.parse(statute), chargedOn: date)) }
        }

        try v.finish()
        return Intake(
            person: .init(name: name!, dateOfBirth: dob, nysid: nysid, aNumber: aNumber, fbiNumber: fbi, countryOfBirth: country),
            custody: .init(agency: agency!, bookingNumber: booking, facility: facility, arrestDate: arrest, scheduledReleaseAt: release),
            detainer: .init(form: form!, iceSubjectID: subject, eventNumber: event, issuingOffice: office, preparedOn: prepared,
                            receivedAt: UTCInstant(secondsSinceEpoch: received!.secondsSinceEpoch), probableCause: boxes,
                            warrant: warrantType!, warrantIssuer: issuer, warrantDate: warrantDate,
                            terroristScreeningMatch: detainer.terroristScreeningMatch,
                            illegalReentryAfterRemoval: detainer.illegalReentryAfterRemoval,
                            dhsTransferBox2: detainer.dhsTransferBox2, administrativeWarrantForm: adminForm,
                            noticeToAppearServed: detainer.noticeToAppearServed),
            convictions: convictionsFound, pendingCharges: chargesFound)
    }
}

extension FieldValidator {
    /// A date that must not be in the future nor before 1900.
    public mutating func pastDate(_ date: CivilDate, _ field: String, today: CivilDate) {
        if date > today { fail(field, "\(date) is in the future") }
        if date < FieldLimits.earliestDate { fail(field, "\(date) is before \(FieldLimits.earliestDate)") }
    }

    /// New York State Identification Number: seven or eight digits and a check letter (e.g. 12345678K).
    public mutating func nysid(_ value: String?, _ field: String) -> String? {
        guard let text = text(value, field, maxLength: FieldLimits.nysid) else { return nil }
        let upper = text.uppercased()
        let scalars = Array(upper.unicodeScalars)
        let digits = scalars.dropLast()
        guard (8...9).contains(scalars.count), digits.allSatisfy({ ("0"..."9").contains($0) }),
              let last = scalars.last, ("A"..."Z").contains(last) else {
            fail(field, "\"\(text)\" is not a NYSID (seven or eight digits and a letter, e.g. 12345678K)")
            return nil
        }
        return upper
    }

    /// Alien registration number: A followed by eight or nine digits; stored as A + nine digits.
    public mutating func aNumber(_ value: String?, _ field: String) -> String? {
        guard let text = text(value, field, maxLength: 12) else { return nil }
        var digits = text.uppercased().filter { $0 != "-" && $0 != " " }
        if digits.hasPrefix("A") { digits.removeFirst() }
        guard (8...9).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            fail(field, "\"\(text)\" is not an A-number (A followed by eight or nine digits, e.g. A012345678)")
            return nil
        }
        return "A" + String(repeating: "0", count: 9 - digits.count) + digits
    }
}
