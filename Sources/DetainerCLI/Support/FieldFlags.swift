import ArgumentParser
import DetainerDomain
import DetainerStore
import Sysexits

/// Errors name what the person typed (issue 25 §3). The store and the domain name a bad value by
/// its field path (`inReplyTo`, `person.dateOfBirth`), the way the API's JSON and the web's forms
/// name it; on the command line the same path is shown as the option that set it (`--in-reply-to`,
/// `--dob`). A path the command has no option for (a field of an `--json` file, a positional
/// argument) keeps its path.
enum FieldFlags {
    /// `inReplyTo` → `--in-reply-to`.
    static func option(for path: String) -> String {
        "--" + path.reduce(into: "") { text, c in text += c.isUppercase ? "-" + c.lowercased() : String(c) }
    }

    /// The option the command declares for a one-word path, judged by its own help text.
    static func declaredOption(for path: String, in command: ParsableCommand.Type) -> String? {
        guard !path.isEmpty, path.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        let option = option(for: path)
        let help = DetainerCommand.helpMessage(for: command, includeHidden: true, columns: 10_000)
        let declared = help.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "=" })
            .contains { $0 == Substring(option) }
        return declared ? option : nil
    }

    /// The error again, with each field path replaced by the option that set it; any other error
    /// unchanged.
    static func naming(_ error: Error, in command: ParsableCommand.Type, explicit: (String) -> String? = { _ in nil }) -> Error {
        let issues: [ValidationIssue]
        switch error {
        case let error as InputErrors: issues = error.issues
        case let error as ValidationIssue: issues = [error]
        case let error as (any FieldIssues & ExitStatusError):
            // A refusal in words (a duplicate detainer) that names the field it lacks: the option
            // that supplies it follows the words.
            let names = error.fieldIssues.compactMap { explicit($0.path) ?? declaredOption(for: $0.path, in: command) }
            return names.isEmpty ? error : CLIError(error.exitStatus, "\(error.exitMessage) (\(names.joined(separator: ", ")))")
        default: return error
        }
        var renamed = false
        let parts = issues.map { issue -> String in
            guard let name = explicit(issue.path) ?? declaredOption(for: issue.path, in: command) else { return issue.description }
            renamed = true
            return "\(name): \(issue.message)"
        }
        return renamed ? CLIError(.dataError, parts.joined(separator: "; ")) : error
    }
}
