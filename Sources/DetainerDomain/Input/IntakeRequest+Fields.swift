/// The intake's fields, listed once (issue 26 §4). The JSON contract (`intake --json`, the API),
/// the web's intake form and the CLI's options all read this table: JSON decodes each object's
/// keys from it, the form's field names are its paths, and the CLI maps each path to its own
/// option. How a value is read (enumerated values in any case, New York time to UTC) is the
/// validator's alone (`IntakeRequest.validated(now:)`); a front end only hands over the text.
/// The criminal-history rows (`convictions`, `pendingCharges`) are requests of their own
/// (`ConvictionInput`, `ConvictionFields`), not fields of this table.
public struct IntakeRequestField: Sendable {
    /// How a person writes the value.
    public enum Kind: Sendable, Hashable {
        /// Free text or one of a list of choices (any case).
        case text
        /// YYYY-MM-DD.
        case date
        /// ISO 8601 with a zone, or New York wall-clock time.
        case instant
        /// yes, no or unknown (any case); JSON true, false or null.
        case yesNoUnknown
        /// Repeatable: each value one item (JSON an array of strings).
        case list
    }

    enum Slot: Sendable {
        case text(WritableKeyPath<IntakeRequest, String?> & Sendable)
        case fact(WritableKeyPath<IntakeRequest, Bool?> & Sendable)
        case list(WritableKeyPath<IntakeRequest, [String]?> & Sendable)
    }

    /// The JSON path, which is also the web form's field name (`person.dateOfBirth`).
    public let path: String
    public let kind: Kind
    let slot: Slot

    /// The JSON object holding it (`detainer.warrant`) and its key there (`type`).
    public var parent: String { path.split(separator: ".").dropLast().joined(separator: ".") }
    public var key: String { String(path.split(separator: ".").last!) }

    /// Sets the field from text as typed on a command line or in a form. Text is kept as typed
    /// for the validator to read; a yes/no/unknown fact is read here (any case), and a word that
    /// is none of them is reported by the validator under this field's path.
    public func set(_ text: String, in request: inout IntakeRequest) {
        switch slot {
        case .text(let keyPath): request[keyPath: keyPath] = text
        case .list(let keyPath): request[keyPath: keyPath] = (request[keyPath: keyPath] ?? []) + [text]
        case .fact(let keyPath):
            switch text.lowercased() {
            case "yes", "true": request[keyPath: keyPath] = true
            case "no", "false": request[keyPath: keyPath] = false
            case "unknown": request[keyPath: keyPath] = nil
            default:
                request.decodingIssues.append(ValidationIssue(path: path, message: "\"\(text)\" is not one of yes, no, unknown"))
            }
        }
    }

    /// Removes the field's value (a list starts again: options given replace a file's list).
    public func clear(in request: inout IntakeRequest) {
        switch slot {
        case .text(let keyPath): request[keyPath: keyPath] = nil
        case .fact(let keyPath): request[keyPath: keyPath] = nil
        case .list(let keyPath): request[keyPath: keyPath] = nil
        }
    }

    /// Whether the request carries a value for the field (a fact: known yes or no).
    public func isGiven(in request: IntakeRequest) -> Bool {
        switch slot {
        case .text(let keyPath): request[keyPath: keyPath] != nil
        case .fact(let keyPath): request[keyPath: keyPath] != nil
        case .list(let keyPath): request[keyPath: keyPath] != nil
        }
    }

    /// Reads the field's JSON value into the request.
    func read(_ reader: inout JSONFieldReader, into request: inout IntakeRequest) {
        switch slot {
        case .text(let keyPath): if let value = reader.read(key, as: String.self) { request[keyPath: keyPath] = value }
        case .fact(let keyPath): if let value = reader.read(key, as: Bool.self) { request[keyPath: keyPath] = value }
        case .list(let keyPath): if let value = reader.read(key, as: [String].self) { request[keyPath: keyPath] = value }
        }
    }
}

