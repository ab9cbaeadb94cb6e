import ArgumentParser
import DetainerDomain
import DetainerStore

/// The one rule for enumerations on the command line (README, "Enumerations"): any case is
/// accepted (`--agency doc`, `--to Transferred`) and the stored spelling is used; an unknown
/// value is a usage error listing the accepted ones.
protocol CaseInsensitiveArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseInsensitiveArgument {
    public init?(argument: String) { self.init(anyCase: argument) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Agency: CaseInsensitiveArgument {}
extension DetainerStatus: CaseInsensitiveArgument {}
extension Outcome: CaseInsensitiveArgument {}
extension Decision: CaseInsensitiveArgument {}
extension Role: CaseInsensitiveArgument {}
extension ContactDirection: CaseInsensitiveArgument {}
extension ContactKind: CaseInsensitiveArgument {}
extension InformationType: CaseInsensitiveArgument {}
extension WarrantKind: CaseInsensitiveArgument {}
extension ResponseOutcome: CaseInsensitiveArgument {}
extension HoldEndCause: CaseInsensitiveArgument {}
