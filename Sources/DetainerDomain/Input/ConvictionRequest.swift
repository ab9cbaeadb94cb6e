// The conviction request (issue 26 §4): the one list of a conviction's fields that the CLI's
// `conviction add|update` options, the browser's conviction forms and the API's body are read
// through, with the same defaults, help and checks, and the entry they all become. Moved from the
// store to the domain; the store keeps only reading a stored row back into these values
// (`ConvictionFields.values(of:)`).


/// The conviction fields as both front ends name, explain and default them (issue 25 §1): the CLI's
/// `conviction add|update` options and the browser's "Add a conviction" / "Correct a conviction"
/// forms are built from this one list and read through `ConvictionFields.entry`, so a clerk gets
/// the same defaults, the same help and the same checks in either. Keys are the JSON contract's
/// names (`ConvictionInput.CodingKeys`), which are also the form's field names.
/// A conviction as a clerk records it: the engine's own input fields (so what is stored is
/// exactly what the engine will read) plus where it was entered.
public struct ConvictionEntry: Sendable {
    public var input: ConvictionInput
    public var court: String?
    public var docketNumber: String?
    /// For an update: the three-valued facts (JSON names) the clerk gave, so that "not given"
    /// (keep the stored value) differs from "not known" (nil in `input`). Ignored by add.
    public var givenFacts: Set<String>

    public init(input: ConvictionInput, court: String? = nil, docketNumber: String? = nil, givenFacts: Set<String> = []) {
        self.input = input
        self.court = court
        self.docketNumber = docketNumber
        self.givenFacts = givenFacts
    }
}

public struct ConvictionField: Sendable, Hashable {
    /// How a value is written and what a new conviction gets when it is not given.
    public enum Kind: Sendable, Hashable {
        /// Free text (statute, court …); not given = none.
        case text
        /// YYYY-MM-DD; `unknownAllowed` also takes "unknown" (not given = not known).
        case date(unknownAllowed: Bool)
        /// yes, no or unknown; `absent` is what a new conviction records when not given.
        case fact(absent: Bool?)
        /// A whole number of days or unknown; not given = 0.
        case days
        /// One of `choices` (or unknown for jurisdiction); not given = `absent`.
        case choice([String], absent: String?)
    }

    /// JSON contract name and form field name.
    public let key: String
    /// The CLI option (without the dashes).
    public let flag: String
    /// The browser's label.
    public let label: String
    /// What the field means: the browser's hint, the start of the CLI's help.
    public let help: String
    public let kind: Kind

    /// The CLI help: the meaning, then how to write it and its default.
    public var cliHelp: String {
        switch kind {
        case .text: return help + "."
        case .date(let unknown): return help + ", YYYY-MM-DD" + (unknown ? ", or unknown." : ".")
        case .fact(let absent): return help + ": " + Self.factChoices(absent: absent) + "."
        case .days: return help + " (default 0), or unknown."
        case .choice(let choices, let absent):
            return help + ": " + choices.map { $0 == absent ? "\($0) (default)" : $0 }.joined(separator: ", ") + "."
        }
    }

    /// The browser's hint: the meaning, and the default a new conviction gets.
    public var formHint: String {
        switch kind {
        case .text: return help
        case .date(let unknown): return help + (unknown ? "; leave empty if not known" : "")
        case .fact(let absent): return help + "; if not given: " + Self.word(absent)
        case .days: return help + "; a whole number, or unknown (0 if not given)"
        case .choice(_, let absent): return help + (absent.map { "; if not given: \($0)" } ?? "")
        }
    }

    static func factChoices(absent: Bool?) -> String {
        let words = ["yes", "no", "unknown"].map { $0 == word(absent) ? "\($0) (default)" : $0 }
        return words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
    }

    /// yes / no / unknown for a three-valued fact.
    public static func word(_ fact: Bool?) -> String {
        switch fact { case true?: "yes"; case false?: "no"; case nil: "unknown" }
    }
}

