import ArgumentParser
import DetainerDomain
import DetainerStore
#if canImport(Glibc)
import Glibc
#endif

struct DemoCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo database: a realistic office's two years, then show the review queue and a monthly summary.",
        discussion: """
            Users of every role (admin, clerk.rivera, clerk.okafor, sup.chen, sup.goldberg, auditor.diaz) and a few \
            hundred made-up detainers. A previous demo database is replaced; any other file is replaced only after \
            you confirm (or with --force). The simulated period ends now ($DETAINER_NOW pins it).
            """)

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Replace a training database without asking even if it is not a demo one (never a production database).") var force = false
    @Option(help: "Days of history to simulate.") var days: Int = 730

    func execute() throws {
        guard (30...3650).contains(days) else { throw CLIError(.dataError, "days: must be between 30 and 3650") }
        let path = database.resolvedPath
        if FileStatus.isDirectory(path) { throw CLIError(.cannotCreate, "\(path) is a directory") }
        if FileStatus.exists(path) { try confirmReplacing(path) }
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        try InitCommand.createPrivateFile(path, group: nil)
        let clock = try Environment.clock()
        let now = clock.now()
        let db = try DetainerDatabase.open(path: path, access: .create, clock: clock)
        try db.migrate()
        let started = Stopwatch()
        let summary = try db.demo.populateDemo(now: now, days: days)
        Environment.announceTraining(path)
        db.clock = clock
        try db.connection.execute("PRAGMA synchronous = FULL")
        Terminal.out("Demo database \(path): \(summary.detainers) detainers for \(summary.persons) persons over \(days) days, built in \(started.formatted).")
        Terminal.out("Users: \(Demo.demoUsers.map { "\($0.0) (\($0.1.rawValue))" }.joined(separator: ", ")).")
        Terminal.out("")
        let items = try db.queries.queue(QueueFilter())
        Terminal.out("REVIEW QUEUE (\(items.count) awaiting action)")
        // The queue as `detainer queue` shows it: words, New York time, 80 columns.
        let set = QueueTable.set(Array(items.prefix(15)))
        try RecordPrinter.print(set, as: .table, empty: "(empty)", wrapAt: QueueTable.wrapAt)
        Terminal.out("")
        let today = now.newYorkDate
        let first = today.adding(days: -365)
        let report = try ReportService(db).monthlyReport(from: String(first.description.prefix(7)), to: String(today.description.prefix(7)), agency: nil)
        try MonthlyReportPrinter.print(report, as: .table)
        Terminal.out("")
        Terminal.out("Try: detainer queue · detainer show \(items.first?.detainerID ?? 1) · detainer review \(items.first?.detainerID ?? 1) --approve --user sup.chen · detainer report annual --year \(today.year) --fiscal --user auditor.diaz")
    }

    /// Only a training database is ever replaced (issue 13 §5): a demo one without asking,
    /// another training one after confirmation or --force. A production database, or any file
    /// that is not a detainer database, is refused even with --force.
    private func confirmReplacing(_ path: String) throws {
        let existing = try? DetainerDatabase.open(path: path, access: .inspect)
        guard let existing, (try? existing.integrity.hasRecordedMode()) == true, (try? existing.integrity.mode()) == .training else {
            throw CLIError(.cannotCreate, "\(path) exists and is not a training database; demo never replaces it, even with --force (use --db to pick another file)")
        }
        if (try? existing.demo.isDemo()) == true || force { return }
        guard Terminal.stdinIsTTY else {
            throw CLIError(.cannotCreate, "\(path) is a training database but not a demo one; use --force to replace it, or --db to pick another file")
        }
        guard Terminal.confirmed("\(path) is a training database, NOT a demo one. Replace it?") else {
            throw CLIError(.cannotCreate, "\(path) left unchanged")
        }
    }
}
