/// One open detainer per custody case (issue 13 §9): what counts as "the same detainer" while
/// the first is still open. The store finds the candidates with SQL (same agency, open, same
/// booking or same arrest date) and this rule decides; a clerk may still record a second one
/// with a reason (`--allow-duplicate --reason TEXT`).
public enum DuplicateRule {
    /// A custody case as the rule compares it: the new intake's, or a stored detainer's.
    public struct CaseKey: Sendable, Equatable {
        public var agency: CustodyAgency
        public var bookingNumber: String?
        public var arrestDate: CivilDate?
        /// The stored person's id (nil for a new intake's person not yet matched).
        public var personID: Int64?
        public var name: String
        public var dateOfBirth: CivilDate?

        public init(agency: CustodyAgency, bookingNumber: String?, arrestDate: CivilDate?, personID: Int64?, name: String, dateOfBirth: CivilDate?) {
            self.agency = agency
            self.bookingNumber = bookingNumber
            self.arrestDate = arrestDate
            self.personID = personID
            self.name = name
            self.dateOfBirth = dateOfBirth
        }
    }

    /// Whether `existing`, a detainer in `status`, blocks a new detainer on `incoming`.
    ///
    /// - Only a detainer still open (received, pending review, honored) governs its case.
    /// - The agency must be the same: DOC and NYPD custody of one person are different cases.
    /// - With a booking number, the booking number decides (it names the custody case).
    /// - Without one, the same arrest date (both unknown counts as the same) for the same
    ///   person: the same stored record, or one with the same name and date of birth (without
    ///   an identifier intake makes a new person record, so the id alone would miss it).
    public static func blocks(existing: CaseKey, status: DetainerStatus, incoming: CaseKey) -> Bool {
        guard status.isOpen, existing.agency == incoming.agency else { return false }
        if let booking = incoming.bookingNumber { return existing.bookingNumber == booking }
        guard existing.arrestDate == incoming.arrestDate else { return false }
        let samePerson = incoming.personID != nil && existing.personID == incoming.personID
        return samePerson || (existing.name == incoming.name && existing.dateOfBirth == incoming.dateOfBirth)
    }
}
