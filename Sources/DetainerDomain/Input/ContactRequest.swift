/// Contacts with ICE, as the law counts them: the kinds and information types are the ones the
/// annual reports count (Admin. Code §9-131(f)(9), §14-154(f)(5)).
public enum ContactKind: String, Sendable, CaseIterable {
    case detainer, warrant, releaseNotification, informationRequest, informationResponse, withdrawal, transfer, other
}

public enum ContactDirection: String, Sendable, CaseIterable {
    case incoming = "in", outgoing = "out"
}

public enum InformationType: String, Sendable, CaseIterable {
    case incarcerationStatus, releaseDate, courtDate, appointment, other
}

/// Whether an information response gave ICE the information or refused it; only a provided
/// response honors the request in the annual reports.
public enum ResponseOutcome: String, Sendable, CaseIterable {
    case provided, declined
}

/// The information request a response answers: its contact number, or the newest request on the
/// detainer (`latest`), which the store finds in the write's own transaction.
public enum ContactReply: Sendable, Hashable {
    case contact(Int64)
    case latest
}

/// A contact to record, validated (`ContactInput.validated()` builds it from what was typed).
public struct ContactRequest: Sendable {
    public var direction: ContactDirection
    public var kind: ContactKind
    public var summary: String
    public var at: UTCInstant?
    public var informationType: InformationType?
    public var inReplyTo: ContactReply?
    public var facilitatedTransfer = false
    /// For a warrant ICE presents after the detainer: its kind, issuer and date.
    public var warrant: WarrantKind?
    public var warrantIssuer: String?
    public var warrantDate: CivilDate?
    /// For an information response: was the information given? Required for responses.
    public var responseOutcome: ResponseOutcome?
    /// Give a DOC response §9-131(h) protects anyway (unrelated to civil immigration enforcement,
    /// or required by law: say which in the summary). Without it such a response is refused.
    public var confirmDespite9131h = false

    public init(direction: ContactDirection, kind: ContactKind, summary: String, at: UTCInstant? = nil,
                informationType: InformationType? = nil, inReplyTo: Int64? = nil, facilitatedTransfer: Bool = false,
                warrant: WarrantKind? = nil, warrantIssuer: String? = nil, warrantDate: CivilDate? = nil) {
        self.direction = direction
        self.kind = kind
        self.summary = summary
        self.at = at
        self.informationType = informationType
        self.inReplyTo = inReplyTo.map(ContactReply.contact)
        self.facilitatedTransfer = facilitatedTransfer
        self.warrant = warrant
        self.warrantIssuer = warrantIssuer
        self.warrantDate = warrantDate
    }

    /// The contact's own rules, named by field path (`infoType`, `inReplyTo`, …): what the kind
    /// requires and forbids. Every contact is held to them, however it was built; the store
    /// checks what needs the database (the request answered exists, a transfer happened).
    public func check() throws(InputErrors) {
        var v = FieldValidator()
        check(&v)
        try v.finish()
    }

    func check(_ v: inout FieldValidator) {
        _ = v.text(summary, ContactInput.Field.summary, maxLength: FieldLimits.note, required: true, allowNewlines: true)
        _ = v.text(warrantIssuer, ContactInput.Field.warrantIssuer, maxLength: FieldLimits.issuer)
        if [.informationRequest, .informationResponse].contains(kind), informationType == nil {
            v.fail(ContactInput.Field.infoType, "is required for \(kind.rawValue) (\(InformationType.choicesText))")
        }
        if kind == .informationResponse, inReplyTo == nil {
            v.fail(ContactInput.Field.inReplyTo, "name the information request this answers (its contact number, or latest)")
        }
        if kind == .informationResponse, responseOutcome == nil {
            v.fail(ContactInput.Field.outcome, "say whether the information was provided or declined")
        }
        if responseOutcome != nil, kind != .informationResponse {
            v.fail(ContactInput.Field.outcome, "only an informationResponse has an outcome")
        }
        if facilitatedTransfer, responseOutcome == .declined {
            v.fail(ContactInput.Field.facilitatedTransfer, "a declined response gave no information, so it cannot have facilitated a transfer")
        }
        if warrant != nil, kind != .warrant {
            v.fail(ContactInput.Field.warrant, "only a contact of kind warrant carries a warrant")
        }
        if kind == .warrant, warrant == nil {
            v.fail(ContactInput.Field.warrant, "say which kind of warrant ICE presented (\(WarrantKind.choicesText))")
        }
        if warrant == .judicial, warrantIssuer == nil {
            v.fail(ContactInput.Field.warrantIssuer, "is required for a judicial warrant (the federal judge or magistrate judge)")
        }
    }
}

/// A contact as typed, by every front end: the API's JSON body, the web form (whose field names
/// are these paths) and `detainer contact`'s options. `validated()` is the one reader: any case
/// for the choices, New York time or ISO 8601 for `at`, a contact number or `latest` for
/// `inReplyTo`, and every problem named by its path, all at once.
public struct ContactInput: Sendable, Equatable {
    /// The field paths (JSON names, form names); the CLI shows each as its option (`--info-type`).
    public enum Field {
        public static let direction = "direction", kind = "kind", summary = "summary", at = "at", infoType = "infoType"
        public static let inReplyTo = "inReplyTo", facilitatedTransfer = "facilitatedTransfer", outcome = "outcome"
        public static let warrant = "warrant", warrantIssuer = "warrantIssuer", warrantDate = "warrantDate"
        public static let confirmDespite9131h = "confirmDespite9131h"
        public static let all: [String] = [direction, kind, summary, at, infoType, inReplyTo, facilitatedTransfer, outcome,
                                           warrant, warrantIssuer, warrantDate, confirmDespite9131h]
    }

