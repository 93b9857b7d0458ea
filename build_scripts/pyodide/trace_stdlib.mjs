// Which parts of Pyodide's standard library the site really uses, measured, not guessed.
//
// Boots Pyodide under Node through the same boot code as the browser worker (boot.mjs), but
// with the FULL upstream python_stdlib.zip, and records every read Emscripten's file system
// serves from that archive (from before the interpreter starts: Pyodide's own start-up, the
// wheel install, the calculators' imports). Then it runs what the page can ask of Python:
// the whole case table through calculators.selfcheck, every case through run_json (what the
// worker calls), an unknown rule set and calculator, and a Python exception that crosses
// into JavaScript (Pyodide formats it with the traceback module).
//
// Usage: node trace_stdlib.mjs PYODIDE_DIR CASES_JSON FULL_STDLIB_ZIP  → JSON on stdout:
//   {"archive": "/lib/python3NN.zip", "reads": [[position, length], ...], "modules": [[name, file], ...]}
// build_scripts/pyodide/stdlib.py maps the read positions to archive members.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

// FULL_STDLIB_ZIP: the upstream archive in the vendored cache (the site does not ship it).
const [dir, casesPath, fullStdlib] = process.argv.slice(2);
if (!fullStdlib) throw new Error("usage: node trace_stdlib.mjs PYODIDE_DIR CASES_JSON FULL_STDLIB_ZIP");
const assets = new URL("../../docs/assets/calculators/", import.meta.url);
const { dirConfig } = await import(new URL("pyodide-config.mjs", assets));
const { bootCalculators } = await import(new URL("boot.mjs", assets));
const { loadPyodide } = await import(pathToFileURL(resolve(dir, "pyodide.mjs")).href);

const reads = [];
let archive = null;
const config = {
  ...dirConfig(resolve(dir)),
  stdLibURL: pathToFileURL(resolve(fullStdlib)).href, // the full upstream archive
  fsInit(FS) {
    const read = FS.read;
    FS.read = function (stream, buffer, offset, length, position) {
      const path = stream && stream.path;
      if (path && /^\/lib\/python\d+\.zip$/.test(path)) {
        archive = path;
        reads.push([position ?? stream.position, length]);
      }
      return read.apply(this, arguments);
    };
  },
};
const calc = await bootCalculators(loadPyodide, config);
const py = calc.pyodide;

const casesText = readFileSync(casesPath, "utf8");
py.globals.set("cases_text", casesText);
py.runPython(`
import json
from calculators.selfcheck import run_case_table_json
from calculators.engine import describe
_results = json.loads(run_case_table_json(cases_text))
_failed = [r["id"] for r in _results if not r["ok"]]
if _failed:
    raise SystemExit(f"case table fails in Pyodide: {_failed[:5]}")
describe()
`);
for (const c of JSON.parse(casesText).cases) calc.run(c.calculator, c.rules, c.input ?? {});
calc.run("attendance", "no-such-rules", { period: "year", days_in_village: 1 });
calc.run("no-such-calculator", "hebei-measures", {});
calc.run("attendance", "hebei-measures", "{not json");
try {
  py.runPython("raise ValueError('trace: an exception crossing into JavaScript')");
} catch {
  /* expected: the message was formatted by Pyodide */
}

const modules = py.runPython(
  "import sys, json; json.dumps(sorted((n, getattr(m, '__file__', None) or '') for n, m in list(sys.modules.items()) if m is not None))",
);
process.stdout.write(JSON.stringify({ archive, reads, modules: JSON.parse(modules) }));