public enum ConvictionFields {
    public static let statute = ConvictionField(
        key: "statute", flag: "statute", label: "Statute",
        help: "The statute exactly as written (PL 120.05, 110-125.25, VTL 600(2)(c), …)", kind: .text)
    public static let objectStatute = ConvictionField(
        key: "objectStatute", flag: "object-statute", label: "Object crime",
        help: "The object crime of an attempt/conspiracy/solicitation/facilitation, or the specified offense of a hate crime", kind: .text)
    public static let convictedOn = ConvictionField(
        key: "convictedOn", flag: "convicted-on", label: "Convicted on",
        help: "Date of the plea or verdict (CPL 1.20(13))", kind: .date(unknownAllowed: false))
    public static let sentencedOn = ConvictionField(
        key: "sentencedOn", flag: "sentenced-on", label: "Sentenced on",
        help: "Date sentence was imposed, which completes the judgment (CPL 1.20(15))", kind: .date(unknownAllowed: true))
    public static let awaitingSentence = ConvictionField(
        key: "awaitingSentence", flag: "awaiting-sentence", label: "Awaiting sentence",
        help: "Plea or verdict entered, sentence not yet imposed", kind: .fact(absent: false))
    public static let felonyClass = ConvictionField(
        key: "felonyClass", flag: "felony-class", label: "Class as convicted",
        help: "The grade the judgment states", kind: .choice(OffenseLevel.acceptedSpellings, absent: nil))
    public static let jurisdiction = ConvictionField(
        key: "jurisdiction", flag: "jurisdiction", label: "Jurisdiction",
        help: "Where the judgment was entered", kind: .choice(["NY", "otherState", "federal", "unknown"], absent: "NY"))
    public static let nyEquivalent = ConvictionField(
        key: "nyEquivalent", flag: "ny-equivalent", label: "New York equivalent",
        help: "For otherState/federal: the equivalent New York offense", kind: .text)
    public static let authorizedTermOverOneYear = ConvictionField(
        key: "authorizedTermOverOneYear", flag: "term-over-one-year", label: "Term over one year authorized",
        help: "For otherState/federal: whether a term over one year was authorized", kind: .fact(absent: nil))
    public static let youthfulOffender = ConvictionField(
        key: "youthfulOffender", flag: "youthful-offender", label: "Youthful offender",
        help: "Adjudicated a youthful offender", kind: .fact(absent: false))
    public static let juvenileDelinquent = ConvictionField(
        key: "juvenileDelinquent", flag: "juvenile-delinquent", label: "Juvenile delinquent",
        help: "Adjudicated a juvenile delinquent", kind: .fact(absent: false))
    public static let hateCrime = ConvictionField(
        key: "hateCrime", flag: "hate-crime", label: "Hate crime",
        help: "Convicted as a hate crime (PL 485.05)", kind: .fact(absent: false))
    public static let sealed = ConvictionField(
        key: "sealed", flag: "sealed", label: "Sealed", help: "The conviction is sealed", kind: .fact(absent: false))
    public static let vacated = ConvictionField(
        key: "vacated", flag: "vacated", label: "Vacated", help: "The judgment was vacated", kind: .fact(absent: false))
    public static let incarceratedDays = ConvictionField(
        key: "incarceratedDaysForThisCrime", flag: "incarcerated-days", label: "Days incarcerated for it",
        help: "Days incarcerated for this crime between its commission and the instant arrest", kind: .days)
    public static let court = ConvictionField(
        key: "court", flag: "court", label: "Court", help: "Court that entered the judgment", kind: .text)
    public static let docketNumber = ConvictionField(
        key: "docketNumber", flag: "docket", label: "Docket number", help: "Docket or indictment number", kind: .text)

