// Module Web Worker: boots Pyodide with the calculators wheel and answers run requests with the engine's
// JSON text. Its messages are protocol.mjs's. A worker has no import map, so it imports nothing by name:
// its first message (init) brings the URLs of its modules, as the page's import map resolves them, and
// the runtime config (pyodide-config.mjs). If one of them does not load, the error is thrown from a task:
// the Worker's "error" event tells the page, which finds out why (runtime-client.mjs). Causes are logged
// here, never sent.

let ready = null;
let protocol = null;

// worker-side timings (ms since the worker's time origin, given too, so the page can line them up)
const marks = { origin: performance.timeOrigin, start: performance.now() };
const PROGRESS_MS = 100;

async function load(modules) {
  const names = Object.keys(modules);
  let loaded;
  try {
    // all in parallel; Pyodide's loader fetches nothing until loadPyodide() runs
    loaded = await Promise.all(names.map((name) => import(modules[name])));
  } catch (err) {
    console.error("[计算器] 脚本载入失败:", err);
    setTimeout(() => {
      throw err;
    });
    return new Promise(() => {}); // the page takes over from the "error" event
  }
  return Object.fromEntries(names.map((name, i) => [name, loaded[i]]));
}

async function start({ config, modules, reload = false }) {
  const m = await load(modules);
  protocol = m["zc/protocol.mjs"];
  const { RuntimeFailure, logCause, message } = protocol;
  const { diagnose } = m["zc/diagnose.mjs"];
  const { runtimeURLs, STDLIB, LOADER } = m["zc/pyodide-config.mjs"];
  const { bootCalculators } = m["zc/boot.mjs"];
  const { countingFetch } = m["zc/progress-fetch.mjs"];
  const { watchWasm } = m["zc/boot-watch.mjs"];
  marks.loader = performance.now();

  const { total, files } = config;
  const manifest = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, f.bytes]));
  const baseFetch = self.fetch.bind(self);
  let loaded = 0;
  let stage = "download";
  // at most one progress message per PROGRESS_MS while bytes arrive (a body comes in hundreds of chunks, and
  // each message is a status-line update on the page's main thread); a new stage is always told at once
  let posted = -Infinity;
  const post = (now = false) => {
    const t = performance.now();
    if (!now && t - posted < PROGRESS_MS) return;
    posted = t;
    self.postMessage(message.progress(stage, loaded, total));
  };
  const big = new Set(); // the interpreter starts once the wasm and the standard library are in
  const problems = [];
  let broken;
  const failed = new Promise((_, reject) => (broken = reject));
  failed.catch(() => {});
  const fail = (problem) => {
    problems.push(problem);
    broken(problem);
  };
  self.fetch = countingFetch(baseFetch, {
    sizes: manifest,
    reload,
    on: {
      bytes(_name, n) {
        loaded += n;
        if (stage !== "rules") post();
      },
      done(name) {
        if (name === "pyodide.asm.wasm" || name === STDLIB) big.add(name);
        if (stage === "download" && big.size === 2) {
          stage = "boot";
          post(true);
        }
      },
      problem(p) {
        logCause(`下载 ${p.file}`, p.cause || p);
        fail(p);
      },
    },
  });
  const unwatch = watchWasm((err) => {
    logCause("WebAssembly", err);
    fail({ kind: "compile", file: "pyodide.asm.wasm" });
  });
  post(true);
  try {
    const calc = await Promise.race([
      bootCalculators(m[LOADER].loadPyodide, config, (s) => {
        marks[s] = performance.now();
        if (s === "rules") {
          stage = s;
          post(true);
        }
      }),
      failed,
    ]);
    marks.ready = performance.now();
    self.postMessage(message.ready(loaded, marks));
    return calc;
  } catch (err) {
    if (!problems.length) logCause("启动", err);
    // a broken body can reach the compiler before our counting reader: let it surface first
    await new Promise((r) => setTimeout(r, 200));
    const where = { loaded, total };
    const net = problems.find((p) => p.kind === "network" && !p.checked);
    const sure = net || problems.find((p) => p.kind === "missing" || p.kind === "corrupt");
    if (sure) throw new RuntimeFailure(sure.kind, { ...where, file: sure.file });
    // otherwise look at every file: a tampered one fails to compile, to parse or to pass a checksum
    const found = await diagnose(runtimeURLs(config, Object.keys(files)), files, baseFetch);
    throw new RuntimeFailure(found ? found.kind : "start", { ...where, file: found ? found.file : "" });
  } finally {
    unwatch();
  }
}

/** After an engine error: is the interpreter still usable? */
function alive(calc) {
  try {
    return calc.pyodide.runPython("1") === 1;
  } catch {
    return false;
  }
}

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (!ready) {
    ready = start(msg); // the first message is init
    ready.catch((f) => self.postMessage(protocol.message.failed(f)));
    return;
  }
  let calc;
  try {
    calc = await ready; // settles only once protocol.mjs is in
  } catch {
    self.postMessage(protocol.message.failed({ kind: "start" }, msg.id));
    return;
  }
  const { message, logCause, TYPES } = protocol;
  if (msg.type !== TYPES.run) return;
  try {
    self.postMessage(message.result(msg.id, calc.run(msg.calculator, msg.rules, msg.input)));
  } catch (err) {
    logCause("计算出错", err);
    self.postMessage(message.failed({ kind: "engine", fatal: !alive(calc) }, msg.id));
  }
};
