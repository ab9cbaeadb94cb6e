#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Elapsed wall time for summaries ("in 1.42 s, 231,000 rows/s").
struct Stopwatch {
    private let start: Double = Stopwatch.monotonicSeconds()

    var seconds: Double { Stopwatch.monotonicSeconds() - start }

    var formatted: String { Stopwatch.format(seconds: seconds) }

    static func format(seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100).\(String(repeating: "0", count: hundredths % 100 < 10 ? 1 : 0))\(hundredths % 100) s"
    }

    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
