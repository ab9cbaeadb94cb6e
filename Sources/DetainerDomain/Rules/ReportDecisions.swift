/// The readings the statutory reports depend on (law reference §7b, copied in
/// Sources/DetainerDomain/Law/README.md): where the text of §9-131(f), §14-154(f), §9-205(f) and
/// §10-178(d) leaves a choice, the choice is one named constant here, printed by
/// `report annual --explain` and in the published page's footnotes. Kept apart from
/// `ProjectDecisions` (the law engine's choices) because no evaluation reads these.
public enum ReportDecisions {
    /// Period: the twelve months ending June 30 (§9-131(f) "the preceding twelve month period
    /// ending June 30"), not ICE's October fiscal year nor the calendar year.
    public static let period = "The year is the twelve months ending June 30 of the report year (New York dates), as §9-131(f), §14-154(f) and §9-205(f) say; --calendar gives a calendar year instead."

    /// "Convicted of a violent or serious crime" for f4/f5 and the information split: the defined
    /// term of §9-131(a)(2), which excludes a judgment five or more years before the instant arrest
    /// ((a)(2)(ii)) — i.e. the engine's honoring test, not "any such conviction ever".
    public static let vscStanding = "\"Had at least one conviction for a violent or serious crime\" is read as the defined term of §9-131(a)(2) / §14-154(a)(2): a judgment on a listed crime inside the five-year window of (a)(2)(ii), as the law engine's violentOrSeriousConviction check finds it, as of the date counted (the request, or the transfer). A person not shown to have one (no evaluation, or an unknown fact) is counted as having none; the count of such unknowns is printed."

    /// "Held beyond the time when such individual would otherwise be released": a person actually
    /// kept past release (status `held`), never an honor decision carried out by notification only.
    public static let heldBeyondRelease = "\"Held beyond release\" counts persons actually kept past the time they would otherwise have been released (status held, dated by the time the hold began). A detainer honored by notifying ICE of the release only, a transfer at or before the scheduled release, and a release on bail after an honor are not holds."

    /// The clock of §9-131(f)(8): 8 CFR 287.7(d)'s 48 hours excluding Saturdays, Sundays and
    /// holidays (observed federal holidays), from the time the hold began.
    public static let holdClock = "The 48-hour hold period of 8 CFR 287.7(d) that §9-131(f)(8) cites excludes Saturdays, Sundays and holidays (observed federal holidays, New York days): a hold that began Friday 10:00 expires Tuesday 10:00. f8 counts holds that ended without a transfer with the cause holdExpired or iceDisavowed recorded on the release, or by ICE lifting the detainer (a lift is ICE disavowing custody)."

    /// Each item is dated by one event; a detainer lodged in June and decided in July falls in two
    /// reporting years (lodged in one, not honored in the next).
    public static let dating = "Each item is dated by one event, named in its own explanation (lodged: received; held: the hold began; transferred: the transfer; not honored: the final decision; information: the request, and a response by its own date). A detainer lodged in June and decided in July therefore counts in two reporting years."

    /// Persons, not detainers, where the statute says "individuals": a person counts once per item
    /// per period, whatever the number of detainers.
    public static let persons = "Items that count \"individuals\" count each person once per item and period, however many detainers they had; f1 counts detainers."

    /// Only the city's own records: imported ICE records are never the city's counts.
    public static let scope = "Only detainers the office logged at intake count. Imported ICE records (FOIA extracts) are ICE's account, shown apart under \"ICE's records\", never added to the items. Records marked entered in error are left out; each item says how many."

    /// f1/f2 reasons: the mapping table and its primary-reason rule.
    public static var reasons: String {
        "Reasons (f1, f2) come from the I-247A as received by the mapping \(StatutoryReasonMapping.version): final order or I-205 → (iv); I-200 → (iii); removal proceedings or notice to appear served → (ii); biometric or statements → (i); Box 2 only, judicial warrant only or nothing recorded → other. A detainer with several counts once, under the first of (iv), (iii), (ii), (i); f2 files a person under the reason of the first detainer held in the period."
    }

    /// §9-131(h): a provided response about a protected person is flagged, not only counted.
    public static let section9131h = "§9-131(h): a response giving ICE custody, release or court information about a person with no violent or serious conviction and no TSDB match (or not known) is refused unless confirmed; confirmed ones are counted and flagged (respondedDespite9131h)."

    /// Small-cell suppression in published output only.
    public static let smallCellThreshold = 5
    public static let suppression = "Small cells (published pages only: --format html): within one breakdown group, when any count is from 1 to \(smallCellThreshold - 1), every count below \(smallCellThreshold), zeros included, is shown as \"<\(smallCellThreshold)\"; if that hides a single cell, the group's smallest other count is hidden too (\"suppressed\"), so no hidden count can be found by subtraction. Item totals, which the law requires, are shown. JSON, CSV and table output are not suppressed."
}