extension IntakeRequest {
    /// Every field of the intake, in the order the form and the help show them.
    public static let fields: [IntakeRequestField] = [
        .init(path: "person.name", kind: .text, slot: .text(\.person.name)),
        .init(path: "person.dateOfBirth", kind: .date, slot: .text(\.person.dateOfBirth)),
        .init(path: "person.nysid", kind: .text, slot: .text(\.person.nysid)),
        .init(path: "person.aNumber", kind: .text, slot: .text(\.person.aNumber)),
        .init(path: "person.fbiNumber", kind: .text, slot: .text(\.person.fbiNumber)),
        .init(path: "person.countryOfBirth", kind: .text, slot: .text(\.person.countryOfBirth)),
        .init(path: "custody.agency", kind: .text, slot: .text(\.custody.agency)),
        .init(path: "custody.bookingNumber", kind: .text, slot: .text(\.custody.bookingNumber)),
        .init(path: "custody.facility", kind: .text, slot: .text(\.custody.facility)),
        .init(path: "custody.arrestDate", kind: .date, slot: .text(\.custody.arrestDate)),
        .init(path: "custody.scheduledReleaseAt", kind: .instant, slot: .text(\.custody.scheduledReleaseAt)),
        .init(path: "detainer.form", kind: .text, slot: .text(\.detainer.form)),
        .init(path: "detainer.iceSubjectId", kind: .text, slot: .text(\.detainer.iceSubjectId)),
        .init(path: "detainer.eventNumber", kind: .text, slot: .text(\.detainer.eventNumber)),
        .init(path: "detainer.issuingOffice", kind: .text, slot: .text(\.detainer.issuingOffice)),
        .init(path: "detainer.preparedOn", kind: .date, slot: .text(\.detainer.preparedOn)),
        .init(path: "detainer.receivedAt", kind: .instant, slot: .text(\.detainer.receivedAt)),
        .init(path: "detainer.probableCause", kind: .list, slot: .list(\.detainer.probableCause)),
        .init(path: "detainer.warrant.type", kind: .text, slot: .text(\.detainer.warrantFields.type)),
        .init(path: "detainer.warrant.issuer", kind: .text, slot: .text(\.detainer.warrantFields.issuer)),
        .init(path: "detainer.warrant.date", kind: .date, slot: .text(\.detainer.warrantFields.date)),
        .init(path: "detainer.terroristScreeningMatch", kind: .yesNoUnknown, slot: .fact(\.detainer.terroristScreeningMatch)),
        .init(path: "detainer.illegalReentryAfterRemoval", kind: .yesNoUnknown, slot: .fact(\.detainer.illegalReentryAfterRemoval)),
        .init(path: "detainer.dhsTransferBox2", kind: .yesNoUnknown, slot: .fact(\.detainer.dhsTransferBox2)),
        .init(path: "detainer.administrativeWarrantForm", kind: .text, slot: .text(\.detainer.administrativeWarrantForm)),
        .init(path: "detainer.noticeToAppearServed", kind: .yesNoUnknown, slot: .fact(\.detainer.noticeToAppearServed)),
    ]

    /// The field at `path`, if the table has one.
    public static func field(_ path: String) -> IntakeRequestField? { fields.first { $0.path == path } }

    /// Sets the field at `path` from typed text (see `IntakeRequestField.set`); false if no such field.
    @discardableResult
    public mutating func set(_ path: String, _ text: String) -> Bool {
        guard let field = Self.field(path) else { return false }
        field.set(text, in: &self)
        return true
    }
}

extension IntakeRequest.Detainer {
    /// The warrant's fields, creating the warrant when one is set: the table's way in.
    var warrantFields: IntakeRequest.Warrant {
        get { warrant ?? .init() }
        set { warrant = newValue }
    }
}

// JSON: each object's keys come from the table (an unknown key is an error named by its path,
// never ignored: `"warrent": {...}` must not silently drop the judicial warrant). The JSON text
// itself is read by `StrictJSON` (DetainerJSON), which refuses duplicate keys and non-RFC 8259 text.
extension IntakeRequest: Decodable {
    static let topLevelKeys: Set<String> = ["person", "custody", "detainer", "convictions", "pendingCharges"]

    /// The keys of the JSON object at `parent`: its fields and its nested objects.
    static func keys(of parent: String) -> Set<String> {
        let prefix = parent + "."
        return Set(fields.compactMap { field -> String? in
            guard field.path.hasPrefix(prefix) else { return nil }
            return field.path.dropFirst(prefix.count).split(separator: ".").first.map(String.init)
        })
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        var reader = JSONFieldReader(decoder, knownKeys: Self.topLevelKeys)
        for group in ["person", "custody", "detainer"] {
            if let object = reader.read(group, as: FieldGroup.self) { object.apply(to: &self) }
        }
        convictions = reader.read("convictions", as: [ConvictionInput].self)
        pendingCharges = reader.read("pendingCharges", as: [PendingCharge].self)
        reader.absorb((convictions ?? []).flatMap(\.decodingIssues) + (pendingCharges ?? []).flatMap(\.decodingIssues))
        decodingIssues = reader.issues + decodingIssues
    }

    /// One JSON object of the intake (`person`, `detainer.warrant`, …), read by the table's
    /// fields for it; where it sits is the decoder's coding path.
    struct FieldGroup: Decodable {
        var values = IntakeRequest()
        var given: [IntakeRequestField] = []
        var nested: [FieldGroup] = []
        var issues: [ValidationIssue] = []

        init(from decoder: any Decoder) throws {
            let parent = decoder.codingPath.map(\.stringValue).joined(separator: ".")
            let keys = IntakeRequest.keys(of: parent)
            var reader = JSONFieldReader(decoder, knownKeys: keys)
            for field in IntakeRequest.fields where field.parent == parent {
                field.read(&reader, into: &values)
                if field.isGiven(in: values) { given.append(field) }
            }
            let direct = Set(IntakeRequest.fields.filter { $0.parent == parent }.map(\.key))
            for key in keys.subtracting(direct).sorted() {
                if let group = reader.read(key, as: FieldGroup.self) { nested.append(group) }
            }
            issues = reader.issues
        }

        func apply(to request: inout IntakeRequest) {
            for field in given {
                switch field.slot {
                case .text(let keyPath): request[keyPath: keyPath] = values[keyPath: keyPath]
                case .fact(let keyPath): request[keyPath: keyPath] = values[keyPath: keyPath]
                case .list(let keyPath): request[keyPath: keyPath] = values[keyPath: keyPath]
                }
            }
            for group in nested { group.apply(to: &request) }
            request.decodingIssues += issues
        }
    }
}
