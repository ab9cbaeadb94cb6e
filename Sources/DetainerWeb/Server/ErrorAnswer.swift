import DetainerDomain
import DetainerStore
import Hummingbird
import Sysexits

/// The one table from errors to HTTP answers. Every error the services throw declares its exit
/// status once (`ExitStatusError`, in the module that defines it; the CLI exits with it), and
/// this table gives the HTTP status for it, the way Hummingbird's `HTTPResponseError` lets an
/// error declare its own response; the web's own refusals (`WebError`) and Hummingbird's
/// (`HTTPError`, an oversized body) declare their HTTP status directly. Nothing is listed by
/// type here, so a new error type answers by its exit status without an edit.
/// `ErrorAnswerTests` walks every error type in the sources and checks none becomes a 500.
enum ErrorAnswer {
    /// Exit status → HTTP status (README "Web"; openapi.yaml's `info`).
    static func status(for exit: ExitStatus) -> HTTPResponse.Status {
        switch exit {
        case .usage: .badRequest                    // 64: the request itself is malformed
        case .dataError: .unprocessableContent      // 65: bad data or refused by a rule
        case .noInput: .notFound                    // 66: what the request names does not exist
        case .unavailable: .serviceUnavailable      // 69: the database is busy; try again
        case .cannotCreate: .conflict               // 73: it exists already; nothing overwritten
        case .ioError: .serviceUnavailable          // 74: the disk or database failed; nothing written
        case .permission: .forbidden                // 77: the user may not, or the key is wrong
        case .checkFailed: .conflict                // 1: the stored history does not check out
        case .ok, .software: .internalServerError   // 70: a bug (and 0 is no error at all)
        }
    }

    /// The HTTP status of an error with `exit` status and `refusal` kind: the kind, where it
    /// says more than the exit status (404, 409), else the table.
    static func status(for exit: ExitStatus, refusal: RefusalKind) -> HTTPResponse.Status {
        switch refusal {
        case .notFound: .notFound
        case .conflict: .conflict
        case .general: status(for: exit)
        }
    }
}

/// An error as the client sees it.
struct Problem: Sendable {
    let status: HTTPResponse.Status
    let message: String
    var issues: [ValidationIssue] = []

    init(_ status: HTTPResponse.Status, _ message: String, issues: [ValidationIssue] = []) {
        self.status = status
        self.message = message
        self.issues = issues
    }

    /// Any error, through `ErrorAnswer`. An internal error's own text never reaches the client
    /// (it can quote input, which may be personal data, or SQL).
    init(_ error: any Error) {
        switch error {
        case let error as any HTTPResponseError:
            let message = (error as? WebError)?.message ?? (error as? HTTPError)?.body ?? error.status.reasonPhrase
            let issues = (error as? WebError)?.issues ?? []
            self.init(error.status, message, issues: issues)
        case let error as any ExitStatusError:
            let status = ErrorAnswer.status(for: error.exitStatus, refusal: error.refusal)
            if status == .internalServerError {
                self.init(status, "internal error; nothing was written")
            } else {
                let issues = (error as? any FieldIssues)?.fieldIssues ?? []
                self.init(status, Self.sayNothingWasWritten(error.exitMessage), issues: issues)
            }
        default:
            self.init(.internalServerError, "internal error; nothing was written")
        }
    }

    /// A refusal tells the person that nothing was written (it never is: every write is one
    /// transaction), unless its own words already say so.
    static func sayNothingWasWritten(_ message: String) -> String {
        if message.lowercased().contains("nothing was written") { return message }
        return message + (message.hasSuffix(".") ? "" : ".") + " Nothing was written."
    }

    var json: JSONValue {
        .object(["error": .object([
            "status": .int(Int64(status.code)),
            "message": .string(message),
            "issues": .array(issues.map { .object(["path": .string($0.path), "message": .string($0.message)]) }),
        ])])
    }
}
