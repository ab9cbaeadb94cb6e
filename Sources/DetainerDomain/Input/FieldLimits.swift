/// Limits on what a clerk may type, stated in error messages.
public enum FieldLimits {
    public static let name = 200
    public static let nysid = 10
    public static let fbiNumber = 16
    public static let country = 80
    public static let bookingNumber = 32
    public static let facility = 120
    public static let iceID = 40
    public static let office = 120
    public static let issuer = 120
    public static let note = 2000
    /// Dates before this are typing mistakes, not records.
    public static let earliestDate = CivilDate(year: 1900, month: 1, day: 1)!
    /// Instants may run a little ahead of the server clock (clock skew between machines).
    public static let clockSkewSeconds: Int64 = 300
    /// Intake logs a detainer as it arrives: a hold lasts 48 hours and the law's search happens
    /// "at or about the time" of release, so a detainer received more than a year before it is
    /// logged is not intake but history (bring it in with `detainer import`), or a wrong year.
    /// Issue 13 §4: a received time decades in the past was accepted and backdated the record.
    public static let maximumIntakeBacklogDays: Int64 = 366
}
