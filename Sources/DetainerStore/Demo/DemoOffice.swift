import DetainerDomain
import SQLite

/// `detainer demo`: a realistic office's two years — users of every role and a few hundred
/// detainers with a mix of warrants, convictions in and out of the list and window, TSDB
/// matches, overrides, lifts, transfers and releases — built through the same audited store
/// calls the commands use, with the clock moved forward event by event.
public struct DemoSummary: Sendable {
    public let detainers: Int
    public let persons: Int
    public let pending: Int
}

extension Demo {
    public static let demoUsers: [(String, Role)] = [
        ("admin", .admin), ("clerk.rivera", .clerk), ("clerk.okafor", .clerk), ("sup.chen", .supervisor),
        ("sup.goldberg", .supervisor), ("auditor.diaz", .auditor),
    ]

    /// Whether this database was made by `detainer demo` (and may be replaced without asking).
    public func isDemo() throws -> Bool {
        try connection.scalarText("SELECT value FROM settings WHERE key = 'demo'") == "true"
    }

    /// Fills an empty, migrated database. `now` is the end of the simulated period.
    public func populateDemo(now: UTCInstant, days: Int = 730, seed: UInt64 = 2014_1214) throws -> DemoSummary {
        var random = SeededRandom(seed: seed)
        // A disposable demo need not survive power loss; it is built ~20× faster without fsyncs.
        try connection.execute("PRAGMA synchronous = NORMAL")
        try connection.run("INSERT INTO settings (key, value) VALUES ('demo', 'true')")
        let start = now.adding(seconds: -Int64(days) * 86_400)
        store.clock = .fixed(start)
        try store.integrity.establish(mode: .training, publicKey: nil)
        let admin = try store.accounts.bootstrapAdmin(name: "admin").user.actor
        var actors: [String: Actor] = ["admin": admin]
        for (name, role) in Self.demoUsers where name != "admin" { actors[name] = try store.accounts.addUser(name: name, role: role, by: admin).actor }
        let clerks = [actors["clerk.rivera"]!, actors["clerk.okafor"]!]
        let supervisors = [actors["sup.chen"]!, actors["sup.goldberg"]!]
        var count = 0
        var pending = 0
        var previous: (request: IntakeRequest, id: Int64)?
        // Everything happens in time order (what follows an intake waits in the agenda until its
        // moment), so audit ids rise with audit times as they would in a real office.
        var agenda = DemoAgenda()
        stageDesk(&agenda, now: now, clerk: clerks[0], supervisors: supervisors)
        stageMoreDesk(&agenda, now: now, clerk: clerks[1], supervisors: supervisors)
        for day in 0..<days {
            let date = NewYorkTime.localDate(at: start.adding(seconds: Int64(day) * 86_400))
            let arrivals = random.chance(0.5) ? (random.chance(0.2) ? 2 : 1) : 0
            let times = (0..<arrivals).map { _ in
                NewYorkTime.resolve(date: date, hour: random.int(7...21), minute: random.int(0...59)).earliest
            }
            for received in times.sorted() {
                guard received < now else { continue }
                try agenda.run(until: received, random: &random, on: store)
                store.clock = .fixed(received)
                let clerk = random.pick(clerks)
                var request = makeIntake(&random, date: date, received: received)
                if let previous, random.chance(0.012) { request = previous.request }  // the same paperwork logged twice
                let intake: IntakeResult
                do {
                    intake = try IntakeService(store).intake(request, by: clerk)
                } catch is DuplicateDetainer {
                    continue  // refused: the first detainer on that custody case is still open (nothing is written)
                }
                count += 1
                if let previous, request == previous.request {
                    _ = try StatusService(store).changeStatus(detainerID: intake.detainerID, to: .enteredInError, at: nil,
                                         note: "duplicate of detainer \(previous.id)", by: clerk)
                    continue
                }
                previous = (request, intake.detainerID)
                let arrest = CivilDate(parsing: request.custody.arrestDate ?? "")!
                agenda.add(received.adding(seconds: Int64(random.int(300...3600)))) { random, agenda in
                    try self.recordHistory(&random, personID: intake.personID, arrest: arrest, by: clerk)
                }
                let age = now.secondsSinceEpoch - received.secondsSinceEpoch
                // The last days' detainers are still in the queue, and now and then one was
                // forgotten for a week or two (never for months: the demo should look current).
                let forgotten = random.chance(0.015)
                if age < 5 * 86_400 || (forgotten && age < 16 * 86_400) { pending += 1; continue }
                let decideAt = received.adding(seconds: Int64(random.int(3600...30 * 3600)))
                scheduleDecision(&random, &agenda, detainerID: intake.detainerID, request: request, at: decideAt,
                                 until: now, supervisors: supervisors, clerks: clerks)
            }
        }
        try agenda.run(until: now, random: &random, on: store)  // what is due after now has not happened yet
        store.clock = .fixed(now)
        let persons = Int(try connection.scalarInt("SELECT count(*) FROM persons") ?? 0)
        return DemoSummary(detainers: count, persons: persons, pending: pending)
    }

