import Foundation
import Testing

/// Issue 23, finding 7: a checkpoint names its database and its time, so one from another
/// database is refused and a stale one says how far behind it is.
@Suite struct CheckpointTests {
    @Test func aCheckpointNamesItsDatabaseAndAge() throws {
        let prod = try Production()
        let first = prod.cli.directory.path("first.db")
        try expectOK(prod.cli.run("backup", first))
        let text = try String(contentsOfFile: first + ".checkpoint", encoding: .utf8)
        #expect(text.hasPrefix("detainer checkpoint v2\ndatabase_id ") && text.contains("\nat 20"), "\(text)")
        #expect(!text.contains("database_id none"))
        try expectOK(prod.cli.run("user", "add", "clara", "--role", "clerk", "--user", "maria"))
        let stale = try prod.cli.run("check", "--checkpoint", first + ".checkpoint")
        try expectOK(stale)
        #expect(stale.stdout.contains("1 audit row since"), "\(stale.stdout)")

        // Another office's checkpoint, even one whose row id and hash were copied over, is refused.
        let other = try Production()
        let theirs = other.cli.directory.path("theirs.db")
        try expectOK(other.cli.run("backup", theirs))
        let foreign = try prod.cli.run("check", "--checkpoint", theirs + ".checkpoint")
        #expect(foreign.status == 1 && foreign.stdout.contains("from another database"), "\(foreign.stdout)")
        let mine = try String(contentsOfFile: first + ".checkpoint", encoding: .utf8)
        let theirID = try #require(try String(contentsOfFile: theirs + ".checkpoint", encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("database_id ") })
        let minted = prod.cli.directory.path("minted.checkpoint")
        try mine.split(separator: "\n").map { $0.hasPrefix("database_id ") ? theirID : $0 }.joined(separator: "\n")
            .appending("\n").write(toFile: minted, atomically: true, encoding: .utf8)
        let refused = try prod.cli.run("check", "--checkpoint", minted)
        #expect(refused.status == 1 && refused.stdout.contains("from another database"), "\(refused.stdout)")
    }

    /// Issue 23 §4: `backup` leaves its checkpoint beside the copy, and no `-wal` or `-shm`
    /// (the copy is a self-contained file), even while the source is in WAL mode and busy.
    @Test func backupLeavesACheckpointAndNoWALFilesBesideTheCopy() throws {
        let prod = try Production()
        try expectOK(prod.cli.run("user", "add", "clara", "--role", "clerk", "--user", "maria"))
        let dest = prod.cli.directory.path("nightly.db")
        try expectOK(prod.cli.run("backup", dest))
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: dest) && fm.fileExists(atPath: dest + ".checkpoint"))
        for suffix in ["-wal", "-shm", "-journal"] { #expect(!fm.fileExists(atPath: dest + suffix), "\(dest + suffix) was left") }
        let leftovers = try fm.contentsOfDirectory(atPath: prod.cli.directory.url.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        try expectOK(prod.cli.run("check", "--db", dest, "--checkpoint", dest + ".checkpoint"))
        for suffix in ["-wal", "-shm"] { #expect(!fm.fileExists(atPath: dest + suffix), "checking the copy left \(dest + suffix)") }
    }
}