    public var direction: String?
    public var kind: String?
    public var summary: String?
    public var at: String?
    public var infoType: String?
    /// A contact number (JSON: a number or its digits) or `latest`.
    public var inReplyTo: String?
    public var facilitatedTransfer: Bool?
    public var outcome: String?
    public var warrant: String?
    public var warrantIssuer: String?
    public var warrantDate: String?
    public var confirmDespite9131h: Bool?
    var decodingIssues: [ValidationIssue] = []

    public init(direction: String? = nil, kind: String? = nil, summary: String? = nil, at: String? = nil, infoType: String? = nil,
                inReplyTo: String? = nil, facilitatedTransfer: Bool? = nil, outcome: String? = nil, warrant: String? = nil,
                warrantIssuer: String? = nil, warrantDate: String? = nil, confirmDespite9131h: Bool? = nil) {
        self.direction = direction
        self.kind = kind
        self.summary = summary
        self.at = at
        self.infoType = infoType
        self.inReplyTo = inReplyTo
        self.facilitatedTransfer = facilitatedTransfer
        self.outcome = outcome
        self.warrant = warrant
        self.warrantIssuer = warrantIssuer
        self.warrantDate = warrantDate
        self.confirmDespite9131h = confirmDespite9131h
    }

    /// From a form or options given as text by path (a yes/no box: "yes", "on" or "true" is set).
    public init(text values: [String: String]) {
        func flag(_ key: String) -> Bool? { values[key].map { ["yes", "on", "true"].contains($0.lowercased()) } }
        self.init(direction: values[Field.direction], kind: values[Field.kind], summary: values[Field.summary], at: values[Field.at],
                  infoType: values[Field.infoType], inReplyTo: values[Field.inReplyTo], facilitatedTransfer: flag(Field.facilitatedTransfer),
                  outcome: values[Field.outcome], warrant: values[Field.warrant], warrantIssuer: values[Field.warrantIssuer],
                  warrantDate: values[Field.warrantDate], confirmDespite9131h: flag(Field.confirmDespite9131h))
    }

    public func validated() throws(InputErrors) -> ContactRequest {
        var v = FieldValidator()
        for issue in decodingIssues { v.fail(issue.path, issue.message) }
        let direction = v.choice(direction, Field.direction, as: ContactDirection.self, required: true)
        let kind = v.choice(kind, Field.kind, as: ContactKind.self, required: true)
        let at = v.instant(at, Field.at)
        let info = v.choice(infoType, Field.infoType, as: InformationType.self)
        let outcome = v.choice(outcome, Field.outcome, as: ResponseOutcome.self)
        let warrant = v.choice(warrant, Field.warrant, as: WarrantKind.self)
        let warrantDate = v.date(warrantDate, Field.warrantDate)
        var reply: ContactReply?
        if let text = inReplyTo {
            if text.lowercased() == "latest" {
                reply = .latest
            } else if let number = Int64(text), number > 0 {
                reply = .contact(number)
            } else {
                v.fail(Field.inReplyTo, "\"\(text)\" is not a contact number (e.g. 12) or latest")
            }
        }
        if summary == nil { v.fail(Field.summary, "is required") }
        guard let direction, let kind else { throw InputErrors(v.errors) }  // each reported by `choice`
        var request = ContactRequest(direction: direction, kind: kind, summary: summary ?? "", at: at, informationType: info,
                                     facilitatedTransfer: facilitatedTransfer ?? false, warrant: warrant,
                                     warrantIssuer: warrantIssuer, warrantDate: warrantDate)
        request.inReplyTo = reply
        request.responseOutcome = outcome
        request.confirmDespite9131h = confirmDespite9131h ?? false
        if summary != nil { request.check(&v) }
        try v.finish()
        return request
    }
}

extension ContactInput: Decodable {
    public init(from decoder: any Decoder) throws {
        var reader = JSONFieldReader(decoder, knownKeys: Set(Field.all))
        self.init(direction: reader.read(Field.direction, as: String.self), kind: reader.read(Field.kind, as: String.self),
                  summary: reader.read(Field.summary, as: String.self), at: reader.read(Field.at, as: String.self),
                  infoType: reader.read(Field.infoType, as: String.self),
                  facilitatedTransfer: reader.read(Field.facilitatedTransfer, as: Bool.self),
                  outcome: reader.read(Field.outcome, as: String.self), warrant: reader.read(Field.warrant, as: String.self),
                  warrantIssuer: reader.read(Field.warrantIssuer, as: String.self), warrantDate: reader.read(Field.warrantDate, as: String.self),
                  confirmDespite9131h: reader.read(Field.confirmDespite9131h, as: Bool.self))
        // `inReplyTo`: a contact number, or the word latest.
        var asNumber = reader
        if let number = asNumber.read(Field.inReplyTo, as: Int64.self) {
            inReplyTo = String(number)
        } else {
            // JSON gives a number as a number: a string is only the word latest.
            var asText = reader
            inReplyTo = asText.read(Field.inReplyTo, as: String.self)
            if asText.issues.count > reader.issues.count || (inReplyTo.map { $0.lowercased() != "latest" } ?? false) {
                inReplyTo = nil
                reader.absorb([ValidationIssue(path: Field.inReplyTo, message: "expected a contact number or \"latest\"")])
            }
        }
        decodingIssues = reader.issues
    }
}
