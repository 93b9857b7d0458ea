// Registers the site's service worker (http(s) only: a file:// copy never registers one) and shows
// "新版本已就绪，点击刷新" when a new build's worker has precached everything and is waiting.
(function () {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  var swURL = new URL("../../sw.js", script.src);

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

  function banner(worker) {
    var old = document.getElementById("pwa-update");
    if (old) return old;
    var bar = document.createElement("button");
    bar.id = "pwa-update";
    bar.type = "button";
    bar.textContent = "新版本已就绪，点击刷新";
    bar.setAttribute("style", "position:fixed;left:50%;bottom:1rem;transform:translateX(-50%);z-index:10;" +
      "padding:.7em 1.2em;border:0;border-radius:2em;background:#c62828;color:#fff;font-size:.9rem;" +
      "box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer;white-space:nowrap");
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

  var hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController) {
      updated = true;
      if (examOpen()) holdForExam(null); else location.reload();
    }
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
