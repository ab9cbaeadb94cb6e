import ArgumentParser

/// Every subcommand runs its work through `execute()`, so failures are reported the same way
/// everywhere: one line on stderr and a documented exit status.
protocol DetainerSubcommand: ParsableCommand {
    func execute() throws
}

extension DetainerSubcommand {
    func run() throws {
        defer { Terminal.flush() }
        do {
            try execute()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ErrorReporting.report(error)
        }
    }
}
