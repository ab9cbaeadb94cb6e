import ArgumentParser
import DetainerStore
import SQLite

/// `detainer`: case tracking for New York City's handling of ICE civil immigration detainers.
public struct DetainerCommand: ParsableCommand {
    public static let toolVersion = "0.1.0"

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "detainer",
            abstract: "Track ICE civil immigration detainers under NYC Admin. Code §§ 9-131 (DOC), 14-154 (NYPD) and 9-205 (Probation).",
            discussion: """
                Clerks log each detainer with `intake`; the law engine evaluates it at once; supervisors \
                work the `queue` and `review`; analysts run `report`. The database is --db, else \
                $DETAINER_DB, else ./detainer.db. Writers name themselves with --user or $DETAINER_USER.

                Exit status: 0 ok, 1 check found problems, 64 usage, 65 bad data or refused by a rule, \
                66 missing file or database, 69 database busy, 70 internal error, 73 will not overwrite, \
                74 I/O error, 77 permission denied.
                """,
            version: "detainer \(toolVersion) (SQLite \(Connection.libraryVersion), schema \(Schema.latestVersion))",
            subcommands: [
                DemoCommand.self,
                IntakeCommand.self,
                LinkCommand.self,
                UpdateCommand.self,
                ConvictionCommand.self,
                ChargeCommand.self,
                QueueCommand.self,
                DigestCommand.self,
                ReviewCommand.self,
                ProposalCommand.self,
                StatusCommand.self,
                ContactCommand.self,
                AssistanceCommand.self,
                ScaapCommand.self,
                AttachCommand.self,
                DocumentCommand.self,
                ShowCommand.self,
                RecordCommand.self,
                NoticeCommand.self,
                PersonCommand.self,
                ListCommand.self,
                EvaluateCommand.self,
                OffensesCommand.self,
                ReportCommand.self,
                ImportCommand.self,
                ExportCommand.self,
                LogCommand.self,
                UserCommand.self,
                InitCommand.self,
                KeygenCommand.self,
                CheckCommand.self,
                BackupCommand.self,
                ServeCommand.self,
            ]
        )
    }

    public init() {}
}
