import Testing
@testable import DetainerDomain

/// Issue 22: the pure rules the annual reports rest on — the I-247A → §9-131(f)(1) reason table
/// and its primary-reason rule, a person's standing from exact check results, §9-131(h), the
/// reporting period, and why a hold ended.
@Suite struct StatutoryReportingTests {
    @Test("Each form fact maps to its reason (law reference §7a)")
    func mappingTable() {
        #expect(StatutoryReasonMapping.reasons(.init(finalOrder: true)) == [.iv])
        #expect(StatutoryReasonMapping.reasons(.init(warrant: .administrative, administrativeWarrantForm: .i205)) == [.iv])
        #expect(StatutoryReasonMapping.reasons(.init(warrant: .administrative, administrativeWarrantForm: .i200)) == [.iii])
        #expect(StatutoryReasonMapping.reasons(.init(removalProceedings: true)) == [.ii])
        #expect(StatutoryReasonMapping.reasons(.init(noticeToAppearServed: true)) == [.ii])
        #expect(StatutoryReasonMapping.reasons(.init(biometricMatch: true)) == [.i])
        #expect(StatutoryReasonMapping.reasons(.init(statements: true)) == [.i])
        #expect(StatutoryReasonMapping.reasons(.init(dhsTransferBox2: true)).isEmpty)
        // An administrative warrant whose form was not recorded is not guessed.
        #expect(StatutoryReasonMapping.reasons(.init(warrant: .administrative)).isEmpty)
        #expect(StatutoryReasonMapping.reasons(.init(noticeToAppearServed: false)).isEmpty)
    }

    @Test("A detainer counts once, under the first of iv, iii, ii, i; else other")
    func primaryReason() {
        let all = ReceivedI247A(finalOrder: true, removalProceedings: true, biometricMatch: true, statements: true,
                                warrant: .administrative, administrativeWarrantForm: .i200)
        #expect(StatutoryReasonMapping.primary(all) == .iv)
        #expect(StatutoryReasonMapping.primary(.init(removalProceedings: true, biometricMatch: true, warrant: .administrative,
                                                     administrativeWarrantForm: .i200)) == .iii)
        #expect(StatutoryReasonMapping.primary(.init(removalProceedings: true, biometricMatch: true)) == .ii)
        #expect(StatutoryReasonMapping.primary(.init(biometricMatch: true)) == .i)
        #expect(StatutoryReasonMapping.primary(.init(dhsTransferBox2: true, warrant: .judicial)) == .other)
        #expect(StatutoryReasonMapping.primaryOrder == [.iv, .iii, .ii, .i])
    }

    @Test("Standing comes from the check results, and an unknown is not a conviction")
    func standing() {
        #expect(PersonStanding.from(vscResult: "pass", tsdbResult: "fail") == (.VSC, true))
        #expect(PersonStanding.from(vscResult: "pass", tsdbResult: "pass") == (.VSC, true))
        #expect(PersonStanding.from(vscResult: "fail", tsdbResult: "pass") == (.TSDBOnly, true))
        #expect(PersonStanding.from(vscResult: "unknown", tsdbResult: "pass") == (.TSDBOnly, false))
        #expect(PersonStanding.from(vscResult: "fail", tsdbResult: "fail") == (.noVSC, true))
        #expect(PersonStanding.from(vscResult: "fail", tsdbResult: "unknown") == (.noVSC, false))
        #expect(PersonStanding.from(vscResult: nil, tsdbResult: nil) == (.noVSC, false))
    }

    @Test("§9-131(h) protects a person with neither a conviction nor a TSDB match, and anyone not known")
    func section9131h() {
        #expect(PersonStanding.protectedBy9131h(.noVSC, known: true))
        #expect(PersonStanding.protectedBy9131h(.noVSC, known: false))
        #expect(PersonStanding.protectedBy9131h(.TSDBOnly, known: false))
        #expect(!PersonStanding.protectedBy9131h(.VSC, known: true))
        #expect(!PersonStanding.protectedBy9131h(.TSDBOnly, known: true))
    }

    @Test("The year ends June 30 unless the calendar year is asked for; quarters are calendar quarters")
    func periods() {
        let fy = ReportingPeriod.annual(year: 2026, calendar: false)
        #expect(fy.start.description == "2025-07-01" && fy.end.description == "2026-06-30")
        #expect(fy.contains(CivilDate(year: 2026, month: 6, day: 30)!) && !fy.contains(CivilDate(year: 2026, month: 7, day: 1)!))
        let cy = ReportingPeriod.annual(year: 2024, calendar: true)
        #expect(cy.start.description == "2024-01-01" && cy.end.description == "2024-12-31")
        #expect(ReportingPeriod.quarter(year: 2024, quarter: 1)?.end.description == "2024-03-31")
        #expect(ReportingPeriod.quarter(year: 2024, quarter: 4)?.start.description == "2024-10-01")
        #expect(ReportingPeriod.quarter(year: 2024, quarter: 5) == nil)
    }

    @Test("Why a hold ended: required to release a held person, defaulted for a lift, refused elsewhere")
    func holdEndCause() {
        #expect(HoldEndCause.resolve(nil, from: .held, to: .released) == .failure(.required))
        #expect(HoldEndCause.resolve(.holdExpired, from: .held, to: .released) == .success(.holdExpired))
        #expect(HoldEndCause.resolve(nil, from: .held, to: .lifted) == .success(.iceDisavowed))
        #expect(HoldEndCause.resolve(.courtOrder, from: .honored, to: .released) == .success(.courtOrder))
        #expect(HoldEndCause.resolve(nil, from: .honored, to: .released) == .success(nil))
        #expect(HoldEndCause.resolve(.other, from: .held, to: .transferred) == .failure(.notApplicable))
        #expect(HoldEndCause.holdExpired.countsAsHeldNotTransferred && HoldEndCause.iceDisavowed.countsAsHeldNotTransferred)
        #expect(!HoldEndCause.courtOrder.countsAsHeldNotTransferred && !HoldEndCause.other.countsAsHeldNotTransferred)
    }

    @Test("Each agency's items, in statute order")
    func items() {
        #expect(AnnualItemDefinition.items(for: .doc).map(\.id) == (1...9).map { "f\($0)" })
        #expect(AnnualItemDefinition.items(for: .nypd).map(\.id) == (1...5).map { "f\($0)" })
        #expect(AnnualItemDefinition.items(for: .dop).map(\.citation).first == "Admin. Code §9-205(f)(1)")
        #expect(AnnualItemDefinition.items(for: .doc).allSatisfy { !$0.datedBy.isEmpty && !$0.reading.isEmpty })
    }
}
