#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place that writes to the terminal. Standard output carries results, standard error
/// carries errors, warnings and progress, so results can be piped cleanly.
enum Terminal {
    static func out(_ text: String) {
        StandardOutput.shared.append(text)
        if !text.hasSuffix("\n") { StandardOutput.shared.append("\n") }
    }

    static func outRaw(_ text: String) { StandardOutput.shared.append(text) }

    static func err(_ text: String) {
        errRaw(text.hasSuffix("\n") ? text : text + "\n")
    }

    static func errRaw(_ text: String) {
        StandardOutput.shared.flush()
        writeAll(STDERR_FILENO, Array(text.utf8))
    }

    static func warn(_ text: String) { err("detainer: warning: \(text)") }

    static func error(_ text: String) {
        // One line: a multi-line message would be hard to grep in logs.
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        err("detainer: error: \(oneLine)")
    }

    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTTY: Bool { isatty(STDIN_FILENO) == 1 }

    static func flush() { StandardOutput.shared.flush() }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe (e.g. `| head`) is not worth crashing over
                }
                offset += written
            }
        }
    }
}

/// Buffered standard output: large exports are written in 64 KiB blocks, not line by line.
/// A command runs on one thread; the lock-free buffer is only ever touched from it.
final class StandardOutput: @unchecked Sendable {
    static let shared = StandardOutput()
    private var buffer: [UInt8] = []

    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        Terminal.writeAll(STDOUT_FILENO, buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
