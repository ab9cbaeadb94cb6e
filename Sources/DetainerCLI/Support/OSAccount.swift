#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system account this process acts as: the effective uid's login, which on a
/// production database decides who the actor is (issue 13 §1). Environment variables such as
/// USER or LOGNAME are never consulted: anyone can set them. For a command the service runs for
/// a client of its socket, the account is the client's, as the kernel reported it on the
/// connection (issue 23 §1): user namespaces, LD_PRELOAD and the environment cannot change it.
enum OSAccount {
    static func currentLogin() throws -> String {
        if let peer = PeerSession.current {
            guard let login = peer.login else {
                throw CLIError(.permission, "your OS account (uid \(peer.uid)) has no login name on the server; it cannot be a user of this office")
            }
            return login
        }
        let uid = geteuid()
        guard let name = login(uid: uid) else {
            throw CLIError(.permission, "the effective user id \(uid) has no login name in the password database; a production database cannot tell who you are")
        }
        return name
    }

    /// The login name of `uid` in this machine's password database.
    static func login(uid: uid_t) -> String? {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
