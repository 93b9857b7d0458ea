// The calculators' runtime of the offline copy (config kind "page", pyodide-config.mjs): the same interface
// as WorkerRuntime in runtime-client.mjs, but Pyodide runs on the page's own thread, since browsers
// start no module worker from file://. Its files come from classic scripts the offline build writes
// (build_scripts/offline_bundle/pyodide_file.py): the loader and the Emscripten factory rewritten at build
// time, and the wasm, standard library and our wheel as data: URLs, answered through a fetch wrapper, and a
// memory snapshot of a started Python, restored instead of starting it.
// Failures use the same vocabulary and wording as online (protocol.mjs, status-text.mjs), marked offline:
// a file missing or broken in the copy means "update the offline copy"; 重试 reloads the page.
import { bootCalculators } from "zc/boot.mjs";
import { RuntimeFailure, TIMEOUTS, logCause } from "zc/protocol.mjs";
import { watchWasm } from "zc/boot-watch.mjs";

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new RuntimeFailure("corrupt", { offline: true, file: src.split("/").pop() }));
    document.head.appendChild(s);
  });
}

// The payload's data: URLs are decoded here, not fetched: Firefox takes minutes to fetch a 13 MB data: URL
// (measured: headers in 1.7 s, the body not within 150 s), while decoding the base64 takes ~0.1 s.
function decodeDataURL(dataURL) {
  const comma = dataURL.indexOf(",");
  const type = dataURL.slice(5, comma).split(";")[0] || "application/octet-stream";
  const b64 = dataURL.slice(comma + 1);
  if (typeof Uint8Array.fromBase64 === "function") return { bytes: Uint8Array.fromBase64(b64), type };
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { bytes, type };
}

// Python's memory right after start-up, made at build time (build_scripts/offline_bundle/snapshot.py):
// loadPyodide restores it instead of starting Python, the longest stretch of the start on the page's thread
// (in WebKit about 2 s of 3). A browser without DecompressionStream starts Python as online.
const SNAPSHOT = "pyodide-snapshot.bin.gz";

// The build leaves out the memory's pages of zeros (snapshot.py `packed`): total length and page size
// (uint32 LE), one byte per page (1: carried), the carried pages.
function unpacked(buf) {
  const head = new DataView(buf, 0, 8);
  const total = head.getUint32(0, true);
  const page = head.getUint32(4, true);
  const count = Math.ceil(total / page);
  const kept = new Uint8Array(buf, 8, count);
  const memory = new Uint8Array(total);
  let at = 8 + count;
  for (let i = 0; i < count; i++) {
    if (!kept[i]) continue;
    const n = Math.min(page, total - i * page);
    memory.set(new Uint8Array(buf, at, n), i * page);
    at += n;
  }
  if (at !== buf.byteLength) throw new Error("snapshot length");
  return memory;
}

function snapshotBytes(files, onDone) {
  if (!files[SNAPSHOT] || typeof DecompressionStream !== "function") return undefined;
  const broken = () => {
    throw new RuntimeFailure("corrupt", { offline: true, file: SNAPSHOT });
  };
  let gzipped;
  try {
    gzipped = decodeDataURL(files[SNAPSHOT]).bytes;
    delete files[SNAPSHOT];
  } catch (err) {
    broken();
  }
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"));
  let pending = new Response(stream)
    .arrayBuffer()
    .then(unpacked)
    .then((memory) => {
      onDone();
      return memory;
    }, broken);
  // awaited once by loadPyodide, which keeps its options: a promise kept there would keep the 31 MB
  return {
    then(ok, fail) {
      const once = pending;
      pending = null;
      return once.then(ok, fail);
    },
  };
}

