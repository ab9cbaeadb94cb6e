import Testing
@testable import DetainerDomain

/// What counts as the same detainer while the first is open (issue 13 §9), branch by branch.
struct DuplicateRuleTests {
    let arrest = CivilDate(parsing: "2026-03-01")
    let born = CivilDate(parsing: "1985-02-03")

    func key(_ agency: CustodyAgency = .doc, booking: String? = "3411700123", arrest: CivilDate?? = .none, person: Int64? = 7,
             name: String = "Ana Ruiz", born: CivilDate?? = .none) -> DuplicateRule.CaseKey {
        DuplicateRule.CaseKey(agency: agency, bookingNumber: booking, arrestDate: arrest ?? self.arrest, personID: person,
                              name: name, dateOfBirth: born ?? self.born)
    }

    @Test func onlyAnOpenDetainerBlocks() {
        for status in DetainerStatus.allCases {
            #expect(DuplicateRule.blocks(existing: key(), status: status, incoming: key()) == status.isOpen, "\(status)")
        }
    }

    @Test func anotherAgencyIsAnotherCase() {
        #expect(!DuplicateRule.blocks(existing: key(.nypd), status: .pendingReview, incoming: key(.doc)))
    }

    @Test func theBookingNumberDecides() {
        // Same booking: blocked even for another person record or arrest date.
        #expect(DuplicateRule.blocks(existing: key(arrest: CivilDate(parsing: "2025-01-01"), person: 9, name: "Other"), status: .honored, incoming: key()))
        #expect(!DuplicateRule.blocks(existing: key(booking: "3411700999"), status: .honored, incoming: key()))
        #expect(!DuplicateRule.blocks(existing: key(booking: nil), status: .honored, incoming: key()))
    }

    @Test func withoutABookingTheArrestDateAndPerson() {
        let incoming = key(booking: nil)
        #expect(DuplicateRule.blocks(existing: key(booking: nil), status: .pendingReview, incoming: incoming))
        // The stored case may have a booking number; without one on the new intake it is not compared.
        #expect(DuplicateRule.blocks(existing: key(booking: "B1"), status: .pendingReview, incoming: incoming))
        #expect(!DuplicateRule.blocks(existing: key(booking: nil, arrest: CivilDate(parsing: "2026-03-02")), status: .pendingReview, incoming: incoming))
        // Both arrest dates unknown count as the same.
        #expect(DuplicateRule.blocks(existing: key(booking: nil, arrest: .some(nil)), status: .pendingReview, incoming: key(booking: nil, arrest: .some(nil))))
        #expect(!DuplicateRule.blocks(existing: key(booking: nil, arrest: .some(nil)), status: .pendingReview, incoming: incoming))
    }

    @Test func samePersonByRecordOrByNameAndBirthDate() {
        let incoming = key(booking: nil)
        // Another record with the same name and date of birth (intake without an identifier makes a new one).
        #expect(DuplicateRule.blocks(existing: key(booking: nil, person: 8), status: .received, incoming: incoming))
        // The same record, whatever the name now says.
        #expect(DuplicateRule.blocks(existing: key(booking: nil, name: "Ana Ruiz Soto"), status: .received, incoming: incoming))
        #expect(!DuplicateRule.blocks(existing: key(booking: nil, person: 8, name: "Ana Ruiz Soto"), status: .received, incoming: incoming))
        #expect(!DuplicateRule.blocks(existing: key(booking: nil, person: 8, born: CivilDate(parsing: "1985-02-04")), status: .received, incoming: incoming))
        // Both dates of birth unknown count as the same; one unknown does not.
        #expect(DuplicateRule.blocks(existing: key(booking: nil, person: 8, born: .some(nil)), status: .received, incoming: key(booking: nil, born: .some(nil))))
        #expect(!DuplicateRule.blocks(existing: key(booking: nil, person: 8, born: .some(nil)), status: .received, incoming: incoming))
        // A new person not yet stored (no id) matches only by name and date of birth.
        #expect(!DuplicateRule.blocks(existing: key(booking: nil, person: nil, name: "X"), status: .received, incoming: key(booking: nil, person: nil)))
    }
}
