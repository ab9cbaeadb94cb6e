import DetainerDomain
import DetainerStore
import Hummingbird

/// `/`: each person's home page after sign-in, a dashboard for their role (issue 25 §2).
enum HomeRoutes {
    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/") { _, context in
            let session = try context.requireSession()
            let digest = try await office.read { db in try db.queries.deadlineDigest() }
            return Responses.html(HomePage.render(digest, session: session))
        }
    }
}
