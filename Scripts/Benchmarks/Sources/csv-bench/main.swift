// csv-bench: how fast CSVStream (the product's CSV reader) reads a file, and how much memory.
//
//   csv-bench FILE [--strings] [--runs 5] [--chunk N]
//
// Each run reads every record of FILE touching every byte of every field (as a caller parsing
// dates would), or with --strings makes a Swift String of every field (as the importer does).
// Prints each run and a `RESULT` line (median/min/max records per second) plus peak RSS.
// It bounds what `detainer import` can do: the import cannot be faster than reading its file.
// Ported from the csv-stream repository's Sources/csv-bench (its generator is replaced by
// Scripts/generate-ice-csv).
import BenchSupport
import CSVStream

let arguments = Arguments(flags: ["strings"])
guard let path = arguments.positional.first else { fail("usage: csv-bench FILE [--strings] [--runs N] [--chunk N]") }
let runs = arguments.int("runs", default: 5)
let strings = arguments.flag("strings")
var options = CSVReader.Options()
options.chunkSize = arguments.int("chunk", default: options.chunkSize)

var rates: [Double] = []
var bytesPerSecond: [Double] = []
for run in 1...max(1, runs) {
    var records = 0
    var checksum = 0
    var bytes = 0
    let seconds: Double
    do throws(CSVError) {
        let start = monotonicSeconds()
        let reader = try CSVReader(path: path, options: options)
        _ = try reader.readHeader()
        while let record = try reader.next() {
            records += 1
            if strings {
                for i in 0..<record.count { checksum &+= record[i].utf8.count }
            } else {
                for i in 0..<record.count {
                    record.withFieldBytes(i) { field in for b in field { checksum &+= Int(b) } }
                }
            }
        }
        bytes = reader.bytesConsumed
        seconds = monotonicSeconds() - start
    } catch {
        fail(error.description)
    }
    rates.append(Double(records) / seconds)
    bytesPerSecond.append(Double(bytes) / seconds)
    print("run \(run): \(records) records, \(bytes) bytes in \(format(seconds, decimals: 3)) s (checksum \(checksum))")
}
printResult("csv", strings ? "read.strings" : "read.bytes", unit: "records/s", Spread(rates), runs: rates.count)
printResult("csv", strings ? "read.strings.MBps" : "read.bytes.MBps", unit: "MB/s", Spread(bytesPerSecond.map { $0 / 1e6 }), runs: rates.count)
print("peak RSS (VmHWM): \(peakRSSKiB().map { "\($0) KiB" } ?? "unknown")")
