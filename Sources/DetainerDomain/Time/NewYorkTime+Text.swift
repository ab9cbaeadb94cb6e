/// The one way people see an instant (tables and messages): New York wall-clock time with its
/// zone, to the minute, "2026-11-29 10:00 EST". Files and JSON keep ISO 8601 UTC (`iso8601`).
extension UTCInstant {
    public var newYorkText: String {
        let local = NewYorkTime.localDateTime(at: self)
        let hour = local.hour < 10 ? "0\(local.hour)" : "\(local.hour)"
        let minute = local.minute < 10 ? "0\(local.minute)" : "\(local.minute)"
        return "\(local.date) \(hour):\(minute) \(local.isDaylightTime ? "EDT" : "EST")"
    }
}
