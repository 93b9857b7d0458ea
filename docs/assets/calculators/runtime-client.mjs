// The page's side of the calculators' runtime. runtimeFor() reads the page's runtime config once
// (pyodide-config.mjs) and starts the kind it names: a Web Worker online (WorkerRuntime, here), the
// page's own thread in the offline copy (page-runtime.mjs, the same interface). WorkerRuntime starts
// the worker (protocol.mjs), gives every stage a time limit, reports progress and failures to the page,
// starts it afresh on 重试, and turns run requests into promises of parsed result objects. A failed start
// never leaves a promise waiting.
import { RuntimeFailure, TIMEOUTS, TYPES, WORKER_MODULES, logCause, message } from "zc/protocol.mjs";
import { checkScripts } from "zc/diagnose.mjs";
import { LOADER, pageConfig } from "zc/pyodide-config.mjs";

/** The runtime of one calculator root (.zc-calc, .zd-diary), from its data-runtime. */
export async function runtimeFor(root, onProgress) {
  const config = pageConfig(JSON.parse(root.dataset.runtime || "{}"), document.baseURI);
  if (config.kind === "page") {
    const { PageRuntime } = await import("zc/page-runtime.mjs");
    return new PageRuntime(config, onProgress);
  }
  // the runtime files' preloads now, if the first paint has not already added them (overrides/main.html)
  document.dispatchEvent(new Event("zc-runtime-preload"));
  return new WorkerRuntime(config, onProgress);
}

export class WorkerRuntime {
  /**
   * @param config      from pyodide-config.mjs (kind "worker"): where the runtime is, its manifest
   * @param onProgress  called with {stage, loaded, total} and, on failure, {stage: "failed", failure}
   */
  constructor(config, onProgress, timeouts = TIMEOUTS) {
    this.config = config;
    this.workerURL = import.meta.resolve("zc/worker.mjs");
    // what the worker imports, as this page's import map resolves it (a worker has no import map)
    this.modules = Object.fromEntries(WORKER_MODULES.map((name) => [name, import.meta.resolve(name)]));
    this.modules[LOADER] = new URL(LOADER, config.indexURL).href;
    this.total = config.total || 0;
    this.onProgress = onProgress;
    this.timeouts = timeouts;
    this.worker = null;
    this.failure = null;
    this.pending = new Map();
    this.nextId = 1;
    this.loaded = 0;
    this.marks = null;
    this.ready = null;
  }

  start({ reload = false } = {}) {
    if (this.worker) return this.ready;
    this.failure = null;
    this.loaded = 0;
    this.ready = new Promise((resolve, reject) => {
      this._resolve = resolve;
      this._reject = reject;
    });
    this.ready.catch(() => {}); // failures are shown through onProgress
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      this._fail(new RuntimeFailure("unsupported"));
      return this.ready;
    }
    const worker = new Worker(this.workerURL, { type: "module" });
    this.worker = worker;
    this.state = "load";
    worker.onmessage = (e) => {
      if (this.worker === worker) this._onMessage(e.data || {});
    };
    worker.onerror = (e) => {
      if (e && e.preventDefault) e.preventDefault();
      logCause("Web Worker", (e && e.message) || e);
      // the worker or one of its modules did not load (or threw): find out which, and why
      if (this.worker === worker && this.state !== "ready") this._explain([this.workerURL, ...Object.values(this.modules)]);
    };
    this._progress("load", 0);
    worker.postMessage(message.init(this.config, this.modules, reload));
    return this.ready;
  }

  /** 重试: a new worker; after a bad file, past the browser's cache. */
  restart() {
    const reload = Boolean(this.failure && this.failure.kind === "corrupt");
    this._stop();
    return this.start({ reload });
  }

  async run(calculator, rules, input) {
    if (this.failure) this.restart();
    else this.start();
    await this.ready; // rejects with the RuntimeFailure
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this._fail(new RuntimeFailure("timeout", { stage: "run" })), this.timeouts.run);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage(message.run(id, calculator, rules, input));
    });
  }

  _progress(stage, loaded) {
    this.state = stage;
    this.loaded = Math.max(this.loaded, loaded || 0);
    clearTimeout(this._timer);
    const limit = this.timeouts[stage];
    if (limit)
      this._timer = setTimeout(
        () => this._fail(new RuntimeFailure("timeout", { stage, loaded: this.loaded, total: this.total })),
        limit,
      );
    this.onProgress({ stage, loaded: this.loaded, total: this.total });
  }

  _onMessage(msg) {
    if (msg.type === TYPES.progress) this._progress(msg.stage, msg.loaded);
    else if (msg.type === TYPES.ready) {
      clearTimeout(this._timer);
      this.state = "ready";
      this.marks = msg.marks; // worker-side timings (ms since the worker started), for the benchmark
      this.onProgress({ stage: "ready", loaded: msg.loaded, total: this.total });
      this._resolve();
    } else if (msg.type === TYPES.result) {
      const p = this._take(msg.id);
      if (p) p.resolve(JSON.parse(msg.json));
    } else if (msg.type === TYPES.failed) {
      const failure = msg.failure || { kind: "start" };
      if (msg.id && this.pending.has(msg.id)) {
        this._take(msg.id).reject(RuntimeFailure.from({ ...failure, fatal: failure.fatal }));
        if (failure.fatal) this._stop(); // the next run starts a fresh interpreter
      } else this._fail(RuntimeFailure.from({ ...failure, loaded: failure.loaded || this.loaded, total: this.total }));
    }
  }

  _take(id) {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (p) clearTimeout(p.timer);
    return p;
  }

  /** A script of the worker did not load: find out why, then fail with that. */
  async _explain(urls) {
    const worker = this.worker;
    clearTimeout(this._timer);
    const found = await checkScripts(urls);
    if (this.worker === worker) this._fail(new RuntimeFailure(found.kind, { file: found.file, loaded: this.loaded, total: this.total }));
  }

  _stop() {
    clearTimeout(this._timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.state = "idle";
  }

  _fail(failure) {
    if (this.failure) return;
    this.failure = failure;
    this._stop();
    this._reject(failure);
    for (const id of [...this.pending.keys()]) this._take(id).reject(failure);
    this.onProgress({ stage: "failed", loaded: this.loaded, total: this.total, failure });
  }
}
