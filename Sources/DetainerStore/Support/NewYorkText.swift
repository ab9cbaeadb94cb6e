import DetainerDomain

extension UTCInstant {
    /// "2026-03-02 09:30 EST": how messages to people show an instant (New York wall-clock time
    /// with its zone), never the stored UTC form.
    public var newYorkText: String {
        let local = NewYorkTime.localDateTime(at: self)
        let clock = local.description.dropFirst(11).prefix(5)
        return "\(local.date) \(clock) \(local.isDaylightTime ? "EDT" : "EST")"
    }
}
