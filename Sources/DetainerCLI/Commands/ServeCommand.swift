import ArgumentParser
import DetainerStore
import DetainerWeb
import Dispatch
import Logging

/// `detainer serve`: the office in a browser (and the JSON API), one process owning the database.
struct ServeCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web office and the JSON API (/api/v1) until SIGTERM.",
        discussion: """
            Listens on 127.0.0.1:8080 by default; put a TLS-terminating reverse proxy in front and pass \
            --secure-cookies. Users sign in with the password set by `detainer user passwd`. SIGTERM or \
            SIGINT stops accepting connections, finishes the requests in flight and exits 0. GET /healthz \
            answers `ok`. Request logs (method, path, status, time, user) go to stderr.

            It also listens on a Unix-domain socket (--socket, default the database path plus .sock): \
            the command line of every other OS account reaches the database through it, identified by \
            the kernel (SO_PEERCRED) and mapped to users by their OS login. On a production database, \
            run it as the account that owns the database and the signing key.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on.") var bind = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(name: .customLong("no-socket"), help: "Do not listen on the command line's socket (then only the owning account can use the database from the command line).")
    var noSocket = false
    @Flag(help: "Mark cookies Secure and send HSTS: use when a TLS proxy is in front.") var secureCookies = false
    @Option(name: .customLong("public-origin"), help: ArgumentHelp(
        "The address people use, e.g. https://detainer.example.org: requests for another Host, and writes from another Origin, are refused.",
        valueName: "url")) var publicOrigin: String?
    /// Hidden, for the browser tests' expiry check: it can only shorten the 15-minute policy,
    /// which is never less safe, so it needs no training-database guard.
    @Option(name: .customLong("session-idle-seconds"), help: .hidden) var sessionIdleSeconds: Int64?
    /// Hidden, for the timeout test: how long a connection may wait without a complete request head.
    @Option(name: .customLong("connection-idle-seconds"), help: .hidden) var connectionIdleSeconds: Int64?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
        guard !bind.isEmpty else { throw ValidationError("--bind needs an address") }
        if let sessionIdleSeconds, !(1...AccountPolicy.idleTimeoutSeconds).contains(sessionIdleSeconds) {
            throw ValidationError("--session-idle-seconds must be 1 to \(AccountPolicy.idleTimeoutSeconds) (it can only shorten the policy)")
        }
        if let connectionIdleSeconds, !(1...3600).contains(connectionIdleSeconds) {
            throw ValidationError("--connection-idle-seconds must be 1 to 3600")
        }
    }

    func execute() throws {
        // The signing key (--signing-key or $DETAINER_SIGNING_KEY) is read once, here. The database
        // is opened before listening, so a missing or unmigrated file fails like any command, and
        // its mode decides the clock: DETAINER_NOW only on a training database.
        let signer = try database.loadSigner()
        let clock = try database.open(.read).clock
        let office = try Office(path: database.resolvedPath, clock: clock, signer: signer)
        defer { office.close() }
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        if let publicOrigin, !WebOptions.validPublicOrigin(publicOrigin) {
            throw CLIError(.usage, "--public-origin: \"\(publicOrigin)\" is not an origin such as https://detainer.example.org (scheme and host, no path)")
        }
        let options = WebOptions(bind: bind, port: port, secureCookies: secureCookies,
                                 sessionIdleSeconds: sessionIdleSeconds ?? AccountPolicy.idleTimeoutSeconds,
                                 connectionIdleSeconds: connectionIdleSeconds ?? WebOptions.defaultConnectionIdleSeconds, publicOrigin: publicOrigin)
        let socket = try listenForCommandLine()
        socket?.start()
        defer { socket?.stop() }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await WebApp.run(office: office, options: options) } catch { outcome.error = "\(error)" }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw CLIError(.unavailable, "serve stopped: \(error)") }
    }

    /// The command line's way in (issue 23 §1). A default path too long for a socket (deep
    /// temporary directories) only costs the socket; a path the administrator chose must work.
    private func listenForCommandLine() throws -> ServiceSocket? {
        guard !noSocket else { return nil }
        let path = database.resolvedSocketPath
        let chosen = database.socketPath != nil || Environment.value(Environment.socketVariable) != nil
        if !chosen, path.utf8.count >= 108 {
            Terminal.warn("no command-line socket: \(path) is too long for one; give --socket PATH")
            return nil
        }
        let socket: ServiceSocket
        do {
            socket = try ServiceSocket(path: path, databasePath: database.resolvedPath, signingKeyPath: database.resolvedSigningKeyPath)
        } catch let error as CLIError where !chosen && error.status == .unavailable {
            // A second server on the same database (another port, a test's short-session one):
            // the first one's socket already serves the command line.
            Terminal.warn("no command-line socket: \(error.message)")
            return nil
        }
        Terminal.err("command line: listening on \(path)")
        return socket
    }

    /// The server task's failure, handed back to the blocked command thread.
    private final class Outcome: @unchecked Sendable {
        var error: String?
    }
}