    private func makeIntake(_ random: inout SeededRandom, date: CivilDate, received: UTCInstant) -> IntakeRequest {
        let origin = random.pick(DemoPeople.names)
        let name = "\(random.pick(origin.given)) \(random.pick(origin.family))"
        let doc = random.chance(0.6)
        let arrest = date.adding(days: doc ? -random.int(1...60) : -random.int(0...1))
        let release = doc
            ? NewYorkTime.resolve(date: date.adding(days: random.int(3...45)), hour: 10, minute: 0).earliest
            : received.adding(seconds: Int64(random.int(4...20) * 3600))
        let warrantRoll = Double.random(in: 0..<1, using: &random)
        let warrant = warrantRoll < 0.68 ? "none" : warrantRoll < 0.84 ? "administrative" : "judicial"
        var boxes: [String] = []
        if random.chance(0.8) { boxes.append("biometricMatch") }
        if random.chance(0.3) { boxes.append("removalProceedings") }
        if random.chance(0.25) { boxes.append("finalOrder") }
        if random.chance(0.2) { boxes.append("statements") }
        let dob = CivilDate(year: date.year - random.int(19...58), month: random.int(1...12), day: random.int(1...28))!
        return IntakeRequest(
            person: .init(name: name, dateOfBirth: dob.description,
                          nysid: random.chance(0.85) ? "\(random.int(10_000_000...99_999_999))\(random.pick(Array("ABCDEFGHJKLMNPQRSTUVWXYZ")))" : nil,
                          aNumber: random.chance(0.6) ? "A\(random.int(100_000_000...299_999_999))" : nil,
                          countryOfBirth: origin.country),
            custody: .init(agency: (doc ? Agency.doc : Agency.nypd).rawValue, bookingNumber: "\(doc ? "341" : "K")\(random.int(10_000_000...99_999_999))",
                           facility: random.pick(doc ? DemoPeople.docFacilities : DemoPeople.nypdFacilities),
                           arrestDate: arrest.description, scheduledReleaseAt: release.description),
            detainer: .init(form: "I-247A", iceSubjectId: "\(random.int(1_000_000_000...1_999_999_999))",
                            eventNumber: "NYC\(random.int(10_000_000...99_999_999))", issuingOffice: random.pick(DemoPeople.offices),
                            preparedOn: date.description, receivedAt: received.description, probableCause: boxes,
                            warrant: .init(type: warrant, issuer: warrant == "judicial" ? random.pick(DemoPeople.judges) : (warrant == "administrative" ? "ICE SDDO (Form I-200)" : nil),
                                           date: warrant == "none" ? nil : date.description),
                            terroristScreeningMatch: random.chance(0.015),
                            illegalReentryAfterRemoval: random.chance(0.7) ? random.chance(0.2) : nil))
    }

