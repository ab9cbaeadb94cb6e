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
        let visible = TerminalEscaping.visible(text)
        errRaw(visible.hasSuffix("\n") ? visible : visible + "\n")
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

    /// Asks a person at the terminal: `question`, then "Type yes to confirm: "; true only for yes.
    static func confirmed(_ question: String) -> Bool {
        errRaw("\(question) Type yes to confirm: ")
        return (readLine(strippingNewline: true) ?? "").lowercased() == "yes"
    }

    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
    static let stdoutIsTTY: Bool = isatty(STDOUT_FILENO) == 1
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
        // Stored strings reach the terminal only through here: no control character a record could
        // carry (ESC, BEL, CR …) is written raw (issue 24 §5).
        buffer.append(contentsOf: TerminalEscaping.visible(text).utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        Terminal.writeAll(STDOUT_FILENO, buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Makes control characters visible before text reaches a terminal, so a stored string cannot
/// repaint, move the cursor, ring the bell or forge a line (issue 24 §5). Line feeds and tabs are
/// the output's own layout and pass; every other C0 character, DEL, the C1 range and the Unicode
/// line and paragraph separators are written as `\u{1B}`.
enum TerminalEscaping {
    static func visible(_ text: String) -> String {
        // Fast path: scan the bytes; C1 characters are encoded C2 80…C2 9F, U+2028/9 as E2 80 A8/A9.
        var clean = true
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F
                || (previous == 0xC2 && (0x80...0x9F).contains(byte))
                || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9)) {
                clean = false
                break
            }
            beforePrevious = previous
            previous = byte
        }
        if clean { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
                result.append(contentsOf: "\\u{\(String(value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
