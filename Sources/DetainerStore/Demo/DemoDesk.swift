import DetainerDomain

/// The demo's desk this morning (issue 25 §5): besides what the simulated years left open, a few
/// cases staged so that every kind of open item a new user should see is there — a pending
/// review the engine could not decide, one whose criminal-history search is not yet recorded, an
/// honored detainer awaiting ICE, and a hold racing its deadline. Made with the same audited
/// store calls, each at its own moment before `now`.
extension Demo {
    /// Adds the staged cases to the agenda, so they happen in time order with the rest.
    func stageDesk(_ agenda: inout DemoAgenda, now: UTCInstant, clerk: Actor, supervisors: [Actor]) {
        let today = now.newYorkDate
        let judge = DemoPeople.judges[0]

        // 1. A hold racing its deadline: honored, kept past its release for ICE, with the least
        // time left that is still at least five hours (48 business hours skip weekends and
        // holidays, so on a Saturday the nearest deadline is Monday's).
        var release = now.adding(seconds: -3600)
        var heldAt = release
        for _ in 0..<168 {
            guard HoldDeadline.plain(scheduledRelease: release).secondsSinceEpoch >= now.secondsSinceEpoch + 5 * 3600 else { break }
            heldAt = release
            release = release.adding(seconds: -3600)
        }
        release = heldAt
        stage(&agenda, name: "Kofi Mensah", dob: "1988-06-14", booking: "3412600101", arrest: today.adding(days: -9),
              release: release, received: release.adding(seconds: -3 * 86_400), warrant: "judicial", judge: judge,
              conviction: ("PL 160.15", "B", today.adding(days: -900)), clerk: clerk) { id, agenda in
            agenda.add(heldAt.adding(seconds: -2 * 86_400)) { _, _ in
                _ = try ReviewService(store).review(detainerID: id, .approve(reason: nil), by: supervisors[0])
            }
            agenda.add(heldAt.adding(seconds: 120)) { _, _ in
                _ = try StatusService(store).changeStatus(detainerID: id, to: .held, at: heldAt, note: "Kept past the release for ICE", by: clerk)
            }
        }

        // 2. Honored, awaiting ICE at the release two days from now.
        stage(&agenda, name: "Olena Kovalenko", dob: "1979-11-02", booking: "3412600102", arrest: today.adding(days: -20),
              release: now.adding(seconds: 2 * 86_400), received: now.adding(seconds: -26 * 3600), warrant: "judicial", judge: judge,
              conviction: ("PL 120.10", "B", today.adding(days: -1200)), clerk: clerk) { id, agenda in
            agenda.add(now.adding(seconds: -5 * 3600)) { _, _ in
                _ = try ReviewService(store).review(detainerID: id, .approve(reason: nil), by: supervisors[1])
            }
        }

        // 3. Received this morning; the criminal-history search is not recorded yet.
        stage(&agenda, name: "Luis Peña", dob: "1995-03-30", booking: "3412600103", arrest: today.adding(days: -2),
              release: now.adding(seconds: 6 * 86_400), received: now.adding(seconds: -3 * 3600), warrant: "administrative",
              judge: nil, conviction: nil, clerk: clerk) { _, _ in }

        // 4. The engine could not decide: the sentence on a listed felony is not on the record.
        stage(&agenda, name: "Fatoumata Diallo", dob: "1990-01-19", booking: "3412600104", arrest: today.adding(days: -5),
              release: now.adding(seconds: 4 * 86_400), received: now.adding(seconds: -7 * 3600), warrant: "judicial", judge: judge,
              conviction: ("PL 120.05", "D", today.adding(days: -700)), sentenced: false, clerk: clerk) { _, _ in }
    }

