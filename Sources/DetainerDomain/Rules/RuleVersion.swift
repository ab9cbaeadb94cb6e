/// A version of the detainer rules as data: when it took effect, which offense-list rows it
/// includes and which test it applies. Add a version by appending to `RuleBook.versions`.
public struct RuleVersion: Sendable, Hashable {
    public let id: String
    /// First day in force (evaluations on or after it use this version); nil = from the start.
    public let effectiveOn: CivilDate?
    public let title: String
    /// Where the version comes from, with the status of its effective date.
    public let source: String
    /// The offenses.csv origins this version lists.
    public let listedOrigins: [ListOrigin]
    public let test: RuleTest
    /// `listedOrigins` as bits, for the evaluator.
    let listedOriginMask: UInt8

    public init(id: String, effectiveOn: CivilDate?, title: String, source: String, listedOrigins: [ListOrigin], test: RuleTest) {
        self.id = id
        self.effectiveOn = effectiveOn
        self.title = title
        self.source = source
        self.listedOrigins = listedOrigins
        self.test = test
        listedOriginMask = listedOrigins.reduce(0) { $0 | $1.bit }
    }

    public func lists(_ origin: ListOrigin) -> Bool { listedOriginMask & origin.bit != 0 }
}

public enum RuleTest: Sendable, Hashable {
    /// The regime cannot be encoded; evaluations get `needsReview` with this reason.
    case notEncoded(ReasonCode)
    /// Judicial warrant AND (violent or serious conviction within five years OR TSDB match), with
    /// the NYPD 48-hour hold (§9-131(b)(1), §14-154(b)(1)-(2), §9-205(b)).
    case judicialWarrantAndViolentOrSeriousConviction
}

public enum RuleBook {
    public static let versions: [RuleVersion] = [
        RuleVersion(
            id: "nyc-pre-2014",
            effectiveOn: nil,
            title: "Covered-crime regime of L.L. 2011/062, 2013/021 and 2013/022 (not encoded)",
            source: "Admin. Code §9-131 as added by L.L. 2011/062 and amended by L.L. 2013/022; §14-154 as added by L.L. 2013/021",
            listedOrigins: [],
            test: .notEncoded(.pre2014Regime)),
        RuleVersion(
            id: "nyc-2014",
            effectiveOn: ProjectDecisions.localLaws2014EffectiveDate,
            title: "Local Laws 58 and 59 of 2014 (violent-or-serious-crime list, judicial warrant)",
            source: "L.L. 2014/058 (§9-131) and L.L. 2014/059 (§14-154), effective 2014-12-14; §9-205 added by L.L. 2017/226",
            listedOrigins: [.statuteList, .rule2019AndStatuteList, .hateCrimeStatute],
            test: .judicialWarrantAndViolentOrSeriousConviction),
        RuleVersion(
            id: "nyc-2019-rule",
            effectiveOn: ProjectDecisions.docRule2019EffectiveDate,
            title: "2014 laws plus the seven offenses of the 2019 DOC rule",
            source: "L.L. 2014/058 and 2014/059; 39 RCNY §2-01 (proposed 2019-08-12; effective 2020-01-01 by project decision, adoption date unverified)",
            listedOrigins: [.statuteList, .rule2019AndStatuteList, .hateCrimeStatute, .rule2019],
            test: .judicialWarrantAndViolentOrSeriousConviction),
    ]

    /// The index in `versions` of the version in force on `date`.
    public static func versionIndex(on date: CivilDate) -> Int {
        var chosen = 0
        for (index, version) in versions.enumerated() {
            if let start = version.effectiveOn, start > date { break }
            chosen = index
        }
        return chosen
    }

    /// The same choice with the effective dates of `decisions` (Sources/DetainerDomain/Law/README.md §12.3-12.4).
    public static func versionIndex(on date: CivilDate, decisions: ProjectDecisions) -> Int {
        if date < decisions.localLaws2014EffectiveDate { return 0 }
        return date < decisions.docRule2019EffectiveDate ? 1 : 2
    }

    public static func version(on date: CivilDate) -> RuleVersion { versions[versionIndex(on: date)] }

    public static func version(id: String) -> RuleVersion? { versions.first { $0.id == id } }
}
