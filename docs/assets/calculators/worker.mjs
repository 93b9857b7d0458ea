// Module Web Worker: boots Pyodide from ../pyodide/ with the calculators wheel and answers
// {id, calculator, rules, input} with the engine's JSON text. Messages from the page:
//   {type:"init", total, files: {name: {bytes, sha256}}, reload}  {type:"run", id, calculator, rules, input}
// Messages to the page:
//   {type:"progress", stage:"download"|"boot"|"rules", loaded, total}
//   {type:"ready", loaded, marks}  {type:"result", id, json}
//   {type:"failed", id?, failure}  failure: see failure.mjs; {kind:"load", urls} when one of this
//   worker's own scripts did not load (the page finds out why). Causes are logged here, never sent.

const version = new URL(import.meta.url).searchParams.get("v") || "";
const q = version ? `?v=${encodeURIComponent(version)}` : "";
const OWN = ["failure.mjs", "diagnose.mjs", "pyodide-config.mjs", "boot.mjs", "progress-fetch.mjs", "boot-watch.mjs"];

let ready = null;

function post(msg) {
  self.postMessage(msg);
}

// worker-side timings (ms since the worker's time origin, given too, so the page can line them up)
const marks = { origin: performance.timeOrigin, start: performance.now() };

async function start({ total = 0, files = {}, reload = false }) {
  const own = OWN.map((name) => new URL(`./${name}${q}`, import.meta.url).href);
  const urls = [...own, new URL("../pyodide/pyodide.mjs", import.meta.url).href];
  let modules;
  try {
    // all in parallel; pyodide.mjs fetches nothing until loadPyodide() runs
    modules = await Promise.all([...own.map((url) => import(url)), import("../pyodide/pyodide.mjs")]);
  } catch (err) {
    console.error("[计算器] 脚本载入失败:", err);
    throw { kind: "load", urls };
  }
  const [{ RuntimeFailure, logCause }, { diagnose }, { httpConfig, runtimeURLs }, { bootCalculators },
    { countingFetch }, { watchWasm }, { loadPyodide }] = modules;
  marks.loader = performance.now();

  const config = httpConfig(import.meta.url, version);
  const manifest = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, f.bytes]));
  const baseFetch = self.fetch.bind(self);
  let loaded = 0;
  let stage = "download";
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
        if (stage !== "rules") post({ type: "progress", stage, loaded, total });
      },
      done(name) {
        if (name === "pyodide.asm.wasm" || name === config.stdLibURL.split("/").pop().split("?")[0]) big.add(name);
        if (stage === "download" && big.size === 2) {
          stage = "boot";
          post({ type: "progress", stage, loaded, total });
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
  post({ type: "progress", stage, loaded, total });
  try {
    const calc = await Promise.race([
      bootCalculators(loadPyodide, config, (s) => {
        marks[s] = performance.now();
        if (s === "rules") {
          stage = s;
          post({ type: "progress", stage, loaded, total });
        }
      }),
      failed,
    ]);
    marks.ready = performance.now();
    post({ type: "ready", loaded, marks });
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
  if (msg.type === "init") {
    ready ??= start(msg);
    ready.catch((f) => post({ type: "failed", failure: f && f.kind ? (f.toJSON ? f.toJSON() : f) : { kind: "start" } }));
    return;
  }
  if (msg.type === "run") {
    let calc;
    try {
      calc = await (ready ?? Promise.reject(new Error("not started")));
    } catch {
      post({ type: "failed", id: msg.id, failure: { kind: "start" } });
      return;
    }
    try {
      post({ type: "result", id: msg.id, json: calc.run(msg.calculator, msg.rules, msg.input) });
    } catch (err) {
      console.error("[计算器] 计算出错:", err);
      post({ type: "failed", id: msg.id, failure: { kind: "engine", fatal: !alive(calc) } });
    }
  }
};
