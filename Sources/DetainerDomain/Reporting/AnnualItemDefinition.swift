/// One item of an agency's annual report: its id, the statute's own words, the citation, what it
/// counts (unit), the one event that dates it, and the reading it rests on (printed by
/// `report annual --explain` and in the published page's footnotes). Law reference §7, §7b.
///
/// The labels follow the item texts as the law reference (§7) gives them, which quotes the CODE-2020
/// mirror only in part ("the reason given by federal immigration authorities", "the amount of state
/// criminal alien assistance funding requested and received", f8's "either because of the
/// expiration…"); the rest of each label is worded from that summary and must be checked against
/// the official code text (codelibrary.amlegal.com) before a report is published.
public struct AnnualItemDefinition: Sendable, Hashable {
    public enum Measure: Sendable, Hashable {
        case lodged
        case held
        case transferred
        case transferredStanding(PersonStanding)
        case scaap
        case notHonored
        case heldNotTransferred
        /// Information requests and responses; the information types the section lists.
        case information([String])
    }

    public let id: String
    public let label: String
    public let citation: String
    public let unit: String
    public let datedBy: String
    public let reading: String
    public let measure: Measure

    /// The items of `agency`'s section, in statute order.
    public static func items(for agency: Agency) -> [AnnualItemDefinition] {
        switch agency {
        case .doc: doc
        case .nypd: cityAgency(section: "§14-154", department: "the department", infoTypes: policeTypes)
        case .dop: cityAgency(section: "§9-205", department: "the department of probation", infoTypes: probationTypes)
        }
    }

    static let policeTypes = ["incarcerationStatus", "releaseDate", "courtDate", "other"]
    /// §9-205(f)(5) adds "scheduled appointment dates or times".
    static let probationTypes = ["incarcerationStatus", "releaseDate", "courtDate", "appointment", "other"]

    static let lodgedDating = "the date the detainer was received (New York date)"
    static let heldDating = "the date the hold began (status held, New York date)"
    static let transferDating = "the date of the transfer to ICE custody"
    static let decisionDating = "the date of the final decision to decline"
    static let informationDating = "a request by the date it was received; a response by the date it was given"

    static let doc: [AnnualItemDefinition] = [
        .init(id: "f1", label: "Total number of civil immigration detainers lodged with the department, disaggregated to the extent possible by the reason given by federal immigration authorities for issuing the detainers",
              citation: "Admin. Code §9-131(f)(1)", unit: "detainers", datedBy: lodgedDating, reading: ReportDecisions.reasons, measure: .lodged),
        .init(id: "f2", label: "Number of individuals held in custody pursuant to civil immigration detainers beyond the time when such individual would otherwise be released from the department's custody, disaggregated to the extent possible by the reason given by federal immigration authorities for issuing the detainers",
              citation: "Admin. Code §9-131(f)(2)", unit: "persons", datedBy: heldDating, reading: ReportDecisions.heldBeyondRelease, measure: .held),
        .init(id: "f3", label: "Number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers",
              citation: "Admin. Code §9-131(f)(3)", unit: "persons", datedBy: transferDating, reading: ReportDecisions.persons, measure: .transferred),
        .init(id: "f4", label: "Number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had at least one conviction for a violent or serious crime",
              citation: "Admin. Code §9-131(f)(4)", unit: "persons", datedBy: transferDating + "; standing as the office knew it when the transfer was recorded",
              reading: ReportDecisions.vscStanding, measure: .transferredStanding(.VSC)),
        .init(id: "f5", label: "Number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no convictions for a violent or serious crime and were identified as possible matches in the terrorist screening database",
              citation: "Admin. Code §9-131(f)(5)", unit: "persons", datedBy: transferDating + "; standing as the office knew it when the transfer was recorded",
              reading: ReportDecisions.vscStanding, measure: .transferredStanding(.TSDBOnly)),
        .init(id: "f6", label: "The amount of state criminal alien assistance funding requested and received from the federal government",
              citation: "Admin. Code §9-131(f)(6)", unit: "US dollars", datedBy: "the city fiscal year the amounts are recorded for",
              reading: "Amounts as recorded with `detainer scaap record` from the named source document; the latest record for the fiscal year counts.", measure: .scaap),
        .init(id: "f7", label: "Number of individuals for whom civil immigration detainers were not honored pursuant to subdivision b of this section",
              citation: "Admin. Code §9-131(f)(7)", unit: "persons", datedBy: decisionDating, reading: ReportDecisions.persons, measure: .notHonored),
        .init(id: "f8", label: "Number of individuals held in custody pursuant to civil immigration detainers beyond the time when such individual would otherwise be released from the department's custody who were not transferred to the custody of federal immigration authorities either because of the expiration of the forty-eight-hour hold period provided in 8 CFR § 287.7 or because federal immigration authorities disavowed an intention to assume custody",
              citation: "Admin. Code §9-131(f)(8); 8 CFR 287.7(d)", unit: "persons", datedBy: heldDating, reading: ReportDecisions.holdClock, measure: .heldNotTransferred),
        .init(id: "f9", label: "Number of requests from federal immigration authorities concerning a person's incarceration status, release dates, court appearance dates, or any other information related to such person in the department's custody, and the number of responses honoring such requests, disaggregated by persons with no conviction for a violent or serious crime, persons with at least one such conviction, and persons with no such conviction identified as possible matches in the terrorist screening database, each further disaggregated by the type of information requested and whether the department facilitated the transfer of such person to federal immigration authorities",
              citation: "Admin. Code §9-131(f)(9)", unit: "requests and responses", datedBy: informationDating,
              reading: ReportDecisions.vscStanding + " " + ReportDecisions.section9131h, measure: .information(policeTypes)),
    ]

    static func cityAgency(section: String, department: String, infoTypes: [String]) -> [AnnualItemDefinition] {
        [
            .init(id: "f1", label: "Number of civil immigration detainers received from federal immigration authorities",
                  citation: "Admin. Code \(section)(f)(1)", unit: "detainers", datedBy: lodgedDating, reading: ReportDecisions.reasons, measure: .lodged),
            .init(id: "f2", label: "Number of individuals held in custody pursuant to civil immigration detainers beyond the time when such individual would otherwise be released from \(department)'s custody",
                  citation: "Admin. Code \(section)(f)(2)", unit: "persons", datedBy: heldDating, reading: ReportDecisions.heldBeyondRelease, measure: .held),
            .init(id: "f3", label: "Number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers",
                  citation: "Admin. Code \(section)(f)(3)", unit: "persons", datedBy: transferDating, reading: ReportDecisions.persons, measure: .transferred),
            .init(id: "f4", label: "Number of individuals for whom civil immigration detainers were not honored pursuant to subdivision b of this section",
                  citation: "Admin. Code \(section)(f)(4)", unit: "persons", datedBy: decisionDating, reading: ReportDecisions.persons, measure: .notHonored),
            .init(id: "f5", label: "Number of requests from federal immigration authorities concerning a person's incarceration status, release dates, court appearance dates\(infoTypes.contains("appointment") ? ", scheduled appointment dates or times" : ""), or any other information, and the number of responses honoring such requests, disaggregated by persons with no conviction for a violent or serious crime, persons with at least one such conviction, and persons with no such conviction identified as possible matches in the terrorist screening database, each further disaggregated by the type of information requested and whether \(department) facilitated the transfer of such person to federal immigration authorities",
                  citation: "Admin. Code \(section)(f)(5)", unit: "requests and responses", datedBy: informationDating,
                  reading: ReportDecisions.vscStanding, measure: .information(infoTypes)),
        ]
    }
}
