import Testing
@testable import DetainerDomain

struct IntakeCorrectionTests {
    static let stored: [IntakeField: String] = [
        .name: "José Nuñez", .dateOfBirth: "1985-02-03", .nysid: "12345678K", .agency: "DOC", .booking: "3411700123",
        .arrestDate: "2026-11-01", .scheduledReleaseAt: "2026-11-27T15:00:00Z", .form: "I-247A", .receivedAt: "2026-11-20T14:00:00Z",
        .warrantType: "judicial", .warrantIssuer: "Hon. A. Judge", .tsdbMatch: "no",
    ]
    static let now = instant("2026-11-25T15:00:00Z")

    @Test func onlyRealChangesAreReportedWithOldAndNewValues() throws {
        let (intake, changes) = try IntakeCorrection.apply(stored: Self.stored, requested: [.name: "José Núñez", .nysid: "12345678k"], now: Self.now)
        #expect(changes == [FieldChange(field: .name, old: "José Nuñez", new: "José Núñez")])  // the NYSID is the same once canonical
        #expect(intake.person.name == "José Núñez")
    }

    @Test func nothingChangesWhenEveryValueIsAlreadyRecorded() throws {
        let (_, changes) = try IntakeCorrection.apply(stored: Self.stored, requested: [.agency: "DOC", .tsdbMatch: "no", .aNumber: ""], now: Self.now)
        #expect(changes.isEmpty)
    }

    @Test func clearingAndTriStateFacts() throws {
        let (_, changes) = try IntakeCorrection.apply(stored: Self.stored, requested: [.tsdbMatch: "unknown", .illegalReentry: "yes", .booking: ""], now: Self.now)
        #expect(changes == [
            FieldChange(field: .booking, old: "3411700123", new: nil),
            FieldChange(field: .tsdbMatch, old: "no", new: nil),
            FieldChange(field: .illegalReentry, old: nil, new: "yes"),
        ])
    }

    @Test func theCorrectedWholeMustPassIntakesRules() throws {
        #expect(throws: InputErrors.self) { try IntakeCorrection.apply(stored: Self.stored, requested: [.warrantIssuer: ""], now: Self.now) }
        #expect(throws: InputErrors.self) { try IntakeCorrection.apply(stored: Self.stored, requested: [.scheduledReleaseAt: "2026-10-01T12:00:00Z"], now: Self.now) }
        #expect(throws: InputErrors.self) { try IntakeCorrection.apply(stored: Self.stored, requested: [.tsdbMatch: "maybe"], now: Self.now) }
        #expect(throws: InputErrors.self) { try IntakeCorrection.apply(stored: Self.stored, requested: [.agency: "FBI"], now: Self.now) }
    }

    @Test func probationIsAnIntakeAgency() throws {
        let (intake, changes) = try IntakeCorrection.apply(stored: Self.stored, requested: [.agency: "DOP"], now: Self.now)
        #expect(intake.custody.agency.agency == .dop)
        #expect(changes.map(\.field) == [.agency])
    }

    @Test func lawFactsAndOptions() {
        #expect(IntakeField.allCases.filter(\.feedsTheLaw) == [.agency, .arrestDate, .scheduledReleaseAt, .receivedAt, .warrantType, .tsdbMatch, .illegalReentry])
        // Every correctable field is a field of the intake's one table, named by its path.
        for field in IntakeField.allCases { #expect(IntakeRequest.field(field.path) != nil, "\(field)") }
        #expect(IntakeField.scheduledReleaseAt.path == "custody.scheduledReleaseAt")
        #expect(StatusTiming.mayPrecedeCurrentStatus(.released))
        #expect(!StatusTiming.mayPrecedeCurrentStatus(.transferred))
    }
}
