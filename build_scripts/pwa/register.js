// Registers the site's service worker (http(s) only: a file:// copy never registers one), tells it
// what this first visit already loaded (kept from the browser's cache, no new download), and shows
// "新版本已就绪，点击刷新" when a new build's worker is installed and waiting.
// Downloading the whole site for offline use is the user's choice on the offline page (offline-choice.js).
(function () {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  var swURL = new URL("../../sw.js", script.src);
  var firstVisit = !navigator.serviceWorker.controller;

  // A tab with a mock exam in progress is never reloaded by an update started in another tab
  // (the exam page sets <html data-exam-in-progress="1">); it takes the new version on its next load.
  function mayReload() {
    return document.documentElement.dataset.examInProgress !== "1";
  }

  function button(id, text) {
    var bar = document.createElement("button");
    bar.id = id;
    bar.type = "button";
    bar.className = "pwa-bar";
    bar.textContent = text;
    document.body.appendChild(bar);
    return bar;
  }

  function banner(worker) {
    if (document.getElementById("pwa-update")) return;
    var bar = button("pwa-update", "新版本已就绪，点击刷新");
    bar.addEventListener("click", function () {
      if (!mayReload()) {
        bar.textContent = "正在考试，交卷后再刷新";
        return;
      }
      bar.disabled = true;
      worker.postMessage({ type: "SKIP_WAITING" });
    });
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

  var hadController = !firstVisit;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController) {
      if (mayReload()) location.reload();
      else if (!document.getElementById("pwa-later")) button("pwa-later", "新版本已启用，交卷后刷新本页即可");
    }
    hadController = true;
  });

  // The first visit ran before the worker: hand it the same-site files this page loaded, and on a
  // calculator page, once the calculator is ready, its runtime (loaded by the calculator's own worker).
  function keepFirstVisit(worker) {
    var urls = [location.href];
    (performance.getEntriesByType("resource") || []).forEach(function (e) {
      if (e.name.indexOf(location.origin + "/") === 0) urls.push(e.name);
    });
    worker.postMessage({ type: "KEEP", urls: urls });
    // the theme's search worker loads its scripts and index itself: keep those too, if the browser has them
    worker.postMessage({ type: "KEEP_PREFIXES", prefixes: ["assets/javascripts/", "search/"] });
    var calc = document.querySelector(".zc-calc");
    if (!calc) return;
    var sent = false;
    var runtime = function () {
      if (sent || calc.dataset.stage !== "ready") return;
      sent = true;
      worker.postMessage({ type: "KEEP_PREFIXES", prefixes: ["assets/pyodide/", "assets/calculators/"] });
    };
    new MutationObserver(runtime).observe(calc, { attributes: true, attributeFilter: ["data-stage"] });
    runtime();
  }

  function register() {
    navigator.serviceWorker.register(swURL.href).then(function (reg) {
      watch(reg);
      if (firstVisit) navigator.serviceWorker.ready.then(function (r) { keepFirstVisit(r.active); });
    }).catch(function (err) {
      console.warn("service worker not registered:", err);
    });
  }

  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
