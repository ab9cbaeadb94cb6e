import DetainerStore
import Hummingbird
import Synchronization

/// The per-request context: Hummingbird's core storage, the signed-in session (set by
/// `SessionMiddleware`), and the note the request log reads after the response.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// nil until `SessionMiddleware` finds a valid session cookie.
    public var session: WebSession?
    /// Shared with `RequestLogMiddleware`, which sits outside the middleware that learns the user.
    var note = RequestNote()
    /// The client's IP address as the connection reports it (recorded with every write it makes).
    let remoteAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in session, or a 401 (API) / redirect to sign-in (pages).
    func requireSession() throws -> WebSession {
        guard let session else { throw WebError.signInRequired }
        return session
    }
}

/// What the middleware outside `SessionMiddleware` needs to know from inside the chain: the
/// request log (the user's name) and the error pages (the session, so an error page keeps the
/// signed-in layout; `context.session` there is the outer copy of the context, always nil).
final class RequestNote: Sendable {
    private let userName = Mutex<String?>(nil)
    private let signedIn = Mutex<WebSession?>(nil)

    var user: String? {
        get { userName.withLock { $0 } }
        set { userName.withLock { $0 = newValue } }
    }

    var session: WebSession? {
        get { signedIn.withLock { $0 } }
        set { signedIn.withLock { $0 = newValue } }
    }
}
