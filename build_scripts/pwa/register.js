// Registers the site's service worker (http(s) only: a file:// copy never registers one), tells it
// what this first visit already loaded (kept from the browser's cache, no new download), and shows
// "新版本已就绪，点击刷新" when a new build's worker is installed and waiting.
// Downloading the whole site for offline use is the user's choice on the offline page (offline-choice.js).
(function () {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  var swURL = new URL("../../sw.js", script.src);
  var firstVisit = !navigator.serviceWorker.controller;

  // A mock exam in progress (<html data-exam-in-progress="1">, set by the exam page) is never reloaded by an
  // update: a click in another tab is announced on a BroadcastChannel and the exam tab, like one whose worker
  // changes under it, says "交卷后刷新" and reloads only when asked after the exam is submitted.
  var updated = false;
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("zhucun-pwa") : null;
  function examOpen() { return document.documentElement.dataset.examInProgress === "1"; }
  function holdForExam(worker) {
    var bar = banner(worker);
    bar.textContent = "新版本已就绪，交卷后刷新";
    bar.disabled = true;
    var observer = new MutationObserver(function () {
      if (examOpen()) return;
      observer.disconnect();
      bar.textContent = "新版本已就绪，点击刷新";
      bar.disabled = false;
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-exam-in-progress"] });
  }
  if (channel) channel.addEventListener("message", function (e) { if (e.data === "updating" && examOpen()) holdForExam(null); });

  function offer(worker) { if (examOpen()) holdForExam(worker); else banner(worker); }

  // styled by .pwa-bar in assets/site.css (no inline style: the Content-Security-Policy)
  function banner(worker) {
    var old = document.getElementById("pwa-update");
    if (old) return old;
    var bar = document.createElement("button");
    bar.id = "pwa-update";
    bar.type = "button";
    bar.className = "pwa-bar";
    bar.textContent = "新版本已就绪，点击刷新";
    bar.addEventListener("click", function () {
      if (examOpen()) { holdForExam(worker); return; }
      bar.disabled = true;
      if (updated || !worker) { location.reload(); return; }
      if (channel) channel.postMessage("updating");
      worker.postMessage({ type: "SKIP_WAITING" });
    });
    document.body.appendChild(bar);
    return bar;
  }

  function watch(reg) {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var next = reg.installing;
      if (!next) return;
      next.addEventListener("statechange", function () {
        if (next.state === "installed" && navigator.serviceWorker.controller) offer(next);
      });
    });
  }

  var hadController = !firstVisit;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController) {
      updated = true;
      if (examOpen()) holdForExam(null); else location.reload();
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
      if (!reg) throw new Error("no registration");
      watch(reg);
      if (firstVisit) navigator.serviceWorker.ready.then(function (r) { keepFirstVisit(r.active); });
    }).catch(function (err) {
      // a calculator page waiting for the worker (page.mjs) starts its runtime without it
      document.documentElement.dataset.swFailed = "1";
      console.warn("service worker not registered:", err);
    });
  }

  // A calculator page waits for the worker before it starts its runtime (assets/calculators/page.mjs), so
  // that the runtime's download passes through the worker and is kept from that one download: register
  // there at once. Elsewhere after the page has loaded and the browser is idle: registering starts the
  // worker's own script, which should not compete with the page's first paint and scripts on a slow phone.
  function soon() {
    if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: 3000 });
    else setTimeout(register, 500);
  }
  if (document.querySelector(".zc-calc")) register();
  else if (document.readyState === "complete") soon();
  else window.addEventListener("load", soon);
})();
