// What passes between the calculators' runtime and the pages, in one place: the messages between
// the Web Worker (worker.mjs) and its client (runtime-client.mjs), the progress every runtime reports
// (also the page-thread one, page-runtime.mjs), the time limits, and the failures. page.mjs and
// diary-page.mjs see only progress and failures. Imports nothing: the worker loads it by URL (a worker
// has no import map).
//
// page → worker   {type:"init", config, modules, reload}   config: pyodide-config.mjs; modules: {name: URL}
//                 {type:"run", id, calculator, rules, input}
// worker → page   {type:"progress", stage, loaded, total}    stage: "download" | "boot" | "rules"
//                 {type:"ready", loaded, marks}              marks: worker-side timings (ms)
//                 {type:"result", id, json}                  json: the engine's JSON text
//                 {type:"failed", id?, failure}              failure: RuntimeFailure.toJSON()
// The worker's first message is always init: it carries the URLs of the worker's own modules, which
// the page's import map resolves. A module that does not load is thrown from a task, so the Worker's
// "error" event reaches the page, which then finds out why (diagnose.mjs).
// A runtime reports progress to its page as {stage, loaded, total, failure?}, stage one of
// "load" | "download" | "boot" | "rules" | "ready" | "failed".
//
// Failure kinds (the page shows failureText() of the kind, status-text.mjs; the cause goes to the console):
//   "network"  a download broke off or the connection is gone
//   "missing"  the server answered a runtime file with an error status (404…)
//   "corrupt"  a runtime file is incomplete or not the file the build wrote
//   "timeout"  a stage took too long (stage: "load" | "download" | "boot" | "rules" | "run")
//   "unsupported"  this browser cannot run WebAssembly module workers (or has no import maps: the
//              entry says so itself, build_scripts/calculator_pages/modules.py)
//   "start"    the runtime did not start, cause unknown
//   "engine"   one calculation failed inside Python; the runtime may still be fine

/** Longest wait, in ms, with no sign of progress in each stage (a download: between two chunks). */
export const TIMEOUTS = { load: 30000, download: 30000, boot: 120000, rules: 60000, run: 30000 };

/** The worker's own modules, by import-map name; the client sends their URLs in init, with Pyodide's
 *  loader (pyodide-config.mjs LOADER) under its file name. */
export const WORKER_MODULES = ["zc/protocol.mjs", "zc/diagnose.mjs", "zc/pyodide-config.mjs", "zc/boot.mjs",
  "zc/progress-fetch.mjs", "zc/boot-watch.mjs"];

export const TYPES = { init: "init", run: "run", progress: "progress", ready: "ready", result: "result", failed: "failed" };

export const message = {
  init: (config, modules, reload) => ({ type: TYPES.init, config, modules, reload }),
  run: (id, calculator, rules, input) => ({ type: TYPES.run, id, calculator, rules, input }),
  progress: (stage, loaded, total) => ({ type: TYPES.progress, stage, loaded, total }),
  ready: (loaded, marks) => ({ type: TYPES.ready, loaded, marks }),
  result: (id, json) => ({ type: TYPES.result, id, json }),
  /** Anything thrown in the worker, as plain data (a RuntimeFailure keeps its kind; else "start"). */
  failed: (err, id) => ({ type: TYPES.failed, ...(id ? { id } : {}), failure: failureData(err) }),
};

export class RuntimeFailure extends Error {
  constructor(kind, detail = {}) {
    super(`calculator runtime: ${kind}${detail.file ? ` (${detail.file})` : ""}`);
    this.name = "RuntimeFailure";
    this.kind = kind;
    this.stage = detail.stage || "";
    this.file = detail.file || "";
    this.loaded = detail.loaded || 0;
    this.total = detail.total || 0;
    this.offline = Boolean(detail.offline);
    this.fatal = detail.fatal !== false;
  }

  /** Plain data for postMessage. */
  toJSON() {
    const { kind, stage, file, loaded, total, offline, fatal } = this;
    return { kind, stage, file, loaded, total, offline, fatal };
  }

  static from(data) {
    return data instanceof RuntimeFailure ? data : new RuntimeFailure((data && data.kind) || "start", data || {});
  }
}

function failureData(err) {
  if (err instanceof RuntimeFailure) return err.toJSON();
  return err && err.kind ? err : { kind: "start" };
}

/** The error as the console should see it (engine text, tracebacks: never on the page). */
export function logCause(where, err) {
  console.error(`[计算器] ${where}:`, err);
}
