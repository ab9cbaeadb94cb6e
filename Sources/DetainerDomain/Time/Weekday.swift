/// Day of the week; raw values follow the C convention (0 = Sunday).
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
