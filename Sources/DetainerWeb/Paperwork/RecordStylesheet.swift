/// The printed record's stylesheet (/assets/record.css, or inline in `record --format html`).
/// A `StaticString`, so it can enter a page as markup only because it is a literal here.
///
/// Print: one page on A4 and on US Letter (the shorter of the two, 279 mm, sets the budget),
/// small type, the identifiers in three columns, hashes in a compact monospace that may break
/// anywhere, nothing from the screen (links, the Print button). The browser suite (Tests/BrowserTests/RecordPrintTests.swift) prints it in
/// headless Chromium and counts the pages.
enum RecordStylesheet {
    static let css: StaticString = #"""
:root { color: #111; background: #fff; font-family: system-ui, -apple-system, Roboto, Arial, sans-serif; font-size: 14px; line-height: 1.35; }
body.record { max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .2rem; }
h2 { font-size: .95rem; margin: .7rem 0 .2rem; padding-bottom: .1rem; border-bottom: 1px solid #999; text-transform: uppercase; letter-spacing: .04em; }
p, ul, dl, table { margin: .2rem 0; }
ul { padding-left: 1.1rem; }
.meta, .muted, .hint { color: #444; }
nav.screen-only { margin-bottom: 1rem; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
nav.screen-only button { font: inherit; padding: .3rem .9rem; }
.ids dl { display: grid; grid-template-columns: repeat(3, 1fr); gap: .1rem 1rem; }
.ids dl div { display: flex; gap: .35rem; min-width: 0; }
.ids dt { color: #444; white-space: nowrap; }
.ids dt::after { content: ":"; }
.ids dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
table.tests { width: 100%; border-collapse: collapse; }
table.tests th, table.tests td { text-align: left; vertical-align: top; padding: .1rem .35rem; border-bottom: 1px solid #ccc; }
table.tests th { font-size: .85em; color: #333; }
td.result { white-space: nowrap; font-weight: 700; }
td.result.not-met { text-decoration: underline; }
.outcome { font-size: 1.05em; }
p.line { margin: .5rem 0 .2rem; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; word-break: break-all; }
footer { margin-top: .4rem; border-top: 1px solid #999; padding-top: .1rem; font-size: .85em; }
footer p { margin: 0; }
@page { size: auto; margin: 8mm 10mm; }
@media print {
  :root { font-size: 8pt; line-height: 1.22; }
  body.record { max-width: none; margin: 0; padding: 0; }
  nav.screen-only, .screen-only { display: none; }
  h1 { font-size: 13pt; }
  h2 { font-size: 8.4pt; margin-top: 1.8mm; }
  tr, li { break-inside: avoid; }
  h2 { break-after: avoid; }
  ul.docs { font-size: 7.6pt; }
  .ids dl { grid-template-columns: repeat(4, 1fr); gap: 0 .8rem; }
  table.tests { table-layout: fixed; font-size: 7.2pt; line-height: 1.16; }
  table.tests th:nth-child(1) { width: 17%; }
  table.tests th:nth-child(2) { width: 7%; }
  table.tests th:nth-child(3) { width: 50%; }
  table.tests th:nth-child(4) { width: 26%; }
  table.tests th, table.tests td { padding: .2mm 1mm; }
  a { color: inherit; text-decoration: none; }
}
"""#
}
