import ArgumentParser
import DetainerStore

enum OutputFormat: String, CaseInsensitiveArgument {
    case table, csv, json
}

/// `--format table|csv|json`, for every command that prints records.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: OutputFormat = .table
}

/// `--format text|json` on commands that write: a sentence for people, or one JSON object (keys
/// in camelCase, times ISO 8601 UTC) for scripts. There is no CSV of a single result.
struct WriteOutputOptions: ParsableArguments {
    enum WriteFormat: String, CaseInsensitiveArgument { case text, json }

    @Option(name: .long, help: "Output: text (default) or json, for scripts.")
    var format: WriteFormat = .text

    /// Prints the sentence, or the object as pretty JSON.
    func print(text: @autoclosure () -> String, json: @autoclosure () -> JSONValue) {
        switch format {
        case .text: Terminal.out(text())
        case .json: Terminal.out(json().prettySerialized)
        }
    }
}
