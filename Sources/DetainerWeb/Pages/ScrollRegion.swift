/// A table that may scroll sideways on a narrow screen (390 px): the wrapper is a named region
/// in the tab order, so a keyboard user can reach it and scroll it with the arrow keys, and a
/// screen reader says what it holds (WCAG 2.1.1; axe `scrollable-region-focusable`, issue 25 §4).
/// Its focus ring is the stylesheet's, as for every control.
enum ScrollRegion {
    static func table(_ label: String, @HTMLBuilder _ content: () -> HTML) -> HTML {
        el("div", .class("table-wrap"), Attribute("role", "region"), Attribute("tabindex", "0"), Attribute("aria-label", label)) {
            content()
        }
    }
}
