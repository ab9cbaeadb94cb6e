#if canImport(Glibc)
import Glibc
#endif

/// Asks for a password at the terminal without echoing it (issue 23 §4, issue 25 §1): twice,
/// so a typo is not saved. Standard input is the terminal the person typed the command at,
/// also when the service runs the command for them (the terminal is passed as a descriptor).
enum PasswordPrompt {
    static func ask(_ prompt: String) throws -> String {
        let first = try readHidden(prompt)
        let second = try readHidden("Again, to confirm: ")
        guard first == second else { throw CLIError(.dataError, "password: the two entries differ; nothing was changed") }
        return first
    }

    private static func readHidden(_ prompt: String) throws -> String {
        Terminal.errRaw(prompt)
        var saved = termios()
        let hidden = tcgetattr(STDIN_FILENO, &saved) == 0
        if hidden {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer { if hidden { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) } }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 || byte == 0x0A { break }
            if byte != 0x0D { bytes.append(byte) }
            if bytes.count > 1024 { throw CLIError(.dataError, "password: too long") }
        }
        guard !bytes.isEmpty else { throw CLIError(.dataError, "password: nothing was typed; nothing was changed") }
        return String(decoding: bytes, as: UTF8.self)
    }
}
