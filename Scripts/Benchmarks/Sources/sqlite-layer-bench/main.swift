// sqlite-layer-bench: the product's SQLite layer against the raw C API and GRDB.
//
//   sqlite-layer-bench [--rows 1000000] [--runs 5] [--variants raw,ours,grdb] [--dir /tmp]
//
// Each run inserts --rows rows (INTEGER, TEXT, REAL, nullable TEXT) with one reused prepared
// statement in one BEGIN IMMEDIATE transaction into a fresh database file, then reads every row
// back (journal_mode=WAL, synchronous=FULL, foreign_keys=ON for all; memory statistics off for
// the whole process; raw and ours open with SQLITE_OPEN_NOMUTEX, GRDB with its own flags, which
// it does not let a user change). Runs are interleaved
// (raw, ours, grdb, then the next run in a rotated order) so machine noise hits every variant
// alike. Prints one line per run, then `RESULT` lines (median/min/max seconds) for the driver,
// Scripts/bench. Variants: raw (C API), ours (Sources/SQLite, typed binds), ours-generic
// (positional `[any SQLiteBindable?]` binds and `value(_:)` reads), grdb (GRDB 7.10).
#if canImport(Glibc)
import Glibc
#endif
import BenchSupport
import GRDBVariant
import OurVariant
import RawVariant

let arguments = Arguments()
let rows = arguments.int("rows", default: 1_000_000)
let runs = arguments.int("runs", default: 5)
let directory = arguments.string("dir", default: "/tmp")
let variants = arguments.string("variants", default: "raw,ours,grdb").split(separator: ",").map(String.init)
let known: [String: (String, Int) throws -> LayerTiming] = [
    "raw": RawVariant.run, "ours": OurVariant.run, "ours-generic": OurVariant.runGeneric, "grdb": GRDBVariant.run,
]
for variant in variants where known[variant] == nil { fail("unknown variant \(variant) (raw, ours, ours-generic, grdb)") }
guard rows > 0, runs > 0 else { fail("--rows and --runs must be positive") }

// Library-wide settings first (memory statistics off, as the product does), for all variants.
guard RawVariant.configureLibrary() else { fail("sqlite3_config(SQLITE_CONFIG_MEMSTATUS) failed") }
let expected = LayerWorkload.expectedChecksum(rows: rows)
var results: [String: [LayerTiming]] = [:]
print("sqlite-layer-bench: \(rows) rows x 4 columns, \(runs) runs, variants \(variants.joined(separator: ", ")), files in \(directory)")
for run in 0..<runs {
    for offset in 0..<variants.count {
        let variant = variants[(run + offset) % variants.count]
        let path = "\(directory)/sqlite-layer-bench-\(getpid())-\(variant).db"
        removeDatabase(path)
        let timing: LayerTiming
        do {
            timing = try known[variant]!(path, rows)
        } catch {
            fail("\(variant): \(error)")
        }
        removeDatabase(path)
        guard timing.checksum == expected else { fail("\(variant): read back checksum \(timing.checksum), expected \(expected)") }
        results[variant, default: []].append(timing)
        print("run \(run + 1) \(variant): insert \(format(timing.insert, decimals: 3)) s, read \(format(timing.read, decimals: 3)) s, total \(format(timing.total, decimals: 3)) s")
    }
}
for variant in variants {
    let timings = results[variant]!
    printResult("sqlite-layer", "\(variant).total", unit: "s", Spread(timings.map(\.total)), runs: timings.count)
    printResult("sqlite-layer", "\(variant).insert", unit: "s", Spread(timings.map(\.insert)), runs: timings.count)
    printResult("sqlite-layer", "\(variant).read", unit: "s", Spread(timings.map(\.read)), runs: timings.count)
}
if let base = results["raw"] {
    // Ratios run by run (the variants of one run ran back to back), then their spread.
    for variant in variants where variant != "raw" {
        let ratios = zip(results[variant]!, base).map { $0.total / $1.total }
        printResult("sqlite-layer", "\(variant)/raw", unit: "x", Spread(ratios), runs: ratios.count)
    }
}
