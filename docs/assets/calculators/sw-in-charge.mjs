// Shared by the calculator pages and 我的驻村台账: start the runtime only once the site's service worker
// can keep what it downloads (the wasm is then fetched once, not twice).

/** Resolves once the site's service worker controls this page; at once where there is none to wait for
 *  (file://, no support, a build without assets/pwa/register.js); when its registration fails
 *  (register.js sets data-sw-failed on <html>); or after `ms` at most. On a first visit the worker is
 *  still installing: a runtime started before it takes control would download Pyodide (~10 MB) around
 *  it, and the worker could keep that only from the browser's HTTP cache, which may not hold it. */
export function serviceWorkerInCharge(ms) {
  const sw = "serviceWorker" in navigator ? navigator.serviceWorker : null;
  const html = document.documentElement;
  if (!sw || sw.controller || !/^https?:$/.test(location.protocol) || html.dataset.swFailed ||
      !document.querySelector("script[src*='assets/pwa/register.js']")) return Promise.resolve();
  return new Promise((resolve) => {
    const failed = new MutationObserver(() => { if (html.dataset.swFailed) done(); });
    const done = () => {
      clearTimeout(timer);
      failed.disconnect();
      sw.removeEventListener("controllerchange", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    sw.addEventListener("controllerchange", done);
    failed.observe(html, { attributes: true, attributeFilter: ["data-sw-failed"] });
  });
}