    /// Every field, in the order both front ends show them.
    public static let all: [ConvictionField] = [
        statute, convictedOn, sentencedOn, awaitingSentence, felonyClass, jurisdiction, nyEquivalent, authorizedTermOverOneYear,
        objectStatute, youthfulOffender, juvenileDelinquent, hateCrime, sealed, vacated, incarceratedDays, court, docketNumber,
    ]

    /// The entry a clerk gave, from raw values by key (absent = not given). A fact not given is
    /// the field's default for `add` (`givenFacts` lets `update` keep the stored value instead);
    /// "unknown" is nil, never read as no (§12.13). `name` turns a field into the name the person
    /// typed (the CLI flag, the form field) for errors; every problem is reported at once.
    public static func entry(_ values: [String: String], name: (ConvictionField) -> String = \.key) throws -> ConvictionEntry {
        var given: Set<String> = []
        var issues: [ValidationIssue] = []
        func raw(_ field: ConvictionField) -> String? {
            guard let value = values[field.key] else { return nil }
            given.insert(field.key)
            return value
        }
        func fact(_ field: ConvictionField) -> Bool? {
            guard case .fact(let absent) = field.kind else { return nil }
            guard let text = raw(field) else { return absent }
            switch text.lowercased() {
            case "yes", "true": return true
            case "no", "false": return false
            case "unknown": return nil
            default:
                issues.append(ValidationIssue(path: name(field), message: "\"\(text)\" is not one of yes, no, unknown"))
                return absent
            }
        }
        var days: Int? = 0
        if let text = raw(incarceratedDays) {
            if text.lowercased() == "unknown" {
                days = nil
            } else if let value = Int(text) {
                days = value
            } else {
                issues.append(ValidationIssue(path: name(incarceratedDays), message: "\"\(text)\" is not a whole number of days or unknown"))
            }
        }
        var sentence: String?
        if let text = raw(sentencedOn) { sentence = text.lowercased() == "unknown" ? nil : text }
        var jurisdictionText: String?
        var jurisdictionUnknown = false
        if let text = raw(jurisdiction) {
            let spelled = ["NY", "otherState", "federal"].first { $0.lowercased() == text.lowercased() }
            if text.lowercased() == "unknown" {
                jurisdictionUnknown = true
            } else {
                // Not one of the choices: passed on as typed, for the law engine's own error.
                jurisdictionText = spelled ?? text
            }
        }
        var classText = raw(felonyClass)
        if let text = classText, let spelled = OffenseLevel.acceptedSpellings.first(where: { $0.lowercased() == text.lowercased() }) {
            classText = spelled
        }
        let input = ConvictionInput(
            statute: raw(statute), objectStatute: raw(objectStatute), convictedOn: raw(convictedOn), sentencedOn: sentence,
            awaitingSentence: fact(awaitingSentence), felonyClass: classText,
            jurisdiction: jurisdictionText, jurisdictionUnknown: jurisdictionUnknown, nyEquivalent: raw(nyEquivalent),
            authorizedTermOverOneYear: fact(authorizedTermOverOneYear),
            youthfulOffender: fact(youthfulOffender), juvenileDelinquent: fact(juvenileDelinquent),
            hateCrime: fact(hateCrime), sealed: fact(sealed), vacated: fact(vacated),
            incarceratedDaysForThisCrime: days)
        if !issues.isEmpty { throw InputErrors(issues) }
        return ConvictionEntry(input: input, court: raw(court), docketNumber: raw(docketNumber), givenFacts: given)
    }
}

extension ConvictionFields {
    /// What a new conviction's form starts with: every field's default, shown (not left blank).
    public static var defaults: [String: String] {
        var values: [String: String] = [:]
        for field in all {
            switch field.kind {
            case .fact(let absent): values[field.key] = ConvictionField.word(absent)
            case .days: values[field.key] = "0"
            case .choice(_, let absent?): values[field.key] = absent
            case .text, .date, .choice(_, nil): break
            }
        }
        return values
    }
}
