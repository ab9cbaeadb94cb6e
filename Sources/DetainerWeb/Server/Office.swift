import DetainerStore
import Synchronization

/// The server's hold on the database: one writer (so exactly one write transaction at a time,
/// in arrival order) and a few read-only connections for pages and API reads, which in WAL mode
/// never wait for the writer or for each other.
public final class Office: Sendable {
    /// Read connections: enough that a slow page (a report, a search) does not queue the others.
    public static let readerCount = 4

    let writer: DatabaseLane
    let readers: [DatabaseLane]
    private let nextReader = Atomic<Int>(0)
    /// Spaces out password guesses (per address and per account name), in memory.
    let signInThrottle = SignInThrottle()
    /// Whether a full integrity check (`/audit?check=1`) is running: one at a time.
    private let checkRunning = Atomic<Bool>(false)
    public let databasePath: String
    /// The clock the store uses (pinned by DETAINER_NOW for demos and tests).
    public let clock: Clock
    /// A training database (`demo`, `init --training`): every page says so.
    public let isTraining: Bool

    /// Opens both connections; refuses a missing or unmigrated database as the CLI does. The
    /// writer holds the signing key (loaded once by the caller), so every write transaction
    /// signs the new head of the audit chain; a production database refuses to serve without it.
    public init(path: String, clock: Clock = .system, signer: SigningKey? = nil) throws {
        let writeHandle = try DetainerDatabase.open(path: path, access: .write, clock: clock, signer: signer)
        if signer == nil, try writeHandle.integrity.mode() == .production {
            throw IntegrityRefusal("\(path) is a production database: serve needs its signing key (--signing-key FILE or $DETAINER_SIGNING_KEY) to record anything")
        }
        isTraining = try writeHandle.integrity.mode() == .training
        writer = DatabaseLane(label: "detainer.writer", database: writeHandle)
        readers = try (0..<Self.readerCount).map { index in
            DatabaseLane(label: "detainer.reader.\(index)", database: try DetainerDatabase.open(path: path, access: .read, clock: clock))
        }
        databasePath = path
        self.clock = clock
    }

    /// A write: runs alone, in order, on the writer connection.
    /// The request's `Authentication` (bound by `SessionMiddleware`) goes with it onto the lane,
    /// whose thread has no task of its own, so the audit row records how its actor signed in.
    func write<T: Sendable>(_ body: @escaping @Sendable (DetainerDatabase) throws -> T) async throws -> T {
        let authentication = Authentication.current
        return try await writer.run { db in try Authentication.$current.withValue(authentication) { try body(db) } }
    }

    /// Claims the one integrity-check slot; false when a check is already running.
    func beginCheck() -> Bool { checkRunning.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged }

    func endCheck() { checkRunning.store(false, ordering: .releasing) }

    /// A read on one of the read-only connections (round robin).
    func read<T: Sendable>(_ body: @escaping @Sendable (DetainerDatabase) throws -> T) async throws -> T {
        let index = nextReader.add(1, ordering: .relaxed).oldValue
        return try await readers[(index % readers.count + readers.count) % readers.count].run(body)
    }

    /// The CLI's role check (`authorize`), before a request body is even read, so a refused user
    /// gets 403 whatever they sent. The write itself authorizes again in its transaction.
    func permit(_ session: WebSession, _ permission: Permission) async throws {
        _ = try await read { try $0.accounts.authorize(session.user.name, for: permission) }
    }

    public func close() {
        for reader in readers { reader.close() }
        writer.close()
    }
}
