// GRDB 7.10, used as its documentation recommends for bulk inserts: one prepared Statement
// reused with `execute(arguments:)` inside one immediate transaction; read back through a
// `Row` cursor with typed subscripts.
import BenchSupport
import GRDB

public enum GRDBVariant {
    public static func run(path: String, rows: Int) throws -> LayerTiming {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        var timing = LayerTiming(insert: 0, read: 0, checksum: 0)
        try queue.inDatabase { db in
            try db.execute(sql: LayerWorkload.createTable)
            timing.insert = try timed {
                let statement = try db.makeStatement(sql: LayerWorkload.insert)
                try db.inTransaction(.immediate) {
                    for i in 0..<rows {
                        try statement.execute(arguments: [LayerWorkload.n(i), LayerWorkload.name(i), LayerWorkload.amount(i), LayerWorkload.note(i)])
                    }
                    return .commit
                }
            }
            timing.read = try timed {
                let cursor = try Row.fetchCursor(db, sql: LayerWorkload.select)
                var sum = 0
                while let row = try cursor.next() {
                    let n: Int64 = row[0]
                    let name: String = row[1]
                    let amount: Double = row[2]
                    let note: String? = row[3]
                    sum &+= LayerWorkload.checksum(n: n, nameBytes: name.utf8.count, amount: amount, noteBytes: note?.utf8.count)
                }
                timing.checksum = sum
            }
        }
        try queue.close()
        return timing
    }
}
