/// A QR code as inline SVG (allowed by the strict CSP: it is markup, not an image load), with
/// the four-module quiet zone scanners need. Text that does not fit a version-10 symbol
/// renders nothing; the page shows the same content as text beside it in any case.
enum QRCodeSVG {
    static let quietZone = 4

    static func render(_ text: String, label: String) -> HTML {
        guard let code = QRCode.encode(Array(text.utf8)) else { return HTML() }
        let side = code.size + 2 * quietZone
        var path = ""
        for y in 0..<code.size {
            for x in 0..<code.size where code.modules[y][x] { path += "M\(x + quietZone) \(y + quietZone)h1v1h-1z" }
        }
        let background = HTML.empty("rect", [Attribute("width", String(side)), Attribute("height", String(side)), Attribute("fill", "#fff")])
        let modules = HTML.empty("path", [Attribute("d", path), Attribute("fill", "#000")])
        return HTML.element("svg", [
            Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 \(side) \(side)"),
            Attribute("width", String(side * 5)), Attribute("height", String(side * 5)), Attribute("shape-rendering", "crispEdges"),
            Attribute("role", "img"), Attribute("aria-label", label), .class("qr-code"),
        ], background + modules)
    }
}
