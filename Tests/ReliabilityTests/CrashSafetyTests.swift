import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` an import or an intake at a random moment: afterwards `detainer check` passes, the
/// write is all there or not there at all (every table's row count moved by exactly what a
/// complete run moves it, or not at all), and the database takes the next write.
///
/// RELIABILITY_CRASH_TRIALS (default 20) and RELIABILITY_IMPORT_ROWS (default 3000) size it;
/// RELIABILITY_SEED replays a run (the seed is printed with every failure).
@Suite(.serialized) struct CrashSafetyTests {
    static let trials = Sizes.value("RELIABILITY_CRASH_TRIALS", 20)

    @Test func killingAnImportLeavesAllOrNothing() throws {
        let rows = Sizes.value("RELIABILITY_IMPORT_ROWS", 3000)
        let csv = Self.iceCSV(rows: rows)
        try Self.crashTrials(label: "import of \(rows) rows", user: "sup1") { box in
            let file = box.path("ice-\(rows).csv")
            try csv.write(to: URL(fileURLWithPath: file))
            return ["import", file]
        }
    }

    @Test func killingAnIntakeLeavesAllOrNothing() throws {
        try Self.crashTrials(label: "intake", user: "clerk1") { _ in
            ["intake", "--name", "Crash Trial", "--dob", "1979-05-06", "--agency", "DOC", "--booking", "9900000001",
             "--facility", "Rikers Island", "--arrest-date", "2026-02-28", "--warrant", "judicial",
             "--warrant-issuer", "Hon. A. Judge", "--warrant-date", "2026-02-27", "--probable-cause", "finalOrder"]
        }
    }

    /// One uninterrupted run measures the typical duration and what a complete run adds to each
    /// table; then each trial kills a fresh copy's run after a random delay in [0, 1.25 × duration]
    /// (the tail catches the commit, the checkpoint and the exit).
    static func crashTrials(label: String, user: String, command: (Sandbox) throws -> [String]) throws {
        var (random, seed) = SeededRandom.fromEnvironment()
        let calibration = try Sandbox(name: "crash-calibration")
        let before = try calibration.tableCounts()
        let full = try calibration.detainer(try command(calibration), user: user)
        try #require(full.status == 0, "the uninterrupted \(label) failed: \(full)")
        let complete = difference(try calibration.tableCounts(), before)
        try #require(!complete.isEmpty)
        let duration = full.seconds

        var killedMidway = 0, absent = 0, present = 0
        for trial in 1...trials {
            let box = try Sandbox(name: "crash-\(trial)")
            let args = try command(box)
            let delay = Double.random(in: 0...(duration * 1.25), using: &random)
            let running = try box.spawnDetainer(args, user: user)
            usleep(useconds_t(delay * 1_000_000))
            running.kill9()
            let result = running.wait()
            let context = "\(label), trial \(trial) of \(trials), killed after \(String(format: "%.3f", delay)) s (RELIABILITY_SEED=\(seed))"
            if result.signal == SIGKILL { killedMidway += 1 } else {
                #expect(result.status == 0, "\(context): finished on its own but failed: \(result)")
            }

            let check = try box.detainer("check")
            #expect(check.status == 0, "\(context): check fails after the crash:\n\(check.stdout)\(check.stderr)")
            let change = difference(try box.tableCounts(), before)
            if change.isEmpty {
                absent += 1
                #expect(result.signal == SIGKILL, "\(context): exited 0 but nothing was recorded")
            } else if change == complete {
                present += 1
            } else {
                Issue.record("\(context): a partial write survived: \(change) (a complete run adds \(complete))")
            }
            // The database takes the next write (recovery of the WAL left by the killed process).
            let next = try box.detainer(["intake", "--name", "After Crash", "--agency", "NYPD", "--arrest-date", "2026-03-01"], user: "clerk1")
            #expect(next.status == 0 && next.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("TRAINING") }, "\(context): the next intake failed: \(next)")
        }
        print("crash safety, \(label): \(trials) trials (seed \(seed)), typical run \(String(format: "%.3f", duration)) s; "
              + "\(killedMidway) killed while running; \(absent) left nothing, \(present) complete; check passed after each")
        #expect(absent + present == trials)
    }

    /// Tables whose row count changed, and by how much.
    static func difference(_ after: [String: Int], _ before: [String: Int]) -> [String: Int] {
        var change: [String: Int] = [:]
        for (table, count) in after where count != before[table] ?? 0 { change[table] = count - (before[table] ?? 0) }
        for (table, count) in before where after[table] == nil { change[table] = -count }
        return change
    }

    /// A synthetic ICE extract in the NPR/FOIA layout: every row valid, dates spread over 2023–2025.
    static func iceCSV(rows: Int) -> Data {
        let facilities = [("RIKERS ISLAND", "EAST ELMHURST", "NEW YORK"), ("BROOKLYN CENTRAL BOOKING", "BROOKLYN", "NEW YORK"),
                          ("MOSHANNON VALLEY CORRECTIONAL", "PHILIPSBURG", "PENNSYLVANIA"), ("\"BERKS COUNTY JAIL, PA\"", "LEESPORT", "PENNSYLVANIA")]
        let reasons = ["", "Lifted", "Booked into Detention", "Detainer Declined by LEA", "Transferred", "Case Closed"]
        var text = "date,lift_reason,det_facility,city,state,detainer_type\n"
        let start = 19358  // 2023-01-01 in days since 1970
        for i in 0..<rows {
            let day = start + (i * 7919) % 1000
            let (y, m, d) = civil(fromDays: day)
            let (facility, city, state) = facilities[i % facilities.count]
            text += String(format: "%04d-%02d-%02d 00:00:00,", y, m, d)
                + "\(reasons[i % reasons.count]),\(facility),\(city),\(state),I247A - Immigration Detainer - Notice of Action\n"
        }
        return Data(text.utf8)
    }

    /// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
