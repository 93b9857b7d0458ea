// Module Web Worker: boots Pyodide from ../pyodide/ with the calculators wheel and answers
// {id, calculator, rules, input} with the engine's JSON text. Messages to the page:
//   {type:"progress", stage:"download"|"boot"|"rules", loaded, total}
//   {type:"ready"}  {type:"result", id, json}  {type:"failed", id?, message}

const version = new URL(import.meta.url).searchParams.get("v") || "";
const q = version ? `?v=${encodeURIComponent(version)}` : "";

let ready = null;

function post(msg) {
  self.postMessage(msg);
}

// worker-side timings (ms since the worker's time origin, given too, so the page can line them up)
const marks = { origin: performance.timeOrigin, start: performance.now() };

async function start(total) {
  // all four modules in parallel; pyodide.mjs fetches nothing until loadPyodide() runs
  const [{ httpConfig }, { bootCalculators }, { countingFetch }, { loadPyodide }] = await Promise.all([
    import(`./pyodide-config.mjs${q}`),
    import(`./boot.mjs${q}`),
    import(`./progress-fetch.mjs${q}`),
    import("../pyodide/pyodide.mjs"),
  ]);
  marks.loader = performance.now();
  let loaded = 0;
  let stage = "download";
  const big = new Set(); // the interpreter starts once the wasm and the standard library are in
  self.fetch = countingFetch(self.fetch.bind(self), (url, bytes, done) => {
    loaded += bytes;
    if (done && /pyodide\.asm\.wasm|zhucun-stdlib\.zip/.test(url)) big.add(url);
    if (stage === "download" && big.size === 2) stage = "boot";
    if (stage !== "rules") post({ type: "progress", stage, loaded, total });
  });
  post({ type: "progress", stage, loaded, total });
  const calc = await bootCalculators(loadPyodide, httpConfig(import.meta.url, version), (s) => {
    marks[s] = performance.now();
    if (s === "rules") {
      stage = s;
      post({ type: "progress", stage, loaded, total });
    }
  });
  marks.ready = performance.now();
  post({ type: "ready", loaded, marks });
  return calc;
}

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    ready ??= start(msg.total || 0);
    ready.catch((err) => post({ type: "failed", message: String(err && err.message ? err.message : err) }));
    return;
  }
  if (msg.type === "run") {
    try {
      ready ??= start(0);
      const calc = await ready;
      post({ type: "result", id: msg.id, json: calc.run(msg.calculator, msg.rules, msg.input) });
    } catch (err) {
      post({ type: "failed", id: msg.id, message: String(err && err.message ? err.message : err) });
    }
  }
};
