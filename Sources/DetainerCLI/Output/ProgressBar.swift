/// A one-line progress bar on stderr, drawn only when stderr is a terminal so that logs and
/// pipes stay clean. Redraws at most ~10 times a second.
final class ProgressBar {
    private let label: String
    private let enabled: Bool
    private var lastDraw = 0.0
    private var drawn = false

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        let now = Stopwatch.monotonicSeconds()
        guard now - lastDraw >= 0.1 || done >= total else { return }
        lastDraw = now
        let width = 30
        let fraction = min(1.0, Double(done) / Double(total))
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        Terminal.errRaw("\r\(label) [\(bar)] \(Int(fraction * 100))%")
        drawn = true
    }

    func finish() {
        if drawn { Terminal.errRaw("\r\u{1B}[K") }
    }
}
