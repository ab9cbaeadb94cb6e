/// How the actor of a write was authenticated (issue 23 §2): each audit row carries it in its
/// payload (`auth`), so an act done under a typed name, through a web session or from an OS
/// account can be told apart afterwards, and an identity swapped and swapped back leaves a trace
/// in the rows written meanwhile. The front end binds it for the request (the CLI for its whole
/// run, the server per HTTP request); the store only records it. Never a secret: a session is
/// named by its row id and a prefix of its token's SHA-256, never the token.
public enum Authentication {
    @TaskLocal public static var current: JSONValue?

    /// The command line: the OS account the kernel says runs this process. The store adds
    /// whether the actor was bound to it (production) or declared by name (training).
    public static func commandLine(uid: UInt32, euid: UInt32, pid: Int32, login: String?) -> JSONValue {
        ["channel": "cli", "uid": .int(Int64(uid)), "euid": .int(Int64(euid)), "pid": .int(Int64(pid)), "osLogin": .optional(login)]
    }

    /// A command the service ran for a client of its socket: the client's uid, gid and pid as
    /// the kernel reported them on the connection (SO_PEERCRED), and the login the uid has.
    public static func serviceSocket(uid: UInt32, gid: UInt32, pid: Int32, login: String?) -> JSONValue {
        ["channel": "socket", "uid": .int(Int64(uid)), "gid": .int(Int64(gid)), "pid": .int(Int64(pid)), "osLogin": .optional(login)]
    }

    /// `current` as recorded on a database in `mode`.
    static func recorded(mode: String?) -> JSONValue? {
        guard case .object(var fields)? = current else { return current }
        if fields["channel"] == "socket" {
            fields["identity"] = .string(mode == DatabaseMode.training.rawValue ? "declared name (training)" : "bound to the OS account the kernel reported on the service socket")
        } else if fields["channel"] == "cli" {
            fields["identity"] = .string(mode == DatabaseMode.training.rawValue ? "declared name (training)" : "bound to the OS account")
        }
        return .object(fields)
    }

    /// A web request: the session it came with and the client's address.
    public static func web(session: WebSession, address: String?) -> JSONValue {
        ["channel": "web", "session": .int(session.id), "sessionTokenHash": .string(String(session.tokenHashPrefix)),
         "address": .optional(address)]
    }
}
