/// An incoming detainer as a clerk logs it: the person, the city's custody case and the ICE
/// paperwork. `IntakeRequest` is the wire form (`detainer intake --json FILE`, the API, the web
/// form); its fields are listed once, in `IntakeRequest.fields`, which the JSON decoding, the form
/// reader and the CLI's options all use. `validated(now:)` turns it into `Intake` or reports every
/// bad field at once.
public struct IntakeRequest: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
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

    public struct Custody: Sendable, Equatable {
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

    public struct Warrant: Sendable, Equatable {
        public var type: String?
        public var issuer: String?
        public var date: String?

        public init(type: String? = nil, issuer: String? = nil, date: String? = nil) {
            self.type = type
            self.issuer = issuer
            self.date = date
        }
    }

    public struct Detainer: Sendable, Equatable {
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
        /// The I-247A's Box 2 ("DHS transferred the alien to your custody"); null = not recorded.
        public var dhsTransferBox2: Bool?
        /// With `warrant.type` administrative: "I-200" or "I-205".
        public var administrativeWarrantForm: String?
        /// Whether a notice to appear (or other charging document) was served; null = not recorded.
        public var noticeToAppearServed: Bool?

        public init(form: String? = nil, iceSubjectId: String? = nil, eventNumber: String? = nil,
                    issuingOffice: String? = nil, preparedOn: String? = nil, receivedAt: String? = nil,
                    probableCause: [String]? = nil, warrant: Warrant? = nil, terroristScreeningMatch: Bool? = nil,
                    illegalReentryAfterRemoval: Bool? = nil, dhsTransferBox2: Bool? = nil,
                    administrativeWarrantForm: String? = nil, noticeToAppearServed: Bool? = nil) {
            self.dhsTransferBox2 = dhsTransferBox2
            self.administrativeWarrantForm = administrativeWarrantForm
            self.noticeToAppearServed = noticeToAppearServed
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

    /// A pending charge as the criminal-history search shows it (issue 25 §1).
    public struct PendingCharge: Decodable, Sendable, Equatable {
        public var statute: String?
        public var chargedOn: String?
        var decodingIssues: [ValidationIssue] = []

        public init(statute: String? = nil, chargedOn: String? = nil) {
            self.statute = statute
            self.chargedOn = chargedOn
        }
    }

    public var person: Person
    public var custody: Custody
    public var detainer: Detainer
    /// The person's judgments and pending charges from the criminal-history search, recorded in
    /// the intake's transaction so the first evaluation already reads them (issue 25 §1).
    public var convictions: [ConvictionInput]?
    public var pendingCharges: [PendingCharge]?
    /// Problems found while decoding, reported by `validated(now:)` with every other problem.
    var decodingIssues: [ValidationIssue] = []

    public init(person: Person = .init(), custody: Custody = .init(), detainer: Detainer = .init(),
                convictions: [ConvictionInput]? = nil, pendingCharges: [PendingCharge]? = nil) {
        self.person = person
        self.custody = custody
        self.detainer = detainer
        self.convictions = convictions
        self.pendingCharges = pendingCharges
    }
}

extension IntakeRequest.PendingCharge {
    enum CodingKeys: String, CodingKey, CaseIterable { case statute, chargedOn }

    public init(from decoder: any Decoder) throws {
        var reader = JSONFieldReader(decoder, knownKeys: Set(CodingKeys.allCases.map(\.rawValue)))
        self.init(statute: reader.read("statute", as: String.self), chargedOn: reader.read("chargedOn", as: String.self))
        decodingIssues = reader.issues
    }
}

