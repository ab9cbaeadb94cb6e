import Hummingbird

/// Health, the stylesheet and script (served from the binary), (the home page is `HomeRoutes`).
enum SystemRoutes {
    static func register(_ routes: RouteBook) {
        routes.get("/healthz") { _, _ in Responses.text("ok") }
        routes.get("/assets/app.css") { _, _ in asset(Stylesheet.css, type: "text/css; charset=utf-8") }
        routes.get("/assets/app.js") { _, _ in asset(Script.js, type: "text/javascript; charset=utf-8") }
    }

    /// Static, no personal data: cacheable for an hour.
    static func asset(_ text: String, type: String) -> Response {
        var response = Responses.text(text, contentType: type)
        response.headers[.cacheControl] = "public, max-age=3600"
        return response
    }
}
