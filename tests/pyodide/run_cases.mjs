// Parity runner: boot Pyodide under Node from a directory laid out like site/assets/pyodide/
// (runtime files, our wheel, the site lock), using the same boot code as the browser worker,
// and run every case. Usage: node run_cases.mjs PYODIDE_DIR CASES_JSON  → JSON array on stdout.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [dir, casesPath] = process.argv.slice(2);
const assets = new URL("../../docs/assets/calculators/", import.meta.url);
const { dirConfig } = await import(new URL("pyodide-config.mjs", assets));
const { bootCalculators } = await import(new URL("boot.mjs", assets));
const { loadPyodide } = await import(pathToFileURL(resolve(dir, "pyodide.mjs")).href);

const calc = await bootCalculators(loadPyodide, dirConfig(resolve(dir)));
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const out = cases.map((c) => calc.run(c.calculator, c.rules, c.input_json));
process.stdout.write(JSON.stringify(out));
