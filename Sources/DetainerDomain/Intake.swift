/// An incoming detainer as a clerk logs it: the person, the city's custody case and the ICE
/// paperwork. `IntakeRequest` is the wire form (`detainer intake --json FILE`, same names as the
/// options); `validated(now:)` turns it into `Intake` or reports every bad field at once.
public struct IntakeRequest: Codable, Sendable, Equatable {
    public struct Person: Codable, Sendable, Equatable {
        public var name: String?
        public var dateOfBirth: String?
        public var nysid: String?
        public var aNumber: String?
        public var fbiNumber: String?
        public var countryOfBirth: String?

        public init(name: String? = nil, dateOfBirth: String? = nil, nysid: String? = nil, aNumber: String? = nil,
                    fbiNumber: String? = nil, countryOfBirth: String? = nil) {
            self.name = name
            self.dateOfBirth = dateOfBirth
            self.nysid = nysid
            self.aNumber = aNumber
            self.fbiNumber = fbiNumber
            self.countryOfBirth = countryOfBirth
        }
    }

    public struct Custody: Codable, Sendable, Equatable {
        public var agency: String?
        public var bookingNumber: String?
        public var facility: String?
        /// The instant arrest: the five-year window ends on this date.
        public var arrestDate: String?
        /// When the person would otherwise be released; the hold deadline counts from it.
        public var scheduledReleaseAt: String?

        public init(agency: String? = nil, bookingNumber: String? = nil, facility: String? = nil,
                    arrestDate: String? = nil, scheduledReleaseAt: String? = nil) {
            self.agency = agency
            self.bookingNumber = bookingNumber
            self.facility = facility
            self.arrestDate = arrestDate
            self.scheduledReleaseAt = scheduledReleaseAt
        }
    }

    public struct Warrant: Codable, Sendable, Equatable {
        public var type: String?
        public var issuer: String?
        public var date: String?

        public init(type: String? = nil, issuer: String? = nil, date: String? = nil) {
            self.type = type
            self.issuer = issuer
            self.date = date
        }
    }

    public struct Detainer: Codable, Sendable, Equatable {
        public var form: String?
        public var iceSubjectId: String?
        public var eventNumber: String?
        public var issuingOffice: String?
        public var preparedOn: String?
        public var receivedAt: String?
        public var probableCause: [String]?
        public var warrant: Warrant?
        public var terroristScreeningMatch: Bool?
        public var illegalReentryAfterRemoval: Bool?

        public init(form: String? = nil, iceSubjectId: String? = nil, eventNumber: String? = nil,
                    issuingOffice: String? = nil, preparedOn: String? = nil, receivedAt: String? = nil,
                    probableCause: [String]? = nil, warrant: Warrant? = nil, terroristScreeningMatch: Bool? = nil,
                    illegalReentryAfterRemoval: Bool? = nil) {
            self.form = form
            self.iceSubjectId = iceSubjectId
            self.eventNumber = eventNumber
            self.issuingOffice = issuingOffice
            self.preparedOn = preparedOn
            self.receivedAt = receivedAt
            self.probableCause = probableCause
            self.warrant = warrant
            self.terroristScreeningMatch = terroristScreeningMatch
            self.illegalReentryAfterRemoval = illegalReentryAfterRemoval
        }
    }

    public var person: Person
    public var custody: Custody
    public var detainer: Detainer

    public init(person: Person = .init(), custody: Custody = .init(), detainer: Detainer = .init()) {
        self.person = person
        self.custody = custody
        self.detainer = detainer
    }
}

/// The detainer form ICE used (I-247A since April 2017; older forms appear in old records).
public enum DetainerForm: String, Sendable, Hashable, CaseIterable, Codable {
    case i247A = "I-247A"
    case i247 = "I-247"
    case i247D = "I-247D"
    case i247N = "I-247N"
    case i247X = "I-247X"
}

