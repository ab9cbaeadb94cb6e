import DetainerDomain
import DetainerStore

/// The intake form: every field of `detainer intake`, named by the JSON contract's paths. On an
/// error the form comes back with what was typed and each message beside its field. When a
/// detainer is already open on the same custody case the form comes back (409) with a
/// confirmation: the clerk may say why ICE really sent another and log it again (the CLI's
/// `--allow-duplicate --reason TEXT`).
enum IntakePage {
    static func render(session: WebSession, form: FormData?, errors: [String: String], duplicate: DuplicateDetainer? = nil) -> HTML {
        func value(_ name: String) -> String? { form?[name] }
        func field(_ label: String, _ name: String, type: String = "text", hint: String? = nil, required: Bool = false) -> HTML {
            Forms.input(label, name: name, value: value(name), type: type, error: errors[name], hint: hint, required: required)
        }
        let checkedBoxes = Set(form?.all("detainer.probableCause") ?? [])
        return Layout.page("Intake", session: session, current: .intake) {
            el("h1", text: "Log a detainer")
            if !errors.isEmpty {
                el("div", .class("notice error"), Attribute("role", "alert"), .id("errors")) {
                    el("p", text: "Nothing was recorded. Fix the \(errors.count == 1 ? "field" : "\(errors.count) fields") marked below:")
                    el("ul") {
                        for (name, message) in errors.sorted(by: { $0.key < $1.key }) {
                            el("li") { el("a", .href("#" + Forms.fieldID(name)), text: "\(FieldLabels.label(name)): \(message)") }
                        }
                    }
                }
            }
            el("form", Attribute("method", "post"), Attribute("action", "/intake"), Attribute("novalidate", present: false)) {
                Forms.csrf(session)
                el("fieldset") {
                    el("legend", text: "Person")
                    el("div", .class("fields")) {
                        field("Name", "person.name", hint: "Exactly as written, any script, up to 200 characters", required: true)
                        field("Date of birth", "person.dateOfBirth", type: "date")
                        field("NYSID", "person.nysid", hint: "Seven or eight digits and a letter, e.g. 12345678K")
                        field("A-number", "person.aNumber", hint: "A and 8 or 9 digits")
                        field("FBI number", "person.fbiNumber")
                        field("Country of birth", "person.countryOfBirth")
                    }
                }
                el("fieldset") {
                    el("legend", text: "Custody case")
                    el("div", .class("fields")) {
                        Forms.select("Agency", name: "custody.agency", options: [("", "choose…"), ("DOC", "DOC (Correction)"), ("NYPD", "NYPD (Police)"), ("DOP", "DOP (Probation)")],
                                     selected: value("custody.agency"), error: errors["custody.agency"], required: true)
                        field("Booking / book-and-case number", "custody.bookingNumber")
                        field("Facility", "custody.facility")
                        field("Instant arrest date", "custody.arrestDate", type: "date", hint: "The five-year window ends on it", required: true)
                        field("Scheduled release", "custody.scheduledReleaseAt", type: "datetime-local", hint: "New York time; the hold deadline counts from it")
                    }
                }
                el("fieldset") {
                    el("legend", text: "ICE paperwork")
                    el("div", .class("fields")) {
                        Forms.select("Form", name: "detainer.form", options: [("", "I-247A (default)")] + DetainerForm.allCases.map { ($0.rawValue, $0.rawValue) },
                                     selected: value("detainer.form"), error: errors["detainer.form"])
                        field("ICE subject id", "detainer.iceSubjectId")
                        field("ICE event number", "detainer.eventNumber")
                        field("Issuing DHS office", "detainer.issuingOffice")
                        field("Prepared on", "detainer.preparedOn", type: "date")
                        field("Received", "detainer.receivedAt", type: "datetime-local", hint: "New York time; empty for now")
                    }
                    el("fieldset") {
                        el("legend", text: "Probable cause boxes checked on the form")
                        if let error = errors.first(where: { $0.key.hasPrefix("detainer.probableCause") })?.value {
                            el("span", .class("error"), text: error)
                        }
                        for (value, label) in [("finalOrder", "Final order of removal"), ("removalProceedings", "Removal proceedings pending"),
                                               ("biometricMatch", "Biometric match"), ("statements", "Statements / other evidence")] {
                            el("div", .class("check")) {
                                void("input", attributes: [.type("checkbox"), .id("pc-" + value), .name("detainer.probableCause"), .value(value),
                                                           Attribute("checked", present: checkedBoxes.contains(value))])
                                el("label", .for("pc-" + value), text: label)
                            }
                        }
                    }
                }
                el("fieldset") {
                    el("legend", text: "Warrant and facts")
                    el("div", .class("fields")) {
                        Forms.select("Warrant presented", name: "detainer.warrant.type",
                                     options: [("", "none"), ("administrative", "administrative (I-200 / I-205)"), ("judicial", "judicial (signed by a federal judge)")],
                                     selected: value("detainer.warrant.type"), error: errors["detainer.warrant.type"])
                        field("Warrant signed by", "detainer.warrant.issuer")
                        field("Warrant date", "detainer.warrant.date", type: "date")
                        Forms.select("Terrorist screening database match", name: "detainer.terroristScreeningMatch",
                                     options: [("unknown", "unknown"), ("yes", "yes"), ("no", "no")],
                                     selected: value("detainer.terroristScreeningMatch") ?? "unknown", error: errors["detainer.terroristScreeningMatch"],
                                     hint: "Unknown is never read as no")
                        Forms.select("ICE asserts illegal re-entry after removal", name: "detainer.illegalReentryAfterRemoval",
                                     options: [("unknown", "unknown"), ("yes", "yes"), ("no", "no")],
                                     selected: value("detainer.illegalReentryAfterRemoval") ?? "unknown", error: errors["detainer.illegalReentryAfterRemoval"])
                        Forms.select("Administrative warrant form attached", name: "detainer.administrativeWarrantForm",
                                     options: [("", "not recorded"), ("I-200", "I-200 (arrest, removal proceedings)"), ("I-205", "I-205 (removal / deportation)")],
                                     selected: value("detainer.administrativeWarrantForm"), error: errors["detainer.administrativeWarrantForm"],
                                     hint: "Only with an administrative warrant")
                        Forms.select("Box 2 ticked (DHS transferred the person to this custody)", name: "detainer.dhsTransferBox2",
                                     options: [("unknown", "unknown"), ("yes", "yes"), ("no", "no")],
                                     selected: value("detainer.dhsTransferBox2") ?? "unknown", error: errors["detainer.dhsTransferBox2"])
                        Forms.select("Notice to appear served", name: "detainer.noticeToAppearServed",
                                     options: [("unknown", "unknown"), ("yes", "yes"), ("no", "no")],
                                     selected: value("detainer.noticeToAppearServed") ?? "unknown", error: errors["detainer.noticeToAppearServed"])
                    }
                }
                if duplicate != nil || errors[FormRequests.duplicateReasonField] != nil {
                    duplicateConfirmation(duplicate, form: form, error: errors[FormRequests.duplicateReasonField])
                }
                Forms.submit("Log detainer and evaluate")
            }
        }
    }

    /// The open detainer, and the reason and confirmation a second one needs.
    private static func duplicateConfirmation(_ duplicate: DuplicateDetainer?, form: FormData?, error: String?) -> HTML {
        el("fieldset", .class("notice error"), .id("duplicate"), Attribute("role", "alert")) {
            el("legend", text: "A detainer is already open on this custody case")
            if let duplicate {
                el("p") {
                    HTML("Nothing was recorded: ")
                    el("a", .href("/detainers/\(duplicate.existingID)"), text: "detainer \(duplicate.existingID)")
                    HTML(" (\(duplicate.status)) is still open on custody case \(duplicate.custodyCaseID). If ICE really sent a second detainer, say why and log it again.")
                }
            }
            void("input", .type("hidden"), .name(FormRequests.allowDuplicateField), .value("yes"))
            Forms.textarea("Why a second detainer on this custody case is real", name: FormRequests.duplicateReasonField,
                           value: form?[FormRequests.duplicateReasonField], error: error,
                           hint: "Recorded in the audit log with the new detainer", required: true)
        }
    }
}
