import DetainerDomain
import DetainerStore
import Foundation

/// Turns submitted forms into the domain's request types. Field names are the JSON contract's
/// paths (`person.name`, `custody.arrestDate`, …), so the store's validation errors land beside
/// the field that caused them. Only parsing happens here; every rule is the store's.
enum FormRequests {
    /// The intake form: its field names are the table's paths (`IntakeRequest.fields`); an empty
    /// field is not given, a select left at "unknown" is not known. The values go to the domain as
    /// typed (a `datetime-local` is New York time, read by the validator).
    static func intake(_ form: FormData) -> IntakeRequest {
        var request = IntakeRequest()
        for field in IntakeRequest.fields {
            for value in form.all(field.path).map({ $0.trimmingCharacters(in: .whitespaces) }) where !value.isEmpty {
                field.set(value, in: &request)
            }
        }
        return request
    }

    /// The intake form's confirmation of a second open detainer on one custody case.
    static let allowDuplicateField = "allowDuplicate"
    static let duplicateReasonField = "duplicateReason"

    /// The reason given with the confirmation, or nil when the form does not confirm a duplicate.
    static func duplicateReason(_ form: FormData) throws -> String? {
        guard form[allowDuplicateField] == "yes" else { return nil }
        guard let reason = form.nonEmpty(duplicateReasonField) else {
            throw ValidationIssue(path: duplicateReasonField, message: "required: say why ICE really sent a second detainer, or change the custody case")
        }
        return reason
    }

    /// The review form names the decision in its action (approve, honor, decline); the domain's
    /// review request reads the rest.
    static func review(_ form: FormData) throws -> ReviewRequest {
        switch form["action"] {
        case "approve": return try ReviewInput(action: "approve", reason: form.nonEmpty("reason")).validated()
        case let decision? where decision == "honor" || decision == "decline":
            return try ReviewInput(action: "decide", decision: decision, reason: form["reason"] ?? "").validated()
        default: throw ValidationIssue(path: "action", message: "choose approve, honor or decline")
        }
    }

    /// The status form: its field names are the status change's paths (`StatusChangeInput.Field`).
    static func status(_ form: FormData) throws -> StatusChangeRequest {
        try StatusChangeInput(to: form.nonEmpty("to"), at: form.nonEmpty("at"), note: form.nonEmpty("note"),
                              cause: form.nonEmpty("cause")).validated()
    }

    /// The contact form: its field names are the contact's paths (`ContactInput.Field`), so the
    /// domain's errors land beside their field; the domain reads the values (`ContactInput.validated`).
    static func contact(_ form: FormData) throws -> ContactRequest {
        var values: [String: String] = [:]
        for field in ContactInput.Field.all { if let value = form.nonEmpty(field) { values[field] = value } }
        return try ContactInput(text: values).validated()
    }

    /// A conviction form, read by the reader the CLI's `conviction add|update` uses: the same
    /// defaults (a fact not given is "no" for a new conviction, kept for a correction) and checks.
    /// An empty field is not given.
    static func conviction(_ form: FormData, prefix: String = "") throws -> ConvictionEntry {
        try ConvictionFields.entry(convictionValues(form, prefix: prefix), name: { prefix + $0.key })
    }

    static func convictionValues(_ form: FormData, prefix: String = "") -> [String: String] {
        var values: [String: String] = [:]
        for field in ConvictionFields.all {
            if let value = form.nonEmpty(prefix + field.key) {
                values[field.key] = value
            } else if case .date(unknownAllowed: true) = field.kind, form[prefix + field.key] != nil {
                // A sentence date submitted empty is "not known" (the hint says so), as the CLI's
                // `--sentenced-on unknown`: the correction form starts from the stored date, so
                // emptying it is how a clerk takes it back. Left out of the form, it is not given.
                values[field.key] = "unknown"
            }
        }
        return values
    }

    /// Every problem in an error as field → message (the first per field), for showing beside fields.
    /// Nil when the error names no field (it is answered by `ErrorAnswer` instead).
    static func fieldErrors(_ error: any Error) -> [String: String]? {
        guard let issues = (error as? any FieldIssues)?.fieldIssues, !issues.isEmpty else { return nil }
        var errors: [String: String] = [:]
        for issue in issues where errors[issue.path] == nil { errors[issue.path] = issue.message }
        // The conviction forms name fields without the store's `conviction.` prefix.
        for issue in issues where issue.path.hasPrefix("conviction.") {
            let field = String(issue.path.dropFirst("conviction.".count))
            if errors[field] == nil { errors[field] = issue.message }
        }
        return errors
    }
}
