import SQLite

extension HistoryService {
    /// The person a detainer was logged for, so a conviction can be added from the detainer's
    /// page or API: nil when none is on record; NotFound when there is no such detainer.
    public func personID(ofDetainer detainerID: Int64) throws -> Int64? {
        let statement = try connection.prepare("SELECT person_id FROM detainers WHERE id = ?")
        try statement.bind(detainerID, at: 1)
        guard let personID = try statement.first({ $0.optionalInt64(0) }) else {
            throw NotFound(entity: "detainer", key: String(detainerID))
        }
        return personID
    }

    /// The person a conviction belongs to, or nil when there is no such conviction: a page or API
    /// route that names both a detainer and a conviction checks that they belong together.
    public func personID(ofConviction convictionID: Int64) throws -> Int64? {
        let statement = try connection.prepare("SELECT person_id FROM convictions WHERE id = ?")
        try statement.bind(convictionID, at: 1)
        return try statement.first({ $0.int64(0) })
    }
}
