import DetainerStore

/// The server's hold on the database: one writer (so exactly one write transaction at a time,
/// in arrival order) and one read-only connection for pages and API reads, which in WAL mode
/// never wait for the writer.
public final class Office: Sendable {
    let writer: DatabaseLane
    let reader: DatabaseLane
    public let databasePath: String
    /// The clock the store uses (pinned by DETAINER_NOW for demos and tests).
    public let clock: Clock

    /// Opens both connections; refuses a missing or unmigrated database as the CLI does.
    public init(path: String, clock: Clock = .system, signingKey: SigningKey? = nil) throws {
        let writeHandle = try DetainerDatabase.open(path: path, access: .write, clock: clock)
        SigningKey.attach(signingKey, to: writeHandle)
        let readHandle = try DetainerDatabase.open(path: path, access: .read, clock: clock)
        writer = DatabaseLane(label: "detainer.writer", database: writeHandle)
        reader = DatabaseLane(label: "detainer.reader", database: readHandle)
        databasePath = path
        self.clock = clock
    }

    /// A write: runs alone, in order, on the writer connection.
    func write<T: Sendable>(_ body: @escaping @Sendable (DetainerDatabase) throws -> T) async throws -> T {
        try await writer.run(body)
    }

    /// A read on the read-only connection.
    func read<T: Sendable>(_ body: @escaping @Sendable (DetainerDatabase) throws -> T) async throws -> T {
        try await reader.run(body)
    }

    public func close() {
        reader.close()
        writer.close()
    }
}
