// The page's side of the calculators' worker: start it, give every stage a time limit, report
// progress and failures (failure.mjs) to the page, start it afresh on 重试, and turn run requests
// into promises of parsed result objects. A failed start never leaves a promise waiting.

const q = new URL(import.meta.url).search;
const [{ RuntimeFailure, logCause }, { checkScripts }] = await Promise.all([
  import(`./failure.mjs${q}`),
  import(`./diagnose.mjs${q}`),
]);

/** Longest wait, in ms, with no sign of progress in each stage (a download: between two chunks). */
export const TIMEOUTS = { load: 30000, download: 30000, boot: 120000, rules: 60000, run: 30000 };

export class CalculatorRuntime {
  /**
   * @param workerURL   the worker script
   * @param manifest    {total, files: {name: {bytes, sha256}}} from the build
   * @param onProgress  called with {stage, loaded, total} and, on failure, {stage: "failed", failure}
   */
  constructor(workerURL, manifest, onProgress, timeouts = TIMEOUTS) {
    this.workerURL = new URL(workerURL, document.baseURI).href;
    this.total = (manifest && manifest.total) || 0;
    this.files = (manifest && manifest.files) || {};
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
      if (this.worker === worker && this.state !== "ready") this._explain([this.workerURL]);
    };
    this._progress("load", 0);
    worker.postMessage({ type: "init", total: this.total, files: this.files, reload });
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
      worker.postMessage({ type: "run", id, calculator, rules, input });
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
    if (msg.type === "progress") this._progress(msg.stage, msg.loaded);
    else if (msg.type === "ready") {
      clearTimeout(this._timer);
      this.state = "ready";
      this.marks = msg.marks; // worker-side timings (ms since the worker started), for the benchmark
      this.onProgress({ stage: "ready", loaded: msg.loaded, total: this.total });
      this._resolve();
    } else if (msg.type === "result") {
      const p = this._take(msg.id);
      if (p) p.resolve(JSON.parse(msg.json));
    } else if (msg.type === "failed") {
      const failure = msg.failure || { kind: "start" };
      if (msg.id && this.pending.has(msg.id)) {
        this._take(msg.id).reject(RuntimeFailure.from({ ...failure, fatal: failure.fatal }));
        if (failure.fatal) this._stop(); // the next run starts a fresh interpreter
      } else if (failure.kind === "load") this._explain(failure.urls || [this.workerURL]);
      else this._fail(RuntimeFailure.from({ ...failure, loaded: failure.loaded || this.loaded, total: this.total }));
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
