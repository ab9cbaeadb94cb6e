// The product's SQLite layer (Sources/SQLite): Connection with the product's open sequence,
// a prepared Statement reused for every row, typed binds, `execute()`, typed column getters.
import BenchSupport
import SQLite

public enum OurVariant {
    static func open(_ path: String) throws -> Connection {
        // ConnectionOptions' defaults are the product's: WAL, synchronous=FULL, foreign_keys=ON.
        try Connection(path: path, options: ConnectionOptions(mode: .create, synchronous: .full, foreignKeys: true, walJournal: true))
    }

    /// Typed binds (`bind(_:at:)`), as the importer writes them.
    public static func run(path: String, rows: Int) throws -> LayerTiming {
        let db = try open(path)
        try db.execute(LayerWorkload.createTable)
        var timing = LayerTiming(insert: 0, read: 0, checksum: 0)
        timing.insert = try timed {
            let statement = try db.cached(LayerWorkload.insert)
            try db.write {
                for i in 0..<rows {
                    try statement.bind(LayerWorkload.n(i), at: 1)
                    try statement.bind(LayerWorkload.name(i), at: 2)
                    try statement.bind(LayerWorkload.amount(i), at: 3)
                    if let note = LayerWorkload.note(i) {
                        try statement.bind(note, at: 4)
                    } else {
                        try statement.bindNull(at: 4)
                    }
                    try statement.execute()
                }
            }
        }
        timing.read = try timed {
            let statement = try db.prepare(LayerWorkload.select)
            var sum = 0
            try statement.forEachRow { row in
                let n = row.int64(0)
                let name = row.string(1) ?? ""
                let amount = row.double(2)
                let note = row.string(3)
                sum &+= LayerWorkload.checksum(n: n, nameBytes: name.utf8.count, amount: amount, noteBytes: note?.utf8.count)
            }
            timing.checksum = sum
        }
        try db.close()
        return timing
    }

    /// The convenience path: positional `[any SQLiteBindable?]` binds (what `Connection.run` uses)
    /// and `value(_:)` reads. Not a target of the issue; shows what the generic API costs.
    public static func runGeneric(path: String, rows: Int) throws -> LayerTiming {
        let db = try open(path)
        try db.execute(LayerWorkload.createTable)
        var timing = LayerTiming(insert: 0, read: 0, checksum: 0)
        timing.insert = try timed {
            try db.write {
                for i in 0..<rows {
                    try db.run(LayerWorkload.insert, LayerWorkload.n(i), LayerWorkload.name(i), LayerWorkload.amount(i), LayerWorkload.note(i))
                }
            }
        }
        timing.read = try timed {
            let statement = try db.prepare(LayerWorkload.select)
            var sum = 0
            try statement.forEachRow { row in
                guard case .integer(let n) = row.value(0), case .text(let name) = row.value(1),
                      case .real(let amount) = row.value(2) else { fail("unexpected column types") }
                var noteBytes: Int?
                if case .text(let note) = row.value(3) { noteBytes = note.utf8.count }
                sum &+= LayerWorkload.checksum(n: n, nameBytes: name.utf8.count, amount: amount, noteBytes: noteBytes)
            }
            timing.checksum = sum
        }
        try db.close()
        return timing
    }
}
