import CSQLite
import Synchronization

/// A COMMIT that failed after it may have reached the disk (issue 27 §1.3). In WAL mode the
/// commit appends the transaction's frames to the -wal file and then fsyncs it: when the fsync
/// (or anything after the commit frame was written) fails, the frames are there, and the next
/// open recovers them. Storage cannot tell; the user must look before entering it again.
public struct UncertainCommit: Error, Equatable, Sendable, CustomStringConvertible {
    public let cause: SQLiteError

    public var description: String { "the commit may or may not have been recorded: \(cause)" }
}

extension SQLiteError {
    /// Whether this error, raised by COMMIT, leaves the outcome unknown. Only a failure that
    /// stops the commit frame from being written leaves the transaction certainly absent: a
    /// rule checked at commit (deferred foreign keys), a lock not taken, a write refused for
    /// space (the frame is not written, or written short, and a short frame fails its checksum).
    var commitMayHaveLanded: Bool {
        switch category {
        case .constraint, .busy, .readOnly: return false
        default:
            if primaryCode == SQLITE_FULL { return false }
            if extendedCode == ExtendedCode.ioerrWrite { return false }
            return true
        }
    }
}

extension Connection {
    private static let commits = Atomic<Int>(0)

    static func noteCommit() { commits.add(1, ordering: .relaxed) }

    /// Write transactions committed by this process so far: an error after one of them must
    /// not suggest that nothing was written.
    public static var committedWrites: Int { commits.load(ordering: .relaxed) }
}