    /// The clerk records what the criminal-history search shows, which re-evaluates the detainer.
    private func recordHistory(_ random: inout SeededRandom, personID: Int64, arrest: CivilDate, by clerk: Actor) throws {
        let known = try connection.scalarInt("SELECT count(*) FROM convictions WHERE person_id = ?", personID) ?? 0
        guard known == 0, !random.chance(0.3) else { return }
        for _ in 0..<random.int(1...3) {
            let kind = Double.random(in: 0..<1, using: &random)
            let convicted = arrest.adding(days: -random.int(200...4000))
            var input: ConvictionInput
            if kind < 0.45 {
                let (statute, grade) = random.pick(DemoPeople.listed)
                input = ConvictionInput(statute: statute, convictedOn: convicted.description, felonyClass: grade,
                                        youthfulOffender: random.chance(0.05), incarceratedDaysForThisCrime: random.chance(0.4) ? random.int(30...900) : 0)
            } else if kind < 0.65 {
                let (statute, grade) = random.pick(DemoPeople.unlisted)
                input = ConvictionInput(statute: statute, convictedOn: convicted.description, felonyClass: grade)
            } else if kind < 0.93 {
                let (statute, grade) = random.pick(DemoPeople.minor)
                input = ConvictionInput(statute: statute, convictedOn: convicted.description, felonyClass: grade)
            } else {
                let equivalent = random.chance(0.6)
                input = ConvictionInput(statute: "N.J.S.A. 2C:12-1b", convictedOn: convicted.description, felonyClass: "D",
                                        jurisdiction: "otherState", nyEquivalent: equivalent ? "PL 120.05" : nil,
                                        authorizedTermOverOneYear: equivalent ? true : nil)
            }
            // Sentence (which completes the judgment, CPL 1.20(15)) a few weeks after the plea;
            // a few pleas still await sentence.
            if random.chance(0.04) {
                input.awaitingSentence = true
            } else {
                input.sentencedOn = convicted.adding(days: random.int(14...70)).description
            }
            if random.chance(0.03) {  // dates not yet on the record
                input.convictedOn = nil
                input.sentencedOn = nil
                input.awaitingSentence = nil
            }
            _ = try HistoryService(store).addConviction(personID: personID, ConvictionEntry(input: input), by: clerk)
        }
        if random.chance(0.5) {
            _ = try HistoryService(store).addPendingCharge(personID: personID, statute: random.pick(DemoPeople.charges), chargedOn: arrest,
                                     custodyCaseID: nil, by: clerk)
        }
    }

