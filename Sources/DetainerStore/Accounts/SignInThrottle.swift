import DetainerDomain
import Synchronization

/// Slows password guessing without a lockout anyone could trigger (issue 23 §4). Two counters:
///
/// - **Per client address**: after `AccountPolicy.freeFailuresPerAddress` failures, each further
///   attempt from that address waits a delay that doubles with every failure, up to
///   `AccountPolicy.maximumAddressDelaySeconds`. One guesser is slowed to a crawl.
/// - **Per account name typed** (existing or not, so names cannot be probed by timing): once it
///   has failed `freeFailuresPerAccount` times, at most one password check every
///   `AccountPolicy.accountCheckIntervalSeconds` (one second). Guessers spread over many addresses
///   get one guess a second per account, and the real person, from their own address, waits at
///   most that second: a flood cannot lock them out.
///
/// A refused attempt never runs bcrypt, so a flood costs no password-hashing CPU. A success
/// clears both counters for that address and name. The state lives in the server's memory
/// (bounded: the oldest entries go first); a restart forgets it, which favours the office.
/// The clock is passed in, so the rule is tested without waiting.
public final class SignInThrottle: Sendable {
    struct Entry: Sendable {
        var failures: Int
        var lastFailure: Int64
        var lastCheck: Int64
    }

    private let state = Mutex<(addresses: [String: Entry], accounts: [String: Entry])>(([:], [:]))
    private let capacity: Int

    public init(capacity: Int = 10_000) { self.capacity = capacity }

    /// Seconds to wait before a password may be checked for `name` from `address`, or nil when
    /// it may be checked now (the check is then counted as made).
    public func wait(name: String, address: String?, now: Int64) -> Int64? {
        state.withLock { state in
            let account = Self.key(name)
            if let entry = state.addresses[address ?? "?"] {
                let due = entry.lastFailure + Self.addressDelay(failures: entry.failures)
                if due > now { return due - now }
            }
            if let entry = state.accounts[account], entry.failures >= AccountPolicy.freeFailuresPerAccount {
                let due = entry.lastCheck + AccountPolicy.accountCheckIntervalSeconds
                if due > now { return due - now }
            }
            state.accounts[account, default: Entry(failures: 0, lastFailure: now, lastCheck: now)].lastCheck = now
            Self.trim(&state.accounts, capacity: capacity)
            return nil
        }
    }

    /// Records the outcome of a password check.
    /// Failed sign-ins for `name` since its last success, as this server counted them (the
    /// Users page shows it: there is no lockout, only a slower check after a few).
    public func failures(name: String) -> Int {
        state.withLock { $0.accounts[Self.key(name)]?.failures ?? 0 }
    }

    public func record(name: String, address: String?, succeeded: Bool, now: Int64) {
        state.withLock { state in
            let account = Self.key(name), place = address ?? "?"
            if succeeded {
                state.addresses[place] = nil
                state.accounts[account] = nil
                return
            }
            state.addresses[place, default: Entry(failures: 0, lastFailure: now, lastCheck: now)].failures += 1
            state.addresses[place]?.lastFailure = now
            state.accounts[account, default: Entry(failures: 0, lastFailure: now, lastCheck: now)].failures += 1
            state.accounts[account]?.lastFailure = now
            Self.trim(&state.addresses, capacity: capacity)
            Self.trim(&state.accounts, capacity: capacity)
        }
    }

    /// The delay after `failures` failures from one address: none for the first few, then
    /// 1, 2, 4 … seconds, capped.
    static func addressDelay(failures: Int) -> Int64 {
        let over = failures - AccountPolicy.freeFailuresPerAddress
        guard over >= 0 else { return 0 }
        return min(AccountPolicy.maximumAddressDelaySeconds, Int64(1) << min(over, 20))
    }

    static func key(_ name: String) -> String { name.lowercased() }

    private static func trim(_ entries: inout [String: Entry], capacity: Int) {
        guard entries.count > capacity else { return }
        for (key, _) in entries.sorted(by: { $0.value.lastFailure < $1.value.lastFailure }).prefix(entries.count - capacity) { entries[key] = nil }
    }
}
