// Registers the site's service worker (http(s) only: a file:// copy never registers one) and shows
// "新版本已就绪，点击刷新" when a new build's worker has precached everything and is waiting.
(function () {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  var swURL = new URL("../../sw.js", script.src);

  function banner(worker) {
    if (document.getElementById("pwa-update")) return;
    var bar = document.createElement("button");
    bar.id = "pwa-update";
    bar.type = "button";
    bar.textContent = "新版本已就绪，点击刷新";
    bar.setAttribute("style", "position:fixed;left:50%;bottom:1rem;transform:translateX(-50%);z-index:10;" +
      "padding:.7em 1.2em;border:0;border-radius:2em;background:#c62828;color:#fff;font-size:.9rem;" +
      "box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer;white-space:nowrap");
    bar.addEventListener("click", function () {
      bar.disabled = true;
      worker.postMessage({ type: "SKIP_WAITING" });
    });
    document.body.appendChild(bar);
  }

  function watch(reg) {
    if (reg.waiting && navigator.serviceWorker.controller) banner(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var next = reg.installing;
      if (!next) return;
      next.addEventListener("statechange", function () {
        if (next.state === "installed" && navigator.serviceWorker.controller) banner(next);
      });
    });
  }

  var hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController) location.reload();
    hadController = true;
  });
  function register() {
    navigator.serviceWorker.register(swURL.href).then(watch).catch(function (err) {
      console.warn("service worker not registered:", err);
    });
  }

  // On a calculator page the first install downloads the whole site (Pyodide included) and would compete
  // with the calculator's own start-up: register once the calculator is ready (or failed), at most 30 s later.
  function afterCalculator(next) {
    var calc = document.querySelector(".zc-calc");
    var settled = function () { return /^(ready|failed)$/.test(calc.dataset.stage || ""); };
    if (!calc || navigator.serviceWorker.controller || settled()) return next();
    var done = false;
    var go = function () { if (!done) { done = true; observer.disconnect(); next(); } };
    var observer = new MutationObserver(function () { if (settled()) go(); });
    observer.observe(calc, { attributes: true, attributeFilter: ["data-stage"] });
    setTimeout(go, 30000);
  }

  window.addEventListener("load", function () { afterCalculator(register); });
})();
