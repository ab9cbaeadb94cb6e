import DetainerDomain
import SQLite

extension Queries {
    /// The information request a response answers when the clerk says `latest` (issue 25 §3:
    /// `contact 12 … --in-reply-to latest`): the newest request on that detainer, or, without a
    /// detainer, the newest request about that person made of that agency. Nil when there is none.
    public func latestInformationRequest(detainerID: Int64) throws -> Int64? {
        try connection.read {
            try connection.scalarInt("""
                SELECT id FROM ice_communications WHERE detainer_id = ? AND kind = ?
                ORDER BY occurred_at DESC, id DESC LIMIT 1
                """, detainerID, ContactKind.informationRequest.rawValue)
        }
    }
}
