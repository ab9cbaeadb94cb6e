#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system account this process acts as: the effective uid's login, which on a
/// production database decides who the actor is (issue 13 §1). Environment variables such as
/// USER or LOGNAME are never consulted: anyone can set them.
enum OSAccount {
    static func currentLogin() throws -> String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else {
            throw CLIError(.permission, "the effective user id \(uid) has no login name in the password database; a production database cannot tell who you are")
        }
        return String(cString: name)
    }
}
