import Testing
@testable import DetainerDomain

/// Issue 10 §7: explanations a lawyer can sign.
struct ExplanationTests {
    static func report(_ request: EvaluationRequest) throws -> EvaluationReport {
        let facts = try request.validated()
        return Evaluator.evaluate(facts).report(for: facts)
    }

    @Test("Text output never shows internal names or codes", arguments: evaluationCases + issue10Cases + issue24Cases)
    func plainText(_ testCase: EvaluationCase) throws {
        let text = try Self.report(testCase.request).renderedText
        let internalWords = ["penalLaw", "cannotTell", "needsReview", "holdPendingWarrant", "NEEDSREVIEW", "violentOrSerious",
                        "judicialWarrant", "terroristScreening", "honorTest", "warrantlessHold", "ruleVersion:"]
            + ReasonCode.allCases.map(\.code)
        for word in internalWords { #expect(!text.contains(word), "\(word) in: \(text)") }
    }

    /// Issue 24 §1, §6: every conflict names both facts that disagree and the provision that
    /// decides, and calls the offense by its kind (a conspiracy is not "an attempt to commit").
    @Test("Conflict texts name both facts and the deciding provision", arguments: [
        ("PL 105.15/120.05", nil, false, ["conspiracy in the second degree", "class A felony", "PL 120.05", "class D felony"], "PL 105.15"),
        ("PL 115.08/160.15", nil, false, ["facilitation in the first degree", "class A felony", "PL 160.15", "class B felony"], "PL 115.08"),
        ("PL 100.10/120.05", nil, false, ["solicitation in the second degree", "class A felony", "PL 120.05"], "PL 100.10"),
        ("PL 105.15/125.25", "C", false, ["a class C felony", "always a class B felony"], "PL 105.15"),
        ("110-120.10", "D", false, ["a class D felony", "PL 110.05", "attempt to commit PL 120.10", "a class C felony"], "PL 110.05"),
        ("PL 140.10", "E", true, ["a class E felony", "PL 485.10", "an A misdemeanor"], "PL 485.10"),
        ("110-120.00", "E", true, ["a class E felony", "PL 485.10", "an A misdemeanor"], "PL 485.10"),
        ("VTL 600(1)", "E", false, ["a class E felony", "a traffic infraction", "VTL 600(1)(c)"], "VTL 600(1)(c)"),
        ("PL 160.15", "misdemeanor", false, ["a misdemeanor", "always a felony", "a class B felony"], "PL 160.15"),
    ] as [(String, String?, Bool, [String], String)])
    func conflictTexts(_ statute: String, _ cls: String?, _ hate: Bool, _ phrases: [String], _ provision: String) throws {
        let report = try Self.report(request([conviction(statute, cls: cls, hate: hate)]))
        #expect(report.outcome == .needsReview)
        let check = try #require(report.checks.first { $0.rule == "convictions[0].offense" })
        #expect(check.reasons == [.felonyClassConflict])
        for phrase in phrases { #expect(check.message.contains(phrase), "\(phrase) not in: \(check.message)") }
        #expect(check.message.contains("contradicts itself") || check.message.contains("is wrong"), "\(check.message)")
        #expect(check.citation.contains(provision), "\(provision) not in: \(check.citation)")
        if !statute.hasPrefix("110") { #expect(!check.message.contains("attempt"), "\(check.message)") }
    }

    @Test("A section out of force is named with its dates and their source")
    func sectionDates() throws {
        let report = try Self.report(request([conviction("PL 135.61", "2017-06-01")]))
        let check = try #require(report.checks.first { $0.rule == "convictions[0].offense" })
        for phrase in ["2017-06-01", "PL 135.61", "in force from 2018-11-13", "L.2018 ch.189", "PL 135.60"] {
            #expect(check.message.contains(phrase), "\(phrase) not in: \(check.message)")
        }
    }

    @Test("A late warrant's check says what happened and when, in New York time with its zone")
    func lateWarrant() throws {
        let report = try Self.report(request([conviction("PL 120.05")], evaluatedOn: "2022-03-07", arrest: "2022-02-20",
                                             receivedOn: "2022-03-01", warrantPresentedAt: "2022-03-07T15:00:00Z"))
        let check = try #require(report.checks.first { $0.rule == "judicialWarrant" })
        #expect(check.message.contains("presented on 2022-03-07 10:00 EST (2022-03-07T15:00:00Z), after the detainer received on 2022-03-01"), "\(check.message)")
        #expect(!check.message.contains("with the detainer."))
    }

    @Test("A youthful-offender adjudication is never called a judgment")
    func youthfulOffender() throws {
        let report = try Self.report(request([conviction("PL 160.15", yo: true)]))
        for check in report.checks where check.rule.hasPrefix("convictions[0]") {
            #expect(!check.message.contains("judgment of 2018"), "\(check.message)")
        }
        #expect(report.checks.contains { $0.message.contains("youthful-offender adjudication") })
    }

    @Test("An NYPD hold with a judicial warrant on file does not speak of a warrant arriving")
    func nypdHoldWithJudicialWarrant() throws {
        let withWarrant = try Self.report(request([conviction("PL 160.15", "2009-06-01")], agency: "NYPD", reentry: true))
        #expect(withWarrant.outcome == .holdPendingWarrant)
        let hold = try #require(withWarrant.checks.first { $0.rule == "warrantlessHold" })
        #expect(!hold.message.contains("without a judicial warrant by then"), "\(hold.message)")
        #expect(hold.message.contains("already on file"))
        let without = try Self.report(request([conviction("PL 160.15", "2009-06-01")], agency: "NYPD", warrant: "none", reentry: true))
        #expect(try #require(without.checks.first { $0.rule == "warrantlessHold" }).message.contains("without a judicial warrant by then"))
    }

    @Test("Declined DOC and DOP detainers have no hold deadline")
    func declinedHasNoDeadline() throws {
        for agency in ["DOC", "DOP"] {
            let report = try Self.report(request(agency: agency, warrant: "none", tsdb: true, releaseAt: "2021-06-01T16:00:00Z"))
            #expect(report.outcome == .decline)
            #expect(report.holdDeadline == nil && !report.renderedText.contains("Hold deadline"))
        }
    }

    /// Issue 24 §3: past its deadline the hold has ended: decline (release), and the text says so.
    @Test("A hold deadline already past on evaluatedOn is said so, and the outcome is release")
    func pastDeadline() throws {
        let past = try Self.report(request(agency: "NYPD", warrant: "none", tsdb: true, evaluatedOn: "2021-06-10",
                                           releaseAt: "2021-06-01T16:00:00Z"))
        #expect(past.outcome == .decline && past.reasons.contains(.holdDeadlinePassed))
        #expect(past.holdDeadlinePassed == true && past.renderedText.contains("already past: the hold has ended"))
        #expect(past.checks.contains { $0.rule == "warrantlessHold" && $0.message.contains("shall be released") })
        let current = try Self.report(request(agency: "NYPD", warrant: "none", tsdb: true, releaseAt: "2021-06-01T16:00:00Z"))
        #expect(current.holdDeadlinePassed == false && !current.renderedText.contains("already past"))
    }
}
