import ArgumentParser
import Sysexits

/// The one rule for usage errors (README, "Errors"): like every error, one line on stderr —
/// what is wrong — then one line of hint naming the help to read; exit 64. swift-argument-parser
/// would print the whole usage synopsis (several lines) instead.
extension DetainerCommand {
    public static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            // Help, --version and completion scripts are "errors" that exit 0: print them as usual.
            guard exitCode(for: error).rawValue == ExitStatus.usage.rawValue else { exit(withError: error) }
            Terminal.error(usageLine(for: error))
            Terminal.err("detainer: hint: see `\(commandPath(arguments).joined(separator: " ")) --help`")
            Terminal.flush()
            exit(withError: ExitCode(ExitStatus.usage.rawValue))
        }
        do {
            var command = command
            try command.run()
        } catch {
            exit(withError: error)
        }
        exit()
    }

    /// The parser's message without its "Error: " prefix, its usage synopsis or its help line.
    /// The parser lists the accepted values of a longer enumeration as bullets on the following
    /// lines ("Please provide one of the following:" then "  - phone"…): they join the one line,
    /// so the error names every choice (issue 25 §3).
    static func usageLine(for error: Error) -> String {
        let full = message(for: error)
        let lines = full.split(whereSeparator: \.isNewline).map(String.init)
        var first = lines.first ?? full
        if first.hasSuffix(":") {
            let choices = lines.dropFirst().prefix { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
            if !choices.isEmpty { first += " " + choices.joined(separator: ", ") + "." }
        }
        return first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
    }

    /// `detainer list` for `detainer list --frob`: the subcommands named before the first option.
    static func commandPath(_ arguments: [String]) -> [String] {
        var path = ["detainer"]
        var type: ParsableCommand.Type = DetainerCommand.self
        for argument in arguments {
            guard let next = type.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { break }
            path.append(argument)
            type = next
        }
        return path
    }
}