    /// A supervisor decides; then ICE comes, or doesn't. Each step waits in the agenda for its time.
    private func scheduleDecision(_ random: inout SeededRandom, _ agenda: inout DemoAgenda, detainerID: Int64, request: IntakeRequest,
                                  at: UTCInstant, until now: UTCInstant, supervisors: [Actor], clerks: [Actor]) {
        let clerk = random.pick(clerks)
        if random.chance(0.03) {
            agenda.add(at) { _, _ in
                _ = try StatusService(store).changeStatus(detainerID: detainerID, to: .lifted, at: nil, note: "ICE withdrew the detainer (Form I-247A cancelled)", by: clerk)
            }
            return
        }
        if random.chance(0.15) {
            agenda.add(at.adding(seconds: -1800)) { _, _ in
                let ask = try StatusService(store).recordContact(detainerID: detainerID, ContactRequest(
                    direction: .incoming, kind: .informationRequest, summary: "ICE asked for the release date",
                    informationType: .releaseDate), by: clerk)
                // The city answers only for a person with a violent or serious conviction; otherwise it declines.
                let qualifies = try DetainerRecord.fetch(self.connection, id: detainerID)?.reasons?.codes.contains(.qualifyingConviction) == true
                var answer = ContactRequest(
                    direction: .outgoing, kind: .informationResponse,
                    summary: qualifies ? "Release date given (violent or serious conviction)" : "Declined: no violent or serious conviction",
                    informationType: .releaseDate, inReplyTo: ask.contactID)
                answer.responseOutcome = qualifies ? .provided : .declined
                _ = try StatusService(store).recordContact(detainerID: detainerID, answer, by: clerk)
            }
        }
        agenda.add(at) { random, agenda in
            let supervisor = random.pick(supervisors)
            let outcome = Outcome(rawValue: try self.connection.scalarText("SELECT outcome FROM detainers WHERE id = ?", detainerID) ?? "") ?? .needsReview
            // The demo's supervisors review what the simulated search left (often nothing on
            // record: most people have no convictions); they confirm, as a real one must.
            let confirmed = true
            let result: ReviewResult
            switch outcome {
            case .needsReview:
                let honor = random.chance(0.25)
                let reason = random.pick(DemoPeople.decideReasons)
                if honor {
                    // Honoring against the engine takes two supervisors (issue 23 §3): one proposes, the other approves.
                    let proposal = try ProposalService(store).propose(detainerID: detainerID, .review(.honor, reason: reason), by: supervisor)
                    let second = supervisors.first { $0 != supervisor }!
                    guard case .review(let approved) = try ProposalService(store).approve(proposalID: proposal.id, note: nil, by: second).1 else { return }
                    result = approved
                } else {
                    result = try ReviewService(store).review(detainerID: detainerID, .decide(.decline, reason: reason), confirmedWithoutSearch: confirmed, by: supervisor)
                }
            case .permitted where random.chance(0.12):
                result = try ReviewService(store).review(detainerID: detainerID, .decide(.decline, reason: random.pick(DemoPeople.overrideReasons)), confirmedWithoutSearch: confirmed, by: supervisor)
            default:
                // The simulated supervisor has read the deadline: a demo review that falls after it
                // is recorded as the office would after confirming (issue 25 §2), not refused.
                result = try ReviewService(store).review(detainerID: detainerID, .approve(reason: nil), confirmedWithoutSearch: confirmed, confirmedAfterDeadline: true, by: supervisor)
            }
            guard result.decision == .honor else { return }
            let release = UTCInstant(parsing: request.custody.scheduledReleaseAt ?? "") ?? at
            let base = max(release, at)
            let roll = Double.random(in: 0..<1, using: &random)
            // Holds (status held) begin at the scheduled release; the 48 hours exclude weekends and
            // holidays (8 CFR 287.7(d)), so a hold's end is placed from its own deadline.
            let deadline = HoldDeadline.plain(scheduledRelease: base)
            let toDeadline = Int(deadline.secondsSinceEpoch - base.secondsSinceEpoch)
            let (status, offset, note, cause, held): (DetainerStatus, Int, String, HoldEndCause?, Bool) =
                roll < 0.50 ? (.transferred, 0, "ICE officers took custody at the release (notified of it)", nil, false) :
                roll < 0.72 ? (.transferred, random.int(1...30) * 3600, "ICE officers took custody", nil, true) :
                roll < 0.86 ? (.released, toDeadline + 3600, "The 48-hour hold expired without a transfer; released", .holdExpired, true) :
                roll < 0.94 ? (.lifted, random.int(1...20) * 3600, "ICE cancelled the detainer", .iceDisavowed, true) :
                              (.released, toDeadline + random.int(2...22) * 3600, "Released late: ICE did not arrive", .other, true)
            if request.custody.agency == Agency.doc.rawValue {
                agenda.add(max(base.adding(seconds: -3600), at.adding(seconds: 60))) { _, _ in
                    _ = try StatusService(store).recordContact(detainerID: detainerID, ContactRequest(
                        direction: .outgoing, kind: .releaseNotification, summary: "Notified ICE of the scheduled release"), by: clerk)
                }
            }
            if held {
                agenda.add(base) { _, _ in
                    _ = try StatusService(store).changeStatus(detainerID: detainerID, to: .held, at: nil, note: "Kept past the release for ICE", by: clerk)
                }
            }
            agenda.add(base.adding(seconds: Int64(offset) + (held && offset == 0 ? 60 : 0))) { _, _ in
                _ = try StatusService(store).changeStatus(detainerID: detainerID, to: status, at: nil, note: note, cause: cause, by: clerk)
            }
        }
    }
}

/// The demo's future: steps scheduled for later moments, run in time order (then in the order
/// they were scheduled) with the store's clock set to each step's moment.
struct DemoAgenda {
    typealias Step = (inout SeededRandom, inout DemoAgenda) throws -> Void
    private var items: [(at: UTCInstant, order: Int, step: Step)] = []
    private var added = 0

    mutating func add(_ at: UTCInstant, _ step: @escaping Step) {
        added += 1
        items.append((at, added, step))
    }

    /// Runs every step due at or before `limit`, including steps those steps schedule.
    mutating func run(until limit: UTCInstant, random: inout SeededRandom, on db: DetainerDatabase) throws {
        while let index = items.indices.min(by: { (items[$0].at, items[$0].order) < (items[$1].at, items[$1].order) }),
              items[index].at <= limit {
            let item = items.remove(at: index)
            db.clock = .fixed(item.at)
            try item.step(&random, &self)
        }
    }
}