function answerFromPayload(pyodideBase) {
  const files = globalThis.__zcOfflineFiles || {};
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const name = url.startsWith(pyodideBase) ? url.slice(pyodideBase.length).split(/[?#]/)[0] : "";
    if (!name) return original(input, init);
    let payload;
    try {
      payload = files[name] && decodeDataURL(files[name]);
    } catch (err) {
      payload = null; // cut or damaged base64
    }
    if (!payload) return Promise.reject(new RuntimeFailure("corrupt", { offline: true, file: name }));
    delete files[name]; // each is fetched once: its base64 (13 MB for the wasm) is not kept beside the bytes
    return Promise.resolve(new Response(payload.bytes, { status: 200, headers: { "Content-Type": payload.type } }));
  };
}

/** Every payload script set what it carries (a cut or missing script leaves a hole). */
function checkPayload(scripts) {
  const files = globalThis.__zcOfflineFiles || {};
  const need = scripts.map((name) => /^data-(.+)\.js$/.exec(name)).filter(Boolean).map((m) => m[1]);
  const holes = need.filter((name) => typeof files[name] !== "string");
  if (!globalThis.__zcLoadPyodide) holes.push("pyodide.js");
  if (!globalThis.__zcCreatePyodideModule) holes.push("pyodide.asm.js");
  if (!globalThis.__zcOfflineLock) holes.push("lock.js");
  if (holes.length) throw new RuntimeFailure("corrupt", { offline: true, file: holes.join(", ") });
}

export class PageRuntime {
  constructor(config, onProgress, timeouts = TIMEOUTS) {
    this.config = config;
    this.onProgress = onProgress;
    this.timeouts = timeouts;
    this.marks = {};
    this.booting = null;
    this.failure = null;
  }

  start() {
    this.booting ??= this._boot().catch((err) => {
      const failure = err instanceof RuntimeFailure ? err : new RuntimeFailure("start", { offline: true });
      if (!(err instanceof RuntimeFailure)) logCause("启动", err);
      this._fail(failure);
      throw failure;
    });
    this.booting.catch(() => {});
    return this.booting;
  }

  /** 重试: the page-thread interpreter cannot be thrown away, so start over with a fresh page. */
  restart() {
    location.reload();
    return new Promise(() => {});
  }

  _stage(stage, loaded, total) {
    clearTimeout(this._timer);
    const limit = this.timeouts[stage];
    // a page-thread start cannot be stopped: past its time limit the page says so (重试 reloads), and
    // a start that gets there after all still ends in "ready"
    if (limit)
      this._timer = setTimeout(
        () => this.onProgress({ stage: "failed", failure: new RuntimeFailure("timeout", { stage, offline: true }) }),
        limit,
      );
    this.onProgress({ stage, loaded, total });
  }

  _fail(failure) {
    clearTimeout(this._timer);
    if (this.failure) return;
    this.failure = failure;
    this.onProgress({ stage: "failed", failure });
  }

  async _boot() {
    const { config } = this;
    const scripts = Object.keys(config.files);
    const t0 = performance.now();
    const total = config.total;
    let loaded = 0;
    this._stage("download", loaded, total);
    for (const name of scripts) {
      await loadScript(new URL(name, config.scripts).href);
      loaded += config.files[name].bytes;
      this._stage("download", loaded, total);
    }
    checkPayload(scripts);
    this.marks.loaded = performance.now() - t0;
    answerFromPayload(config.indexURL);
    let broken;
    const failed = new Promise((_, reject) => (broken = reject));
    const unwatch = watchWasm((err) => {
      logCause("WebAssembly", err);
      broken(new RuntimeFailure("corrupt", { offline: true, file: "pyodide.asm.wasm" }));
    });
    try {
      const calc = await Promise.race([
        bootCalculators(
          globalThis.__zcLoadPyodide,
          {
            ...config,
            lockFileContents: globalThis.__zcOfflineLock,
            createPyodideModule: globalThis.__zcCreatePyodideModule,
            _loadSnapshot: snapshotBytes(globalThis.__zcOfflineFiles, () => {
              this.marks.snapshot = performance.now() - t0;
            }),
          },
          (stage) => {
            this.marks[stage] = performance.now() - t0;
            this._stage(stage, loaded, total);
          },
        ),
        failed,
      ]);
      clearTimeout(this._timer);
      this.marks.ready = performance.now() - t0;
      this.onProgress({ stage: "ready", loaded, total });
      return calc;
    } finally {
      unwatch();
    }
  }

  async run(calculator, rules, input) {
    const calc = await this.start();
    let json;
    try {
      json = calc.run(calculator, rules, input);
    } catch (err) {
      logCause("计算出错", err);
      throw new RuntimeFailure("engine", { offline: true, fatal: false });
    }
    return JSON.parse(json);
  }
}
