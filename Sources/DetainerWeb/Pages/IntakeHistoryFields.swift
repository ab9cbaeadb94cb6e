import DetainerDomain
import DetainerStore

/// The intake form's criminal-history search (issue 25 §1): a few blank conviction rows and
/// pending-charge rows, named by the JSON contract's paths (`convictions[0].statute`), so the
/// judgments are recorded with the detainer and its first evaluation reads them. Without
/// JavaScript: a fixed number of rows; a row left blank is not a conviction; more are added on
/// the detainer's page afterwards.
enum IntakeHistoryFields {
    static let convictionRows = 3
    static let chargeRows = 2
    /// Court and docket number are kept out of intake's rows: the intake contract carries the
    /// engine's conviction fields only (both can be corrected on the detainer's page).
    static let fields = ConvictionFields.all.filter { $0 != ConvictionFields.court && $0 != ConvictionFields.docketNumber }

    static func prefix(conviction index: Int) -> String { "convictions[\(index)]." }
    static func prefix(charge index: Int) -> String { "pendingCharges[\(index)]." }

    /// The fields whose value makes a row a conviction (the selects always send their default).
    static let typedKeys: Set<String> = [ConvictionFields.statute.key, ConvictionFields.objectStatute.key, ConvictionFields.convictedOn.key,
                                         ConvictionFields.sentencedOn.key, ConvictionFields.nyEquivalent.key, ConvictionFields.felonyClass.key]

    static func render(form: FormData?, errors: [String: String]) -> HTML {
        el("fieldset", .id("history")) {
            el("legend", text: "Criminal-history search")
            el("p", .class("hint"), text: "Each judgment the search shows, so the first evaluation reads it. Leave the rows blank if the search is not done yet: the queue then says the record search is pending, and review asks for confirmation.")
            for index in 0..<convictionRows {
                let prefix = prefix(conviction: index)
                let submitted = form.map { f in Dictionary(uniqueKeysWithValues: fields.map { ($0.key, f[prefix + $0.key] ?? "") }) }
                let values = submitted ?? ConvictionFields.defaults
                let typed = typedKeys.contains { !(values[$0] ?? "").isEmpty }
                let hasError = errors.keys.contains { $0.hasPrefix(prefix) }
                element("details", attributes: [Attribute("open", present: index == 0 || typed || hasError)]) {
                    el("summary", text: "Conviction \(index + 1)")
                    el("div", .class("fields")) {
                        for field in fields {
                            DetainerPage.convictionField(field, value: values[field.key], error: errors[prefix + field.key], required: false,
                                                         scope: "", namePrefix: prefix)
                        }
                    }
                }
            }
            el("div", .class("fields")) {
                for index in 0..<chargeRows {
                    let prefix = prefix(charge: index)
                    Forms.input("Pending charge \(index + 1): statute", name: prefix + "statute", value: form?[prefix + "statute"],
                                error: errors[prefix + "statute"], hint: "Exactly as written; a pending charge never makes a detainer honorable")
                    Forms.input("Pending charge \(index + 1): charged on", name: prefix + "chargedOn", value: form?[prefix + "chargedOn"], type: "date",
                                error: errors[prefix + "chargedOn"])
                }
            }
        }
    }

    /// The rows the clerk filled in (by their place on the form): a blank row is skipped.
    struct FilledRows {
        var convictions: [Int] = []
        var charges: [Int] = []
    }

    static func filledRows(_ form: FormData) -> FilledRows {
        var rows = FilledRows()
        for index in 0..<convictionRows where typedKeys.contains(where: { form.nonEmpty(prefix(conviction: index) + $0) != nil }) {
            rows.convictions.append(index)
        }
        for index in 0..<chargeRows where form.nonEmpty(prefix(charge: index) + "statute") != nil || form.nonEmpty(prefix(charge: index) + "chargedOn") != nil {
            rows.charges.append(index)
        }
        return rows
    }

    /// The rows the clerk filled in, read as the CLI reads `conviction add` (same defaults and checks);
    /// every problem is reported at once, named by its row's field.
    static func read(_ form: FormData, rows: FilledRows, into request: inout IntakeRequest) throws {
        var convictions: [ConvictionInput] = []
        var issues: [ValidationIssue] = []
        // Errors name the n-th conviction given, as the service's do; `remap` puts both back on their rows.
        for (position, index) in rows.convictions.enumerated() {
            do {
                let values = FormRequests.convictionValues(form, prefix: prefix(conviction: index))
                convictions.append(try ConvictionFields.entry(values, name: { prefix(conviction: position) + $0.key }).input)
            } catch let errors as InputErrors {
                issues += errors.issues
            }
        }
        if !issues.isEmpty { throw InputErrors(issues) }
        if !convictions.isEmpty { request.convictions = convictions }
        let charges = rows.charges.map { index in
            IntakeRequest.PendingCharge(statute: form.nonEmpty(prefix(charge: index) + "statute"), chargedOn: form.nonEmpty(prefix(charge: index) + "chargedOn"))
        }
        if !charges.isEmpty { request.pendingCharges = charges }
    }

    /// The service names the n-th conviction given; the form names the row it came from.
    static func remap(_ errors: [String: String], rows: FilledRows) -> [String: String] {
        var mapped: [String: String] = [:]
        for (key, message) in errors {
            var target = key
            for (list, places) in [("convictions", rows.convictions), ("pendingCharges", rows.charges)] {
                for (given, row) in places.enumerated() where key.hasPrefix("\(list)[\(given)].") {
                    target = "\(list)[\(row)]." + key.dropFirst("\(list)[\(given)].".count)
                }
            }
            mapped[target] = message
        }
        return mapped
    }
}
