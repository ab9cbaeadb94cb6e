import DetainerDomain
import DetainerStore
import Foundation
import Hummingbird

/// `/api/v1`: the same operations as the pages, as JSON, with the same sessions, CSRF header
/// (`X-CSRF-Token`) and role checks. Documented in `Sources/DetainerWeb/openapi.yaml`; a test
/// keeps the two in step.
enum APIRoutes {
    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/api/v1/session") { _, context in
            let session = try context.requireSession()
            return Responses.json(.object(["user": APIJSON.user(session.user), "csrfToken": .string(session.csrfToken),
                                           "idleTimeoutSeconds": .int(AccountPolicy.idleTimeoutSeconds)]))
        }

        routes.get("/api/v1/queue") { request, context in
            _ = try context.requireSession()
            try APIQuery.refuseEmpty(request)
            let filter = try OfficeRoutes.queueFilter(request)
            let queue = try await office.read { try $0.queries.actionQueue(filter) }
            return Responses.json(APIJSON.actionQueue(queue))
        }

        routes.get("/api/v1/detainers/{id}") { _, context in
            _ = try context.requireSession()
            let id = try context.id()
            let detail = try await office.read { try $0.queries.detail(detainerID: id) }
            return Responses.json(detail.json)
        }

        routes.post("/api/v1/detainers") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .intake)
            let body = try IntakeBody.decode(try await APIBody.data(request, context: context))
            let result = try await office.write { db in
                try IntakeService(db).intake(body.intake, duplicateReason: body.duplicateReason, by: try db.accounts.authorize(session.user.name, for: .intake))
            }
            var response = Responses.json(result.json, status: .created)
            response.headers[.location] = "/api/v1/detainers/\(result.detainerID)"
            return response
        }

        routes.post("/api/v1/detainers/{id}/review") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .review)
            let id = try context.id()
            let body = try await APIBody.decode(ReviewInput.self, request, context: context)
            let review = try body.validated()
            let answer: (JSONValue, HTTPResponse.Status) = try await office.write { db in
                let actor = try db.accounts.authorize(session.user.name, for: .review)
                do {
                    return (try ReviewService(db).review(detainerID: id, review, confirmedWithoutSearch: body.confirmNoSearch ?? false,
                                                         confirmedAfterDeadline: body.confirmAfterDeadline == true, by: actor).json, .created)
                } catch let needed as SecondPersonRequired {
                    // Nothing was written; the decision becomes a proposal for a second supervisor (202: not yet in effect).
                    guard case .decide(let decision, let reason) = review else { throw needed }
                    return (try ProposalService(db).propose(detainerID: id, .review(decision, reason: reason), by: actor).json, .accepted)
                }
            }
            return Responses.json(answer.0, status: answer.1)
        }

        routes.post("/api/v1/detainers/{id}/status") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .changeStatus)
            let id = try context.id()
            let change = try await APIBody.decode(StatusChangeInput.self, request, context: context).validated()
            let (to, at, note, cause) = (change.to, change.at, change.note, change.cause)
            let answer: (JSONValue, HTTPResponse.Status) = try await office.write { db in
                let actor = try db.accounts.authorize(session.user.name, for: .changeStatus)
                do {
                    return (try StatusService(db).changeStatus(detainerID: id, to: to, at: at, note: note, cause: cause, by: actor).json, .created)
                } catch is SecondPersonRequired {
                    // Nothing was written; the change becomes a proposal for a supervisor (202: not yet in effect).
                    return (try ProposalService(db).propose(detainerID: id, .status(to, at: at, note: note ?? ""), by: actor).json, .accepted)
                }
            }
            return Responses.json(answer.0, status: answer.1)
        }

        routes.get("/api/v1/proposals") { _, context in
            _ = try context.requireSession()
            let pending = try await office.read { db in try ProposalService(db).pending() }
            return Responses.json(.object(["proposals": .array(pending.map(\.json))]))
        }

        routes.post("/api/v1/proposals/{id}/approve") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .review)
            let id = try context.id()
            let body = try await APIBody.decode(ApprovalBody.self, request, context: context)
            let json = try await office.write { db in
                let (proposal, effect) = try ProposalService(db).approve(proposalID: id, note: body.note, confirmedAfterDeadline: body.confirmAfterDeadline == true,
                                                                         by: try db.accounts.authorize(session.user.name, for: .review))
                return JSONValue.object(["proposal": proposal.json, "effect": effect.json])
            }
            return Responses.json(json, status: .created)
        }

        routes.post("/api/v1/proposals/{id}/reject") { request, context in
            let session = try context.requireSession()
            let id = try context.id()
            let body = try await APIBody.decode(ProposalBody.self, request, context: context)
            let json = try await office.write { db in
                try ProposalService(db).reject(proposalID: id, note: body.note, by: try db.accounts.activeActor(named: session.user.name)).json
            }
            return Responses.json(json)
        }

        routes.post("/api/v1/detainers/{id}/contacts") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .recordContact)
            let id = try context.id()
            let contact = try await APIBody.decode(ContactInput.self, request, context: context).validated()
            let result = try await office.write { db in
                try StatusService(db).recordContact(detainerID: id, contact, by: try db.accounts.authorize(session.user.name, for: .recordContact))
            }
            return Responses.json(result.json(detainerID: id), status: .created)
        }

        routes.post("/api/v1/detainers/{id}/convictions") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .recordHistory)
            let id = try context.id()
            let entry = try await APIBody.decode(ConvictionBody.self, request, context: context).entry
            let change = try await office.write { db in
                let actor = try db.accounts.authorize(session.user.name, for: .recordHistory)
                let history = HistoryService(db)
                guard let personID = try history.personID(ofDetainer: id) else {
                    throw ValidationIssue(path: "$", message: "detainer \(id) has no person on record to add a conviction to")
                }
                return try history.addConviction(personID: personID, entry, by: actor)
            }
            return Responses.json(change.json(recordKey: "convictionID"), status: .created)
        }

        routes.post("/api/v1/convictions/{id}") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .recordHistory)
            let id = try context.id()
            let entry = try await APIBody.decode(ConvictionBody.self, request, context: context).entry
            let change = try await office.write { db in
                try HistoryService(db).updateConviction(id: id, changes: entry, by: try db.accounts.authorize(session.user.name, for: .recordHistory))
            }
            return Responses.json(change.json(recordKey: "convictionID"))
        }
    }
}

