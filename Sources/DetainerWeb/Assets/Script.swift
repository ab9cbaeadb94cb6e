/// The only script, served from the binary at /assets/app.js. Progressive: pages are complete
/// without it; it only keeps the countdowns in the queue current between reloads.
enum Script {
    static let js = #"""
(function () {
  "use strict";
  function describe(seconds) {
    var s = Math.abs(seconds), d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    var text = (d > 0 ? d + " d " : "") + (d > 0 || h > 0 ? h + " h " : "") + m + " min";
    return seconds < 0 ? "OVERDUE by " + text : "in " + text;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-deadline]").forEach(function (el) {
      var deadline = Date.parse(el.getAttribute("data-deadline"));
      if (isNaN(deadline)) { return; }
      var seconds = Math.round((deadline - now) / 1000);
      el.textContent = describe(seconds);
      el.classList.toggle("overdue", seconds < 0);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", tick); } else { tick(); }
  setInterval(tick, 30000);
  // The printed record and notices: a Print button (pages are complete without it).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
"""#
}