    /// More of a morning's work: reviews of every kind and one more honored detainer.
    func stageMoreDesk(_ agenda: inout DemoAgenda, now: UTCInstant, clerk: Actor, supervisors: [Actor]) {
        let today = now.newYorkDate
        let judge = DemoPeople.judges[1]
        // The engine permits honoring: a supervisor approves or overrides.
        stage(&agenda, name: "Ahmed Rahman", dob: "1983-08-08", booking: "3412600105", arrest: today.adding(days: -12),
              release: now.adding(seconds: 3 * 86_400), received: now.adding(seconds: -4 * 3600), warrant: "judicial", judge: judge,
              conviction: ("PL 125.20", "B", today.adding(days: -1500)), clerk: clerk) { _, _ in }
        // An administrative warrant: the engine declines, a supervisor confirms.
        stage(&agenda, name: "Rosa Domínguez", dob: "1992-12-01", booking: "3412600106", arrest: today.adding(days: -3),
              release: now.adding(seconds: 5 * 86_400), received: now.adding(seconds: -9 * 3600), warrant: "administrative", judge: nil,
              conviction: ("PL 160.10", "C", today.adding(days: -800)), clerk: clerk) { _, _ in }
        // The TSDB search result is not recorded: needs review.
        stage(&agenda, name: "Jun Wang", dob: "1986-04-22", booking: "3412600107", arrest: today.adding(days: -7),
              release: now.adding(seconds: 8 * 86_400), received: now.adding(seconds: -30 * 3600), warrant: "judicial", judge: judge,
              conviction: ("PL 265.03", "C", today.adding(days: -600)), tsdb: nil, clerk: clerk) { _, _ in }
        // Honored yesterday; ICE is expected at Friday's release.
        stage(&agenda, name: "Wideline Pierre", dob: "1977-07-15", booking: "3412600108", arrest: today.adding(days: -30),
              release: now.adding(seconds: 5 * 86_400), received: now.adding(seconds: -50 * 3600), warrant: "judicial", judge: judge,
              conviction: ("PL 130.35", "B", today.adding(days: -1700)), clerk: clerk) { id, agenda in
            agenda.add(now.adding(seconds: -20 * 3600)) { _, _ in
                _ = try ReviewService(store).review(detainerID: id, .approve(reason: nil), by: supervisors[0])
            }
        }
        // Just logged: the search is not recorded yet.
        stage(&agenda, name: "Oleksandr Bondarenko", dob: "1998-02-11", booking: "3412600109", arrest: today.adding(days: -1),
              release: now.adding(seconds: 10 * 86_400), received: now.adding(seconds: -3600), warrant: "judicial", judge: judge,
              conviction: nil, clerk: clerk) { _, _ in }
    }

    /// One DOC intake at `received`, its conviction half an hour later, then `then` with its id.
    private func stage(_ agenda: inout DemoAgenda, name: String, dob: String, booking: String, arrest: CivilDate, release: UTCInstant,
                       received: UTCInstant, warrant: String, judge: String?, conviction: (String, String, CivilDate)?,
                       sentenced: Bool = true, tsdb: Bool? = false, clerk: Actor, then: @escaping (Int64, inout DemoAgenda) -> Void) {
        agenda.add(received) { _, agenda in
            let request = IntakeRequest(
                person: .init(name: name, dateOfBirth: dob),
                custody: .init(agency: Agency.doc.rawValue, bookingNumber: booking, facility: DemoPeople.docFacilities[0],
                               arrestDate: arrest.description, scheduledReleaseAt: release.description),
                detainer: .init(form: "I-247A", issuingOffice: DemoPeople.offices[0], preparedOn: received.newYorkDate.description,
                                receivedAt: received.description, probableCause: ["biometricMatch"],
                                warrant: .init(type: warrant, issuer: judge ?? (warrant == "administrative" ? "ICE SDDO (Form I-200)" : nil),
                                               date: received.newYorkDate.description),
                                terroristScreeningMatch: tsdb, illegalReentryAfterRemoval: false))
            let intake = try IntakeService(store).intake(request, by: clerk)
            if let conviction {
                agenda.add(received.adding(seconds: 1800)) { _, _ in
                    let (statute, grade, convicted) = conviction
                    var input = ConvictionInput(statute: statute, convictedOn: convicted.description, felonyClass: grade,
                                                youthfulOffender: false, incarceratedDaysForThisCrime: 0)
                    if sentenced { input.sentencedOn = convicted.adding(days: 42).description }
                    _ = try HistoryService(store).addConviction(personID: intake.personID, ConvictionEntry(input: input), by: clerk)
                }
            }
            then(intake.detainerID, &agenda)
        }
    }
}
