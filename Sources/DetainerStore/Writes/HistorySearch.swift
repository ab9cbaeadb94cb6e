import DetainerDomain
import SQLite

/// Whether the criminal-history search is on record for a detainer (issue 25 §1). The store has
/// no separate "search done" fact: a search shows up as what it found — the person's convictions
/// or pending charges (each "as the criminal-history search reports it") — or, when it found
/// nothing, as its printout attached to the detainer (a `criminalHistory` document not
/// withdrawn). With none of these the search is pending: the engine can only have read "no
/// convictions recorded", so the queue says so and a review must be confirmed
/// (`ReviewPolicy.reviewWithoutHistorySearchNeedsConfirmation`).
public enum HistorySearch {
    /// An SQL expression, 1 when the search is pending for detainer alias `d` (person `d.person_id`).
    static func pendingSQL(_ d: String = "d") -> String {
        """
        (NOT EXISTS (SELECT 1 FROM convictions AS hc WHERE hc.person_id = \(d).person_id)
         AND NOT EXISTS (SELECT 1 FROM pending_charges AS hp WHERE hp.person_id = \(d).person_id)
         AND NOT EXISTS (SELECT 1 FROM documents AS hd WHERE hd.detainer_id = \(d).id AND hd.kind = 'criminalHistory' AND hd.withdrawn_at IS NULL))
        """
    }

    static func isPending(detainerID: Int64, in db: Connection) throws -> Bool {
        try db.scalarInt("SELECT \(pendingSQL()) FROM detainers AS d WHERE d.id = ?", detainerID) == 1
    }

    /// The refusal of an unconfirmed review (exit 65, HTTP 422), named by the confirmation field.
    public static let confirmationField = "confirmNoSearch"
    static func unconfirmed(_ detainerID: Int64) -> ValidationIssue {
        ValidationIssue(path: confirmationField, message: "no criminal-history search is on record for detainer \(detainerID) (no conviction, pending charge or criminal-history printout): record what the search shows first, or confirm the review without it")
    }
}