/// `{"conviction": {…the evaluate contract's convictions[] fields…}, "court": "…", "docketNumber": "…"}`.
/// `{"note": "…"}` for approving (optional) or rejecting (required) a proposal.
struct ProposalBody: Decodable, KnownKeys {
    let note: String?
    static let knownKeys: Set<String> = ["note"]
}

/// `{"note": "…", "confirmAfterDeadline": true}` for approving a proposal; the confirmation is
/// needed to approve an honor after the hold deadline (refused with 422 otherwise), as a review's.
struct ApprovalBody: Decodable, KnownKeys {
    let note: String?
    let confirmAfterDeadline: Bool?
    static let knownKeys: Set<String> = ["note", "confirmAfterDeadline"]
}

struct ConvictionBody: Decodable, KnownKeys {
    let conviction: ConvictionInput
    let court: String?
    let docketNumber: String?
    /// The fields present inside `conviction`: for a correction, a fact given (even null, "not
    /// known") replaces the stored one and a fact left out keeps it, as the CLI's `conviction update`.
    let givenFacts: Set<String>

    static let knownKeys: Set<String> = ["conviction", "court", "docketNumber"]

    private enum CodingKeys: String, CodingKey { case conviction, court, docketNumber }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        conviction = try container.decode(ConvictionInput.self, forKey: .conviction)
        court = try container.decodeIfPresent(String.self, forKey: .court)
        docketNumber = try container.decodeIfPresent(String.self, forKey: .docketNumber)
        givenFacts = Set(try container.nestedContainer(keyedBy: AnyKey.self, forKey: .conviction).allKeys.map(\.stringValue))
    }

    /// `{"incarceratedDaysForThisCrime": {}}` is an error at `conviction.incarceratedDaysForThisCrime`.
    /// A statute given as null is refused: a judgment's statute is never "not known" (leave it
    /// out of a correction to keep the stored one).
    var decodingProblems: [ValidationIssue] {
        conviction.decodingIssues + (givenFacts.contains("statute") && conviction.statute == nil
            ? [ValidationIssue(path: "conviction.statute", message: "may not be null; leave it out to keep the stored statute")] : [])
    }

    var entry: ConvictionEntry { ConvictionEntry(input: conviction, court: court, docketNumber: docketNumber, givenFacts: givenFacts) }

    /// The contract's conviction fields, from the engine's own list, so this cannot drift.
    static let convictionKeys: Set<String> = ConvictionInput.knownKeys

    /// Unknown fields inside `conviction` (a misspelt flag must not be ignored).
    static func checkNested(_ object: [String: Any]) throws {
        guard let conviction = object["conviction"] as? [String: Any] else { return }
        let unknown = conviction.keys.filter { !convictionKeys.contains($0) }.sorted()
        if !unknown.isEmpty { throw InputErrors(unknown.map { ValidationIssue(path: "conviction." + $0, message: "unknown field") }) }
    }
}

/// The review, status and contact bodies are the domain's requests (the web forms read the same ones).
extension ReviewInput: KnownKeys { static let knownKeys: Set<String> = Set(ReviewInput.Field.all) }
extension StatusChangeInput: KnownKeys { static let knownKeys: Set<String> = Set(StatusChangeInput.Field.all) }
extension ContactInput: KnownKeys { static let knownKeys: Set<String> = Set(ContactInput.Field.all) }
