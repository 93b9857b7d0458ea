// The page's side of the worker: start it when the page is idle, report staged progress,
// and turn run requests into promises of parsed result objects.

export function whenIdle(fn) {
  const idle = () =>
    "requestIdleCallback" in self ? requestIdleCallback(fn, { timeout: 4000 }) : setTimeout(fn, 1200);
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}

export class CalculatorRuntime {
  constructor(workerURL, totalBytes, onProgress) {
    this.workerURL = workerURL;
    this.totalBytes = totalBytes;
    this.onProgress = onProgress;
    this.worker = null;
    this.pending = new Map();
    this.nextId = 1;
    this.ready = new Promise((resolve, reject) => {
      this._resolveReady = resolve;
      this._rejectReady = reject;
    });
    this.ready.catch(() => {}); // failures are shown through onProgress
  }

  start() {
    if (this.worker) return this.ready;
    this.worker = new Worker(this.workerURL, { type: "module" });
    this.worker.onmessage = (e) => this._onMessage(e.data);
    this.worker.onerror = (e) => this._fail(e.message || "计算环境载入失败");
    this.worker.postMessage({ type: "init", total: this.totalBytes });
    return this.ready;
  }

  run(calculator, rules, input) {
    this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "run", id, calculator, rules, input });
    });
  }

  _onMessage(msg) {
    if (msg.type === "progress") this.onProgress(msg);
    else if (msg.type === "ready") {
      this.marks = msg.marks; // worker-side timings (ms since the worker started), for the benchmark
      this.onProgress({ stage: "ready", loaded: msg.loaded, total: this.totalBytes });
      this._resolveReady();
    } else if (msg.type === "result") {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (p) p.resolve(JSON.parse(msg.json));
    } else if (msg.type === "failed") {
      if (msg.id && this.pending.has(msg.id)) {
        this.pending.get(msg.id).reject(new Error(msg.message));
        this.pending.delete(msg.id);
      } else this._fail(msg.message);
    }
  }

  _fail(message) {
    this.onProgress({ stage: "failed", message });
    this._rejectReady(new Error(message));
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}

const MB = (n) => (n / 1048576).toFixed(1);

/** The Chinese status line for a progress message. */
export function progressText(p) {
  switch (p.stage) {
    case "download":
      return p.total ? `下载运行环境 ${MB(Math.min(p.loaded, p.total))}/${MB(p.total)} MB` : `下载运行环境 ${MB(p.loaded)} MB`;
    case "boot":
      return "启动 Python…";
    case "rules":
      return "载入计算规则…";
    case "ready":
      return "就绪：可以计算。";
    case "failed":
      return `计算环境载入失败：${p.message || ""}。请刷新页面重试。`;
    default:
      return "";
  }
}
