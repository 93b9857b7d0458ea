// The calculators' runtime for file:// (offline copy): the same interface as
// assets/calculators/runtime-client.mjs, but Pyodide runs on the page's own thread, since
// browsers start no workers from file://. Its files come from classic scripts: the loader and the
// Emscripten factory rewritten at build time, and the wasm, standard library and our wheel as
// data: URLs, answered through a fetch wrapper. Config: window.__zcOffline (written by the build).
import { whenIdle, progressText } from "zc/runtime-client.orig.mjs";
import { bootCalculators } from "zc/boot.mjs";
import { PACKAGE, ENGINE } from "zc/pyodide-config.mjs";

export { whenIdle, progressText };

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`无法载入 ${src}`));
    document.head.appendChild(s);
  });
}

function answerFromPayload(pyodideBase) {
  const files = globalThis.__zcOfflineFiles || {};
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const name = url.startsWith(pyodideBase) ? url.slice(pyodideBase.length).split(/[?#]/)[0] : "";
    return name && files[name] ? original(files[name], init) : original(input, init);
  };
}

export class CalculatorRuntime {
  constructor(_workerURL, totalBytes, onProgress) {
    this.totalBytes = totalBytes;
    this.onProgress = onProgress;
    this.marks = {};
    this.booting = null;
  }

  start() {
    this.booting ??= this._boot().catch((err) => {
      this.onProgress({ stage: "failed", message: String(err && err.message ? err.message : err) });
      throw err;
    });
    return this.booting;
  }

  async _boot() {
    const cfg = window.__zcOffline;
    const t0 = performance.now();
    const total = cfg.scripts.reduce((n, s) => n + s.bytes, 0);
    let loaded = 0;
    this.onProgress({ stage: "download", loaded, total });
    for (const s of cfg.scripts) {
      await loadScript(cfg.scriptsBase + s.name);
      loaded += s.bytes;
      this.onProgress({ stage: "download", loaded, total });
    }
    this.marks.loaded = performance.now() - t0;
    answerFromPayload(cfg.pyodideBase);
    const calc = await bootCalculators(
      globalThis.__zcLoadPyodide,
      {
        indexURL: cfg.pyodideBase,
        packageBaseUrl: cfg.pyodideBase,
        lockFileContents: globalThis.__zcOfflineLock,
        stdLibURL: cfg.pyodideBase + cfg.stdlib,
        createPyodideModule: globalThis.__zcCreatePyodideModule,
        packages: [PACKAGE],
        engine: ENGINE,
      },
      (stage) => {
        this.marks[stage] = performance.now() - t0;
        this.onProgress({ stage, loaded, total });
      },
    );
    this.marks.ready = performance.now() - t0;
    this.onProgress({ stage: "ready", loaded, total });
    return calc;
  }

  async run(calculator, rules, input) {
    const calc = await this.start();
    return JSON.parse(calc.run(calculator, rules, input));
  }
}
