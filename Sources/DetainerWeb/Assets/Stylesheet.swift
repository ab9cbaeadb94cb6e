/// The one stylesheet, served from the binary at /assets/app.css. Status is always a word (and
/// a shape) as well as a colour; focus is always visible; text meets WCAG AA contrast.
enum Stylesheet {
    static let css = #"""
:root {
  --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --wash: #f6f8fa;
  --brand: #0b3d91; --brand-ink: #ffffff; --link: #0a4fb8;
  --ok: #116329; --ok-bg: #dafbe1; --warn: #7d4e00; --warn-bg: #fff8c5;
  --bad: #a40e26; --bad-bg: #ffebe9; --info: #0a3069; --info-bg: #ddf4ff;
  --radius: 6px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px; line-height: 1.5; color: var(--ink); background: var(--wash);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--link); }
/* Focus: a dark amber ring, 6.8:1 on the white page and 6.4:1 on the grey wash (WCAG 1.4.11
   wants 3:1); white on the blue header bar (10:1). Scroll regions and the error summary take
   focus too. */
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, .table-wrap:focus, .notice:focus {
  outline: 3px solid #8a4b00; outline-offset: 2px;
}
header.top a:focus, header.top button:focus { outline-color: #ffffff; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
header.top { background: var(--brand); color: var(--brand-ink); }
header.top .bar { max-width: 76rem; margin: 0 auto; padding: .6rem 1.25rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
header.top .title { font-weight: 700; font-size: 1.1rem; color: var(--brand-ink); text-decoration: none; letter-spacing: .01em; }
header.top nav ul { list-style: none; display: flex; gap: .25rem; margin: 0; padding: 0; flex-wrap: wrap; }
header.top nav a { color: var(--brand-ink); text-decoration: none; padding: .35rem .7rem; border-radius: var(--radius); display: inline-block; }
header.top nav a:hover, header.top nav a[aria-current="page"] { background: rgba(255,255,255,.16); text-decoration: underline; }
header.top .who { margin-left: auto; display: flex; gap: .75rem; align-items: center; font-size: .95rem; }
header.top .who form { margin: 0; }
header.top .who button { background: transparent; color: var(--brand-ink); border: 1px solid rgba(255,255,255,.6); padding: .25rem .7rem; }
main { max-width: 76rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.6rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; margin-bottom: 1rem; }
.muted { color: var(--muted); }
.card > h2:first-child, .card > h1:first-child { margin-top: 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--wash); font-weight: 600; font-size: .92rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: var(--radius); }
/* On a phone the work lists (queue, home page, detainer list) are one card per row, each value
   named by its column, instead of a table to scroll sideways (issue 25: nothing overflows at 390 px). */
table.cards .badge { white-space: normal; }
table.cards td[data-label]::before { color: var(--muted); font-weight: 600; font-size: .92rem; }
@media (max-width: 40rem) {
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; }
  table.cards tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.cards td { border: 0; padding: .15rem .75rem; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; }
}
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.badge::before { margin-right: .3rem; }
.badge.ok { color: var(--ok); background: var(--ok-bg); } .badge.ok::before { content: "✓"; }
.badge.bad { color: var(--bad); background: var(--bad-bg); } .badge.bad::before { content: "✕"; }
.badge.warn { color: var(--warn); background: var(--warn-bg); } .badge.warn::before { content: "!"; }
.badge.info { color: var(--info); background: var(--info-bg); } .badge.info::before { content: "•"; }
.countdown { font-variant-numeric: tabular-nums; white-space: nowrap; }
.countdown.overdue { color: var(--bad); font-weight: 700; }
.training-banner { background: #a40e26; color: #fff; font-weight: bold; text-align: center; margin: 0; padding: .3rem 1rem; letter-spacing: .05em; }
.notice { border-left: 4px solid var(--info); background: var(--info-bg); padding: .6rem 1rem; border-radius: var(--radius); margin-bottom: 1rem; }
.notice.error { border-color: var(--bad); background: var(--bad-bg); }
.notice.success { border-color: var(--ok); background: var(--ok-bg); }
form.stack { display: grid; gap: .8rem; max-width: 40rem; }
form.stack > button { justify-self: start; }
fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: .8rem 1rem 1rem; margin: 0 0 1rem; background: var(--paper); }
legend { font-weight: 700; padding: 0 .3rem; }
.field { display: grid; gap: .2rem; margin-bottom: .7rem; align-content: start; }
.field label { font-weight: 600; font-size: .95rem; }
.field .hint { color: var(--muted); font-size: .85rem; }
.field .error { color: var(--bad); font-size: .9rem; font-weight: 600; }
.field .error::before { content: "✕ "; }
.field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--bad); border-width: 2px; }
.fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0 1rem; }
input, select, textarea { font: inherit; padding: .45rem .55rem; border: 1px solid #8c959f; border-radius: var(--radius); background: var(--paper); color: var(--ink); width: 100%; }
textarea { min-height: 4.5rem; }
input[type="checkbox"], input[type="radio"] { width: auto; margin: 0 .4rem 0 0; transform: scale(1.2); }
.check { display: flex; align-items: center; gap: .2rem; padding: .2rem 0; }
.fields { align-items: end; }
button, .button { font: inherit; font-weight: 600; padding: .5rem 1rem; border-radius: var(--radius); border: 1px solid var(--brand); background: var(--brand); color: var(--brand-ink); cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: var(--paper); color: var(--brand); }
tr.withdrawn { color: var(--muted); }
button.danger { background: var(--bad); border-color: var(--bad); }
.filters { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
.filters .field { margin: 0; min-width: 12rem; }
.checks li { margin-bottom: .5rem; }
.checks .citation { color: var(--muted); font-size: .88rem; }
ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
ol.timeline > li { padding: .2rem 0 .8rem 1rem; position: relative; }
ol.timeline > li::before { content: ""; position: absolute; left: -.5rem; top: .55rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--brand); }
ol.timeline time { font-weight: 600; }
.chart { width: 100%; max-width: 60rem; height: auto; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); }
.chart .received { fill: #0b3d91; } .chart .honored { fill: #116329; } .chart .declined { fill: #a40e26; }
.chart text { font-size: 11px; fill: #1b1f24; }
.legend { display: flex; gap: 1rem; list-style: none; padding: 0; }
.legend span.swatch { display: inline-block; width: .9rem; height: .9rem; vertical-align: middle; margin-right: .3rem; border: 1px solid var(--ink); }
.legend .received { background: #0b3d91; } .legend .honored { background: #116329; } .legend .declined { background: #a40e26; }
.login { max-width: 24rem; margin: 4rem auto; }
@media print { header.top, form { display: none; } body { background: #fff; } }
"""#
}
