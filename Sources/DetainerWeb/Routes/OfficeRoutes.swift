import DetainerDomain
import DetainerStore
import Hummingbird

/// The pages clerks and supervisors work in: the queue, a detainer and its forms, intake.
/// Every write names the signed-in user and goes through `authorize` (the CLI's role check) in
/// the same serial write as the workflow itself.
enum OfficeRoutes {
    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/queue") { request, context in
            let session = try context.requireSession()
            let filter = try queueFilter(request)
            let (queue, proposals) = try await office.read { db in (try db.queries.actionQueue(filter), try ProposalService(db).pending()) }
            return Responses.html(QueuePage.render(queue, filter: filter, session: session, proposals: proposals))
        }

        routes.get("/detainers/{id}") { request, context in
            let session = try context.requireSession()
            let id = try context.id()
            let detail = try await office.read { db in try db.queries.detail(detainerID: id) }
            return Responses.html(DetainerPage.render(detail, session: session, now: office.clock.now(), notice: request.uri.queryParameters.get("done").flatMap(notice)))
        }

        routes.get("/intake") { _, context in
            let session = try context.requireSession()
            try await office.permit(session, .intake)
            return Responses.html(IntakePage.render(session: session, form: nil, errors: [:]))
        }

        routes.post("/intake") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .intake)
            let form = try await FormData.read(request, context: context)
            let rows = IntakeHistoryFields.filledRows(form)
            do {
                var request = FormRequests.intake(form)
                try IntakeHistoryFields.read(form, rows: rows, into: &request)
                let intake = request
                let reason = try FormRequests.duplicateReason(form)
                let result = try await office.write { db in
                    try IntakeService(db).intake(intake, duplicateReason: reason, by: try db.accounts.authorize(session.user.name, for: .intake))
                }
                return Responses.redirect(to: "/detainers/\(result.detainerID)?done=intake")
            } catch let duplicate as DuplicateDetainer {
                return Responses.html(IntakePage.render(session: session, form: form, errors: [:], duplicate: duplicate),
                                      status: Problem(duplicate).status)
            } catch {
                guard let errors = FormRequests.fieldErrors(error) else { throw error }
                return Responses.html(IntakePage.render(session: session, form: form, errors: IntakeHistoryFields.remap(errors, rows: rows)),
                                      status: Problem(error).status)
            }
        }

        // The role is checked before the form is read: a refused user gets 403 whatever they sent.
        // An act the four-eyes rule reserves for two people becomes a proposal (nothing else is written).
        detainerForm(routes, office: office, path: "/detainers/{id}/review", form: "review", permission: .review) { form, id, actor, db in
            let request = try FormRequests.review(form)
            do {
                _ = try ReviewService(db).review(detainerID: id, request, confirmedWithoutSearch: form[HistorySearch.confirmationField] == "yes",
                                                 confirmedAfterDeadline: form["confirmAfterDeadline"] == "1", by: actor)
            } catch let needed as SecondPersonRequired {
                guard case .decide(let decision, let reason) = request else { throw needed }
                _ = try ProposalService(db).propose(detainerID: id, .review(decision, reason: reason), by: actor)
                return "proposed"
            }
            return nil
        }
        detainerForm(routes, office: office, path: "/detainers/{id}/status", form: "status", permission: .changeStatus) { form, id, actor, db in
            let change = try FormRequests.status(form)
            do {
                let done = try StatusService(db).changeStatus(detainerID: id, to: change.to, at: change.at, note: change.note, cause: change.cause, by: actor)
                // A hold that ended late says how it ended (issue 25 §2).
                if done.afterDeadline { return done.to == .transferred ? "late-transfer" : "late-release" }
            } catch is SecondPersonRequired {
                _ = try ProposalService(db).propose(detainerID: id, .status(change.to, at: change.at, note: change.note ?? ""), by: actor)
                return "proposed"
            }
            return nil
        }
        detainerForm(routes, office: office, path: "/detainers/{id}/proposals/{proposal}/approve", form: "approve", permission: .review) { form, id, actor, db in
            let proposalID = try proposalOf(detainer: id, form, db)
            _ = try ProposalService(db).approve(proposalID: proposalID, note: form.nonEmpty("note"),
                                                confirmedAfterDeadline: form["confirmAfterDeadline"] == "1", by: actor)
            return nil
        }
        // Rejecting someone else's proposal needs the review permission; withdrawing one's own does not (the service checks).
        detainerForm(routes, office: office, path: "/detainers/{id}/proposals/{proposal}/reject", form: "reject", permission: nil) { form, id, actor, db in
            let proposalID = try proposalOf(detainer: id, form, db)
            _ = try ProposalService(db).reject(proposalID: proposalID, note: form.nonEmpty("note"), by: actor)
            return nil
        }
        detainerForm(routes, office: office, path: "/detainers/{id}/contacts", form: "contact", permission: .recordContact) { form, id, actor, db in
            _ = try StatusService(db).recordContact(detainerID: id, try FormRequests.contact(form), by: actor)
            return nil
        }
        detainerForm(routes, office: office, path: "/detainers/{id}/convictions", form: "conviction-add", permission: .recordHistory) { form, id, actor, db in
            let entry = try FormRequests.conviction(form)
            let history = HistoryService(db)
            guard let personID = try history.personID(ofDetainer: id) else {
                throw ValidationIssue(path: "person", message: "detainer \(id) has no person on record to add a conviction to")
            }
            _ = try history.addConviction(personID: personID, entry, by: actor)
            return nil
        }
        detainerForm(routes, office: office, path: "/detainers/{id}/convictions/{conviction}", form: "conviction", permission: .recordHistory) { form, id, actor, db in
            let entry = try FormRequests.conviction(form)
            guard let convictionID = form["_conviction"].flatMap(Int64.init) else { throw WebError.notFound }
            let history = HistoryService(db)
            // A conviction reached through another person's detainer does not exist at this address.
            guard let owner = try history.personID(ofConviction: convictionID), owner == (try history.personID(ofDetainer: id)) else {
                throw WebError.notFound
            }
            _ = try history.updateConviction(id: convictionID, changes: entry, by: actor)
            return nil
        }
    }

    /// The proposal named in the path, which must be about the detainer in the path (else 404).
    private static func proposalOf(detainer id: Int64, _ form: FormData, _ db: DetainerDatabase) throws -> Int64 {
        guard let proposalID = form["_proposal"].flatMap(Int64.init),
              try ProposalService(db).proposal(id: proposalID)?.detainerID == id else { throw WebError.notFound }
        return proposalID
    }

    static func queueFilter(_ request: Request) throws -> QueueFilter {
        let query = request.uri.queryParameters
        var agency: Agency?
        if let text = query.get("agency"), !text.isEmpty {
            guard let value = Agency(typed: text) else {
                throw ValidationIssue(path: "agency", message: "unknown value \"\(text)\" (expected \(Agency.spelledOut))")
            }
            agency = value
        }
        var outcome: Outcome?
        if let text = query.get("outcome"), !text.isEmpty {
            guard let value = Outcome(anyCase: text) else {
                throw ValidationIssue(path: "outcome", message: "unknown value \"\(text)\" (expected \(Outcome.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            outcome = value
        }
        // Only "1" (overdue only) or "0"/nothing (all): anything else is a mistake, never "all".
        let overdue = query.get("overdue") ?? ""
        guard ["", "0", "1"].contains(overdue) else {
            throw ValidationIssue(path: "overdue", message: "expected 1 (overdue only) or 0 (all), not \"\(overdue)\"")
        }
        return QueueFilter(agency: agency, outcome: outcome, overdueOnly: overdue == "1")
    }

    static func notice(_ done: String) -> String? {
        switch done {
        case "intake": "Detainer recorded and evaluated; it is now pending review."
        case "review": "Review recorded."
        case "status": "Status changed."
        case "late-transfer": "Status changed. Transferred AFTER the hold deadline: held longer than the law allows; recorded as such."
        case "late-release": "Status changed. Released AFTER the hold deadline without a transfer; recorded as such."
        case "contact": "Contact recorded."
        case "conviction-add", "conviction": "Conviction recorded; the person's open detainers were re-evaluated."
        case "proposed": "Not yet in effect: this needs a second person. It is recorded as a proposal and waits in the queue for another supervisor."
        case "approve": "Proposal approved: the act is now in effect, in your name beside the proposer's."
        case "reject": "Proposal closed; nothing else changed."
        case "document": "Document attached; its SHA-256 is on record."
        case "document-withdrawn": "Document withdrawn; it stays on record."
        default: nil
        }
    }

    /// A POST from a form on the detainer page: on success back to the page (303) with a notice;
    /// on a validation error the page again, the form open with its input and errors (422).
    /// Permission and other errors go to `ErrorMiddleware` (403 …) with nothing written.
    /// `write` returns the notice to show instead of the form's own (nil: the form's), and
    /// `permission` nil means any active user (the service decides).
    private static func detainerForm(_ routes: RouteBook, office: Office, path: String, form name: String, permission: Permission?,
                                     _ write: @escaping @Sendable (FormData, Int64, Actor, DetainerDatabase) throws -> String?) {
        routes.post(path) { request, context in
            let session = try context.requireSession()
            let id = try context.id()
            var form = try await FormData.read(request, context: context)
            var formName = name
            if let conviction = context.parameters.get("conviction") {
                form.set("_conviction", conviction)
                formName = "conviction-\(conviction)"
            }
            if let proposal = context.parameters.get("proposal") {
                form.set("_proposal", proposal)
                formName = "\(name)-\(proposal)"
            }
            let submitted = form
            do {
                let done = try await office.write { db in
                    let actor = try permission.map { try db.accounts.authorize(session.user.name, for: $0) } ?? db.accounts.activeActor(named: session.user.name)
                    return try write(submitted, id, actor, db)
                }
                return Responses.redirect(to: "/detainers/\(id)?done=\(done ?? name)")
            } catch {
                guard let errors = FormRequests.fieldErrors(error) else { throw error }
                let detail = try await office.read { db in try db.queries.detail(detainerID: id) }
                var values: [String: String] = [:]
                for (key, value) in submitted.pairs where key != SessionMiddleware.csrfField { values[key] = value }
                let state = DetainerPage.FormState(form: formName, values: values, errors: errors,
                                                   message: FieldLabels.summary("Nothing was recorded: ", errors))
                return Responses.html(DetainerPage.render(detail, session: session, now: office.clock.now(), state: state), status: .unprocessableContent)
            }
        }
    }
}
