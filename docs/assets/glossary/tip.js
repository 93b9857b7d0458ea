/* Glossary terms (<abbr title> written at build time by build_scripts/glossary): a tap or click on a term shows
   its explanation in one bubble under (or above) it; a tap elsewhere, Escape or resizing closes it. One listener
   for the whole page, nothing done per term while the page loads (Material's per-element tooltips cost a
   regulation page's 60–70 terms tens of milliseconds of a phone's main thread). The title stays for screen
   readers and desktop hover; while the bubble shows it is held back so the two do not overlap. */
(function () {
  "use strict";
  var tip = null, host = null, text = "";

  function hide() {
    if (!host) return;
    host.setAttribute("title", text);
    host.removeAttribute("aria-describedby");
    tip.hidden = true;
    host = null;
  }
  function show(abbr) {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "zc-tip";
      tip.className = "zc-tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    hide();
    host = abbr;
    text = abbr.getAttribute("title");
    abbr.removeAttribute("title");
    abbr.setAttribute("aria-describedby", "zc-tip");
    tip.textContent = text;
    tip.hidden = false;
    var r = abbr.getBoundingClientRect(), width = tip.offsetWidth, height = tip.offsetHeight;
    var room = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left + r.width / 2 - width / 2, room - width - 8));
    var below = r.bottom + 8 + height <= window.innerHeight || r.top < height + 8;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = (below ? r.bottom + 8 : r.top - 8 - height) + window.scrollY + "px";
  }
  document.addEventListener("click", function (e) {
    var abbr = e.target.closest && e.target.closest(".md-typeset abbr");
    if (abbr && abbr === host) { hide(); return; }
    if (abbr && abbr.getAttribute("title")) { show(abbr); return; }
    if (host && !(tip && tip.contains(e.target))) hide();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("resize", hide, { passive: true });
})();
