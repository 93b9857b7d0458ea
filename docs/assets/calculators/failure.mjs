// What can go wrong while the calculators' runtime loads or answers, as one small vocabulary
// shared by the worker, the page and the offline (file://) runtime. The technical cause goes to
// the console; the page only ever shows failureText() of the kind (status-text.mjs).
//
// kinds: "network"  a download broke off or the connection is gone
//        "missing"  the server answered a runtime file with an error status (404…)
//        "corrupt"  a runtime file is incomplete or not the file the build wrote
//        "timeout"  a stage took too long (stage: "load" | "download" | "boot" | "rules" | "run")
//        "unsupported"  this browser cannot run WebAssembly module workers
//        "start"    the runtime did not start, cause unknown
//        "engine"   one calculation failed inside Python; the runtime may still be fine

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

/** The error as the console should see it (engine text, tracebacks: never on the page). */
export function logCause(where, err) {
  console.error(`[计算器] ${where}:`, err);
}