/// The I-247A's probable-cause boxes.
public enum ProbableCause: String, Sendable, Hashable, CaseIterable, Codable {
    /// "a final order of removal against the alien"
    case finalOrder
    /// "the pendency of ongoing removal proceedings against the alien"
    case removalProceedings
    /// "biometric confirmation of the alien's identity and a records check of federal databases"
    case biometricMatch
    /// "statements made by the alien to an immigration officer and/or other reliable evidence"
    case statements
}

/// Agencies a clerk logs detainers for (Probation has no custody cases in this system).
public enum CustodyAgency: String, Sendable, Hashable, CaseIterable, Codable {
    case nypd = "NYPD"
    case doc = "DOC"

    public var agency: Agency { self == .nypd ? .nypd : .doc }
}

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
    }

    public var person: Person
    public var custody: Custody
    public var detainer: Detainer
}

/// Limits on what a clerk may type, stated in error messages.
public enum FieldLimits {
    public static let name = 200
    public static let nysid = 10
    public static let fbiNumber = 16
    public static let country = 80
    public static let bookingNumber = 32
    public static let facility = 120
    public static let iceID = 40
    public static let office = 120
    public static let issuer = 120
    public static let note = 2000
    /// Dates before this are typing mistakes, not records.
    public static let earliestDate = CivilDate(year: 1900, month: 1, day: 1)!
    /// Instants may run a little ahead of the server clock (clock skew between machines).
    public static let clockSkewSeconds: Int64 = 300
}

extension IntakeRequest {
    public func validated(now: UTCInstant) throws -> Intake {
        var v = FieldValidator()
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
            v.fail("custody.scheduledReleaseAt", "release \(release) is before the arrest date \(arrest)")
        }
        if let release, release.secondsSinceEpoch > now.secondsSinceEpoch + 5 * 366 * 86_400 {
            v.fail("custody.scheduledReleaseAt", "\(release) is more than five years away; check the year")
        }

        let form = detainer.form == nil ? DetainerForm.i247A : v.choice(detainer.form, "detainer.form", as: DetainerForm.self)
        let subject = v.code(detainer.iceSubjectId, "detainer.iceSubjectId", maxLength: FieldLimits.iceID, punctuation: "-")
        let event = v.code(detainer.eventNumber, "detainer.eventNumber", maxLength: FieldLimits.iceID, punctuation: "-")
        let office = v.text(detainer.issuingOffice, "detainer.issuingOffice", maxLength: FieldLimits.office)
        let prepared = v.date(detainer.preparedOn, "detainer.preparedOn")
        let received = detainer.receivedAt == nil ? now : v.instant(detainer.receivedAt, "detainer.receivedAt")
        if let received, received.secondsSinceEpoch > now.secondsSinceEpoch + FieldLimits.clockSkewSeconds {
            v.fail("detainer.receivedAt", "\(received) is in the future")
        }
        if let received, received.utcDate < FieldLimits.earliestDate {
            v.fail("detainer.receivedAt", "\(received) is before \(FieldLimits.earliestDate)")
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

        try v.finish()
        return Intake(
            person: .init(name: name!, dateOfBirth: dob, nysid: nysid, aNumber: aNumber, fbiNumber: fbi, countryOfBirth: country),
            custody: .init(agency: agency!, bookingNumber: booking, facility: facility, arrestDate: arrest, scheduledReleaseAt: release),
            detainer: .init(form: form!, iceSubjectID: subject, eventNumber: event, issuingOffice: office, preparedOn: prepared,
                            receivedAt: UTCInstant(secondsSinceEpoch: received!.secondsSinceEpoch), probableCause: boxes,
                            warrant: warrantType!, warrantIssuer: issuer, warrantDate: warrantDate,
                            terroristScreeningMatch: detainer.terroristScreeningMatch,
                            illegalReentryAfterRemoval: detainer.illegalReentryAfterRemoval))
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
