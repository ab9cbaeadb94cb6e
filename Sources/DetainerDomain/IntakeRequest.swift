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
